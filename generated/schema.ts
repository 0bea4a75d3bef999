// This file is generated: do not edit it by hand.
// Source:  spec/openapi.yaml (sha256 002d1d0f8c2a32723ad781692643da3b3714844ee89a168e5c7e50916c45566e)
// Command: npm run generate
/* eslint-disable */
// Output:  sha256 c034f568d99c575894ba285445eb6ec753adfd4e0de6d9715ffeac7892de6dac
export interface paths {
    "/threads/{thread_id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the runs of a thread
         * @description Returns one page of the runs that belong to the thread, newest first unless `order=asc`.
         *
         *     Paging uses cursors that are run ids: pass the previous page's `last_id` as `after` to get
         *     the next page, and stop when `has_more` is `false`. `first_id` and `last_id` are `null` on
         *     an empty page. `limit` is 1 to 100 (default 20); a value outside that range is refused
         *     with `400`.
         */
        get: operations["listRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/threads/{thread_id}/runs/{run_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve a run
         * @description Returns the current state of the run. Poll this operation to wait for a run to stop:
         *     the run is finished only when `status` is one of the terminal values `cancelled`,
         *     `failed`, `completed`, `incomplete` or `expired` (see `RunStatus`). `cancelling`,
         *     `requires_action` and any status this document does not list are **not** terminal.
         */
        get: operations["getRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/threads/{thread_id}/runs/{run_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a run
         * @description Asks the server to stop a run that is still active (`queued`, `in_progress` or
         *     `requires_action`). The call has no request body.
         *
         *     - The answer is the run, **usually with `status: cancelling`**. Cancelling is
         *       asynchronous: `cancelling` is **not** terminal, and the run reaches `cancelled` later
         *       (or another terminal status if it finished first). Poll `getRun` until the status is
         *       terminal before adding messages to the thread or starting a new run.
         *     - A run that has already ended cannot be cancelled: the server refuses with `400` and
         *       the message `Cannot cancel run with status '<status>'` (for example
         *       `Cannot cancel run with status 'completed'`).
         *     - Cancel is safe to retry, but a **retried cancel may meet that refusal because the first
         *       attempt landed** (the run is now `cancelling` or `cancelled`). Treat that `400` after a
         *       retry as "already stopping" and confirm with `getRun`.
         */
        post: operations["cancelRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description An execution run on a thread. Servers add fields over time: keep unknown fields. Every timestamp is a Unix time in **seconds**. */
        RunObject: {
            /** @description The identifier of the run, usable in API paths. */
            id: string;
            /**
             * @description The object type, always `thread.run`.
             * @default thread.run
             * @enum {string}
             */
            object?: "thread.run";
            /**
             * Format: unixtime
             * @description When the run was created, as Unix time in seconds.
             */
            created_at: number;
            /** @description The id of the thread the run was executed on. */
            thread_id: string;
            /** @description The id of the assistant (agent) used for this run; `null` when a server leaves it out. */
            assistant_id?: string | null;
            status: components["schemas"]["RunStatus"];
            /** @description What the caller must do for the run to continue; `null` unless the status is `requires_action`. Azure may omit the field. */
            required_action?: components["schemas"]["RequiredAction"] | null;
            /** @description The last error of the run; `null` if there was none. */
            last_error?: components["schemas"]["RunLastError"] | null;
            /**
             * Format: unixtime
             * @description When the run will expire, as Unix time in seconds; `null` once it ended.
             */
            expires_at?: number | null;
            /**
             * Format: unixtime
             * @description When the run was started, as Unix time in seconds; `null` before that.
             */
            started_at?: number | null;
            /**
             * Format: unixtime
             * @description When the run was cancelled, as Unix time in seconds; `null` otherwise.
             */
            cancelled_at?: number | null;
            /**
             * Format: unixtime
             * @description When the run failed, as Unix time in seconds; `null` otherwise.
             */
            failed_at?: number | null;
            /**
             * Format: unixtime
             * @description When the run completed, as Unix time in seconds; `null` otherwise.
             */
            completed_at?: number | null;
            /** @description Why the run is incomplete; `null` if the run is not incomplete. */
            incomplete_details?: components["schemas"]["RunIncompleteDetails"] | null;
            /** @description The model (or Azure deployment name) used for this run; `null` when a server leaves it out. */
            model?: string | null;
            /** @description The instructions the assistant used for this run. Vendor schemas say string, but published examples return `null`, so clients must accept `null`. */
            instructions?: string | null;
            /** @description The tools the assistant used for this run (at most 20). Some servers send `null` or leave it out: both read as `[]`. */
            tools?: components["schemas"]["Tool"][];
            /** @description Resources made available to the tools for this run. Appears in OpenAI's own cancel example but not in its schema; optional. */
            tool_resources?: components["schemas"]["ToolResources"] | null;
            metadata?: components["schemas"]["Metadata"];
            /** @description Token usage of the run; `null` until the run is in a terminal status. */
            usage?: components["schemas"]["RunUsage"] | null;
            /** @description The sampling temperature used for this run (0 to 2). Defaults to 1 if not set. */
            temperature?: number | null;
            /** @description The nucleus sampling value used for this run (0 to 1). Defaults to 1 if not set. */
            top_p?: number | null;
            /** @description The maximum number of prompt tokens the run may use (at least 256). */
            max_prompt_tokens?: number | null;
            /** @description The maximum number of completion tokens the run may use (at least 256). */
            max_completion_tokens?: number | null;
            /** @description How the thread is truncated before the run to fit the context window. */
            truncation_strategy?: components["schemas"]["TruncationStrategy"] | null;
            /** @description Which tool, if any, the model is made to call. */
            tool_choice?: components["schemas"]["ToolChoice"] | null;
            /**
             * @description Whether the model may call several tools in parallel; `true` (the API's default) when a server leaves it out.
             * @default true
             */
            parallel_tool_calls?: boolean;
            /** @description The format the model must output. */
            response_format?: components["schemas"]["ResponseFormat"] | null;
        };
        /**
         * @description The status of the run. Terminal values (listed in `x-terminal-values`): `cancelled`, `failed`, `completed`, `incomplete`, `expired`. `cancelling` is not terminal. Servers may add values: treat an unknown status as non-terminal.
         * @enum {string}
         */
        RunStatus: "queued" | "in_progress" | "requires_action" | "cancelling" | "cancelled" | "failed" | "completed" | "incomplete" | "expired";
        /** @description An action the caller must take for the run to continue. Today the only documented type is `submit_tool_outputs`; Azure adds other types, whose payload sits under a property named after the type. */
        RequiredAction: {
            /**
             * @description The kind of action required.
             * @enum {string}
             */
            type: "submit_tool_outputs";
            /** @description The tool calls to answer, with `type: submit_tool_outputs`. */
            submit_tool_outputs?: components["schemas"]["SubmitToolOutputsAction"] | null;
        };
        /** @description The tool calls whose outputs the caller must submit for the run to continue. */
        SubmitToolOutputsAction: {
            /** @description The tool calls that need outputs. */
            tool_calls: components["schemas"]["RunToolCall"][];
        };
        /** @description A tool call made by the model that is waiting for its output. */
        RunToolCall: {
            /** @description The id of the tool call; quote it when submitting the output. */
            id: string;
            /**
             * @description The type of tool call.
             * @enum {string}
             */
            type: "function";
            function: components["schemas"]["RunToolCallFunction"];
        };
        /** @description The function the model called. */
        RunToolCallFunction: {
            /** @description The name of the function. */
            name: string;
            /** @description The arguments the model produced, as a JSON-encoded string (user data). */
            arguments: string;
        };
        /** @description The last error of a run. */
        RunLastError: {
            /**
             * @description The error code.
             * @enum {string}
             */
            code: "server_error" | "rate_limit_exceeded" | "invalid_prompt";
            /** @description A human-readable description of the error. */
            message: string;
        };
        /** @description Why the run ended as `incomplete`. */
        RunIncompleteDetails: {
            /**
             * @description The token limit that was reached.
             * @enum {string|null}
             */
            reason?: "max_completion_tokens" | "max_prompt_tokens" | null;
        };
        /** @description Token usage of a run. */
        RunUsage: {
            /** @description Number of prompt tokens used over the run. */
            prompt_tokens: number;
            /** @description Number of completion tokens used over the run. */
            completion_tokens: number;
            /** @description Prompt plus completion tokens. */
            total_tokens: number;
        };
        /** @description How the thread is truncated before the run. */
        TruncationStrategy: {
            /**
             * @description `auto` drops messages in the middle of the thread to fit the context length; `last_messages` keeps the `last_messages` most recent messages.
             * @enum {string}
             */
            type: "auto" | "last_messages";
            /** @description The number of most recent messages kept, with `type: last_messages`. */
            last_messages?: number | null;
        };
        /** @description `none` (the model calls no tool), `auto` (the model decides) or `required` (the model must call at least one tool), or an object naming the tool to call. */
        ToolChoice: ("none" | "auto" | "required") | components["schemas"]["ToolChoiceObject"];
        /** @description Forces the model to call one particular tool. */
        ToolChoiceObject: {
            /**
             * @description The type of tool to call.
             * @enum {string}
             */
            type: "function" | "code_interpreter" | "file_search";
            /** @description The function to call, with `type: function`. */
            function?: components["schemas"]["ToolChoiceFunction"] | null;
        };
        /** @description The function to call, with `type: function`. */
        ToolChoiceFunction: {
            /** @description The name of the function. */
            name: string;
        };
        /** @description `auto` (the default) or an object: `{type: text}`, `{type: json_object}` (JSON mode) or `{type: json_schema, json_schema: {...}}` (structured output). */
        ResponseFormat: "auto" | (components["schemas"]["ResponseFormatText"] | components["schemas"]["ResponseFormatJsonObject"] | components["schemas"]["ResponseFormatJsonSchema"]);
        /** @description The model outputs text. */
        ResponseFormatText: {
            /**
             * @description Always `text`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "text";
        };
        /** @description JSON mode; the model outputs valid JSON. */
        ResponseFormatJsonObject: {
            /**
             * @description Always `json_object`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "json_object";
        };
        /** @description Structured output; the model outputs JSON that follows the given schema. */
        ResponseFormatJsonSchema: {
            /**
             * @description Always `json_schema`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "json_schema";
            json_schema: components["schemas"]["JsonSchemaFormat"];
        };
        /** @description The JSON Schema the model output must follow. */
        JsonSchemaFormat: {
            /** @description The name of the response format. */
            name: string;
            /** @description What the response format is for. */
            description?: string | null;
            /** @description A JSON Schema object (user data: passed through untouched, keys are never renamed). */
            schema?: {
                [key: string]: unknown;
            } | null;
            /** @description Whether the output must follow the schema exactly. */
            strict?: boolean | null;
        };
        /** @description A tool the assistant can use, told apart by `type`. Azure has more tool types. */
        Tool: components["schemas"]["CodeInterpreterTool"] | components["schemas"]["FileSearchTool"] | components["schemas"]["FunctionTool"];
        /** @description The code interpreter tool. */
        CodeInterpreterTool: {
            /**
             * @description Always `code_interpreter`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "code_interpreter";
        };
        /** @description The file search tool. */
        FileSearchTool: {
            /**
             * @description Always `file_search`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "file_search";
            /** @description Options of the file search tool; `null` when the server sends none. */
            file_search?: components["schemas"]["FileSearchToolOptions"] | null;
        };
        /** @description Options of the file search tool. */
        FileSearchToolOptions: {
            /** @description The maximum number of results the tool returns (1 to 50). */
            max_num_results?: number | null;
            /** @description How results are ranked. */
            ranking_options?: components["schemas"]["FileSearchRankingOptions"] | null;
        };
        /** @description How file search results are ranked. */
        FileSearchRankingOptions: {
            /**
             * @description The ranker to use.
             * @enum {string|null}
             */
            ranker?: "auto" | "default_2024_08_21" | null;
            /** @description The minimum score (0 to 1) a result needs to be returned. */
            score_threshold?: number | null;
        };
        /** @description A function the model may call; the caller runs it and submits the output. */
        FunctionTool: {
            /**
             * @description Always `function`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "function";
            function: components["schemas"]["FunctionDefinition"];
        };
        /** @description The definition of a function tool. */
        FunctionDefinition: {
            /** @description The name of the function. */
            name: string;
            /** @description What the function does; the model uses it to decide when to call it. */
            description?: string | null;
            /** @description The parameters the function accepts; `null` when it takes none. */
            parameters?: components["schemas"]["FunctionParameters"] | null;
            /** @description Whether the model must follow `parameters` exactly. */
            strict?: boolean | null;
        };
        /** @description The parameters of the function as a JSON Schema object. User data: passed through untouched, keys are never renamed. */
        FunctionParameters: {
            [key: string]: unknown;
        };
        /** @description Resources made available to the tools, per tool type. */
        ToolResources: {
            /** @description Files of the code interpreter tool. */
            code_interpreter?: components["schemas"]["CodeInterpreterToolResources"] | null;
            /** @description Vector stores of the file search tool. */
            file_search?: components["schemas"]["FileSearchToolResources"] | null;
        };
        /** @description Files available to the code interpreter tool. */
        CodeInterpreterToolResources: {
            /** @description The ids of the files. */
            file_ids?: string[];
        };
        /** @description Vector stores available to the file search tool. */
        FileSearchToolResources: {
            /** @description The ids of the vector stores. */
            vector_store_ids?: string[];
        };
        /** @description Up to 16 key-value pairs attached to the object (user data: keys are never renamed). Keys are at most 64 characters, values at most 512 characters. */
        Metadata: {
            [key: string]: string;
        } | null;
        /** @description One page of runs. */
        ListRunsResponse: {
            /**
             * @description Always `list`.
             * @enum {string}
             */
            object: "list";
            /** @description The runs on this page. */
            data: components["schemas"]["RunObject"][];
            /** @description The id of the first run on this page; `null` on an empty page. */
            first_id: string | null;
            /** @description The id of the last run on this page (pass it as `after` for the next page); `null` on an empty page. */
            last_id: string | null;
            /** @description Whether more runs follow this page. */
            has_more: boolean;
        };
        /** @description The body of every error response. */
        ErrorResponse: {
            error: components["schemas"]["ApiErrorObject"];
        };
        /** @description What went wrong. `message` is always present; `type`, `param` and `code` may be missing or `null` (Azure sends `code` and `message`). */
        ApiErrorObject: {
            /** @description A human-readable description of the error. */
            message: string;
            /** @description The error category, for example `invalid_request_error`. */
            type?: string | null;
            /** @description The request parameter the error is about, if any. */
            param?: string | null;
            /** @description A machine-readable error code, for example `invalid_api_key`. */
            code?: string | null;
        };
    };
    responses: {
        /** @description The request was refused. For `cancelRun` this includes a run that has already ended: `Cannot cancel run with status '<status>'`. */
        BadRequest: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The API key or token is missing, invalid or expired. */
        Unauthorized: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The credential is valid but not allowed to access this project, thread or run. */
        Forbidden: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The thread or run does not exist (or is not visible to this credential). */
        NotFound: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The resource is being modified by another request. Safe to retry after a short delay. */
        Conflict: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Rate limit or quota exceeded. Wait as `retry-after-ms` or `Retry-After` says (when present) before retrying. */
        TooManyRequests: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                "retry-after-ms": components["headers"]["RetryAfterMs"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The server failed. Retrying with backoff is appropriate. */
        InternalServerError: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description A proxy or gateway in front of the server failed (502) or timed out (504). The body may be an HTML page from the proxy rather than the error JSON: clients must still treat the answer as a server error, and retry with backoff. */
        GatewayError: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
                "text/html": string;
            };
        };
        /** @description The server is overloaded or down for maintenance. Wait as `retry-after-ms` or `Retry-After` says (when present) before retrying. */
        ServiceUnavailable: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                "retry-after-ms": components["headers"]["RetryAfterMs"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /**
         * @description The id of the thread the run belongs to.
         * @example thread_abc123
         */
        ThreadId: string;
        /**
         * @description The id of the run.
         * @example run_abc123
         */
        RunId: string;
        /**
         * @description OpenAI requires `assistants=v2` on every threads and runs call (its own specification does not declare the header; its SDK sends it). Azure AI Agents ignores it.
         * @example assistants=v2
         */
        OpenAIBeta: "assistants=v2";
        /**
         * @description The API version. Azure AI Agents requires it on every call (for example `2025-05-01`); OpenAI does not use it.
         * @example 2025-05-01
         */
        ApiVersion: string;
        /**
         * @description The number of runs to return, 1 to 100.
         * @example 20
         */
        Limit: number;
        /**
         * @description Sort order by `created_at`; `desc` (newest first) by default.
         * @example desc
         */
        Order: "asc" | "desc";
        /**
         * @description Cursor: a run id. Returns the runs that come after this run in the chosen order. Pass the previous page's `last_id` to get the next page.
         * @example run_abc123
         */
        After: string;
        /**
         * @description Cursor: a run id. Returns the runs that come before this run in the chosen order. Pass the current page's `first_id` to get the previous page.
         * @example run_abc456
         */
        Before: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Unique id of this request on the server. Quote it when reporting a problem.
         * @example req_5f3a1c2b9d8e7f6a5b4c3d2e1f0a9b8c
         */
        XRequestId: string;
        /**
         * @description How long to wait before retrying: either a number of seconds (`"20"`) or an HTTP date (`"Wed, 21 Oct 2026 07:28:00 GMT"`).
         * @example 20
         */
        RetryAfter: string;
        /**
         * @description How long to wait before retrying, in milliseconds (a non-standard header some servers send; more precise than `Retry-After`, so prefer it when both are present).
         * @example 1500
         */
        RetryAfterMs: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listRuns: {
        parameters: {
            query?: {
                /**
                 * @description The number of runs to return, 1 to 100.
                 * @example 20
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Sort order by `created_at`; `desc` (newest first) by default.
                 * @example desc
                 */
                order?: components["parameters"]["Order"];
                /**
                 * @description Cursor: a run id. Returns the runs that come after this run in the chosen order. Pass the previous page's `last_id` to get the next page.
                 * @example run_abc123
                 */
                after?: components["parameters"]["After"];
                /**
                 * @description Cursor: a run id. Returns the runs that come before this run in the chosen order. Pass the current page's `first_id` to get the previous page.
                 * @example run_abc456
                 */
                before?: components["parameters"]["Before"];
                /**
                 * @description The API version. Azure AI Agents requires it on every call (for example `2025-05-01`); OpenAI does not use it.
                 * @example 2025-05-01
                 */
                "api-version"?: components["parameters"]["ApiVersion"];
            };
            header?: {
                /**
                 * @description OpenAI requires `assistants=v2` on every threads and runs call (its own specification does not declare the header; its SDK sends it). Azure AI Agents ignores it.
                 * @example assistants=v2
                 */
                "OpenAI-Beta"?: components["parameters"]["OpenAIBeta"];
            };
            path: {
                /**
                 * @description The id of the thread the run belongs to.
                 * @example thread_abc123
                 */
                thread_id: components["parameters"]["ThreadId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of runs. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListRunsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["GatewayError"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayError"];
        };
    };
    getRun: {
        parameters: {
            query?: {
                /**
                 * @description The API version. Azure AI Agents requires it on every call (for example `2025-05-01`); OpenAI does not use it.
                 * @example 2025-05-01
                 */
                "api-version"?: components["parameters"]["ApiVersion"];
            };
            header?: {
                /**
                 * @description OpenAI requires `assistants=v2` on every threads and runs call (its own specification does not declare the header; its SDK sends it). Azure AI Agents ignores it.
                 * @example assistants=v2
                 */
                "OpenAI-Beta"?: components["parameters"]["OpenAIBeta"];
            };
            path: {
                /**
                 * @description The id of the thread the run belongs to.
                 * @example thread_abc123
                 */
                thread_id: components["parameters"]["ThreadId"];
                /**
                 * @description The id of the run.
                 * @example run_abc123
                 */
                run_id: components["parameters"]["RunId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunObject"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["GatewayError"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayError"];
        };
    };
    cancelRun: {
        parameters: {
            query?: {
                /**
                 * @description The API version. Azure AI Agents requires it on every call (for example `2025-05-01`); OpenAI does not use it.
                 * @example 2025-05-01
                 */
                "api-version"?: components["parameters"]["ApiVersion"];
            };
            header?: {
                /**
                 * @description OpenAI requires `assistants=v2` on every threads and runs call (its own specification does not declare the header; its SDK sends it). Azure AI Agents ignores it.
                 * @example assistants=v2
                 */
                "OpenAI-Beta"?: components["parameters"]["OpenAIBeta"];
            };
            path: {
                /**
                 * @description The id of the thread the run belongs to.
                 * @example thread_abc123
                 */
                thread_id: components["parameters"]["ThreadId"];
                /**
                 * @description The id of the run.
                 * @example run_abc123
                 */
                run_id: components["parameters"]["RunId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run after the cancel request, usually in status `cancelling`. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunObject"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["GatewayError"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayError"];
        };
    };
}
