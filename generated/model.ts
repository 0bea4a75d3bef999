// This file is generated: do not edit it by hand.
// Source:  spec/openapi.yaml (sha256 002d1d0f8c2a32723ad781692643da3b3714844ee89a168e5c7e50916c45566e)
// Command: npm run generate
/* eslint-disable */

import type { components } from "./schema.js";
import { at, bool, boolOrNull, checkList, checkMap, date, dateOrNull, fail, isModelObject, isObject, keepUnknown, list, listToWire, num, numOrNull, obj, objOrNull, str, strOrNull, unix } from "./runtime.js";
import type { WireObject } from "./runtime.js";

export { WireShapeError } from "./runtime.js";

/** The wire (snake_case JSON) type of a component schema, as openapi-typescript emits it. */
export type Wire<Name extends keyof components["schemas"]> = components["schemas"][Name];

/**
 * An execution run on a thread. Servers add fields over time: keep unknown fields. Every timestamp is a Unix time in **seconds**.
 *
 * Wire schema: `RunObject`.
 */
export interface ThreadRun {
  /**
   * The identifier of the run, usable in API paths.
   *
   * Wire field: `id`.
   */
  id: string;
  /**
   * The object type, always `thread.run`.
   *
   * Wire field: `object`. Reads as `"thread.run"` when the server leaves it out or sends `null`.
   */
  object: "thread.run";
  /**
   * When the run was created, as Unix time in seconds.
   *
   * Wire field: `created_at` (Unix seconds on the wire).
   */
  createdAt: Date;
  /**
   * The id of the thread the run was executed on.
   *
   * Wire field: `thread_id`.
   */
  threadId: string;
  /**
   * The id of the assistant (agent) used for this run; `null` when a server leaves it out.
   *
   * Wire field: `assistant_id`. Reads as `null` when the server leaves it out or sends `null`.
   */
  assistantId: string | null;
  /**
   * Wire field: `status`.
   */
  status: RunStatus;
  /**
   * What the caller must do for the run to continue; `null` unless the status is `requires_action`. Azure may omit the field.
   *
   * Wire field: `required_action`. Reads as `null` when the server leaves it out or sends `null`.
   */
  requiredAction: RequiredAction | null;
  /**
   * The last error of the run; `null` if there was none.
   *
   * Wire field: `last_error`. Reads as `null` when the server leaves it out or sends `null`.
   */
  lastError: RunLastError | null;
  /**
   * When the run will expire, as Unix time in seconds; `null` once it ended.
   *
   * Wire field: `expires_at` (Unix seconds on the wire). Reads as `null` when the server leaves it out or sends `null`.
   */
  expiresAt: Date | null;
  /**
   * When the run was started, as Unix time in seconds; `null` before that.
   *
   * Wire field: `started_at` (Unix seconds on the wire). Reads as `null` when the server leaves it out or sends `null`.
   */
  startedAt: Date | null;
  /**
   * When the run was cancelled, as Unix time in seconds; `null` otherwise.
   *
   * Wire field: `cancelled_at` (Unix seconds on the wire). Reads as `null` when the server leaves it out or sends `null`.
   */
  cancelledAt: Date | null;
  /**
   * When the run failed, as Unix time in seconds; `null` otherwise.
   *
   * Wire field: `failed_at` (Unix seconds on the wire). Reads as `null` when the server leaves it out or sends `null`.
   */
  failedAt: Date | null;
  /**
   * When the run completed, as Unix time in seconds; `null` otherwise.
   *
   * Wire field: `completed_at` (Unix seconds on the wire). Reads as `null` when the server leaves it out or sends `null`.
   */
  completedAt: Date | null;
  /**
   * Why the run is incomplete; `null` if the run is not incomplete.
   *
   * Wire field: `incomplete_details`. Reads as `null` when the server leaves it out or sends `null`.
   */
  incompleteDetails: RunIncompleteDetails | null;
  /**
   * The model (or Azure deployment name) used for this run; `null` when a server leaves it out.
   *
   * Wire field: `model`. Reads as `null` when the server leaves it out or sends `null`.
   */
  model: string | null;
  /**
   * The instructions the assistant used for this run. Vendor schemas say string, but published examples return `null`, so clients must accept `null`.
   *
   * Wire field: `instructions`. Reads as `null` when the server leaves it out or sends `null`.
   */
  instructions: string | null;
  /**
   * The tools the assistant used for this run (at most 20). Some servers send `null` or leave it out: both read as `[]`.
   *
   * Wire field: `tools`. Reads as `[]` when the server leaves it out or sends `null`.
   */
  tools: Tool[];
  /**
   * Resources made available to the tools for this run. Appears in OpenAI's own cancel example but not in its schema; optional.
   *
   * Wire field: `tool_resources`. Reads as `null` when the server leaves it out or sends `null`.
   */
  toolResources: ToolResources | null;
  /**
   * Wire field: `metadata`. Reads as `null` when the server leaves it out or sends `null`.
   */
  metadata: Metadata;
  /**
   * Token usage of the run; `null` until the run is in a terminal status.
   *
   * Wire field: `usage`. Reads as `null` when the server leaves it out or sends `null`.
   */
  usage: RunUsage | null;
  /**
   * The sampling temperature used for this run (0 to 2). Defaults to 1 if not set.
   *
   * Wire field: `temperature`. Reads as `null` when the server leaves it out or sends `null`.
   */
  temperature: number | null;
  /**
   * The nucleus sampling value used for this run (0 to 1). Defaults to 1 if not set.
   *
   * Wire field: `top_p`. Reads as `null` when the server leaves it out or sends `null`.
   */
  topP: number | null;
  /**
   * The maximum number of prompt tokens the run may use (at least 256).
   *
   * Wire field: `max_prompt_tokens`. Reads as `null` when the server leaves it out or sends `null`.
   */
  maxPromptTokens: number | null;
  /**
   * The maximum number of completion tokens the run may use (at least 256).
   *
   * Wire field: `max_completion_tokens`. Reads as `null` when the server leaves it out or sends `null`.
   */
  maxCompletionTokens: number | null;
  /**
   * How the thread is truncated before the run to fit the context window.
   *
   * Wire field: `truncation_strategy`. Reads as `null` when the server leaves it out or sends `null`.
   */
  truncationStrategy: TruncationStrategy | null;
  /**
   * Which tool, if any, the model is made to call.
   *
   * Wire field: `tool_choice`. Reads as `null` when the server leaves it out or sends `null`.
   */
  toolChoice: ToolChoice | null;
  /**
   * Whether the model may call several tools in parallel; `true` (the API's default) when a server leaves it out.
   *
   * Wire field: `parallel_tool_calls`. Reads as `true` when the server leaves it out or sends `null`.
   */
  parallelToolCalls: boolean;
  /**
   * The format the model must output.
   *
   * Wire field: `response_format`. Reads as `null` when the server leaves it out or sends `null`.
   */
  responseFormat: ResponseFormat | null;
}

/**
 * The status of the run. Terminal values (listed in `x-terminal-values`): `cancelled`, `failed`, `completed`, `incomplete`, `expired`. `cancelling` is not terminal. Servers may add values: treat an unknown status as non-terminal.
 *
 * Wire schema: `RunStatus`.
 */
export type RunStatus = "queued" | "in_progress" | "requires_action" | "cancelling" | "cancelled" | "failed" | "completed" | "incomplete" | "expired" | (string & {});

/**
 * Every value of {@link RunStatus} that the spec documents.
 */
export const runStatusValues = ["queued","in_progress","requires_action","cancelling","cancelled","failed","completed","incomplete","expired"] as const;

/**
 * The values of {@link RunStatus} after which nothing changes any more (`x-terminal-values`).
 */
export const runStatusTerminalValues = ["cancelled","failed","completed","incomplete","expired"] as const;

/**
 * An action the caller must take for the run to continue. Today the only documented type is `submit_tool_outputs`; Azure adds other types, whose payload sits under a property named after the type.
 *
 * Wire schema: `RequiredAction`.
 */
export interface RequiredAction {
  /**
   * The kind of action required.
   *
   * Wire field: `type`.
   */
  type: "submit_tool_outputs" | (string & {});
  /**
   * The tool calls to answer, with `type: submit_tool_outputs`.
   *
   * Wire field: `submit_tool_outputs`. Reads as `null` when the server leaves it out or sends `null`.
   */
  submitToolOutputs: SubmitToolOutputsAction | null;
}

/**
 * The tool calls whose outputs the caller must submit for the run to continue.
 *
 * Wire schema: `SubmitToolOutputsAction`.
 */
export interface SubmitToolOutputsAction {
  /**
   * The tool calls that need outputs.
   *
   * Wire field: `tool_calls`.
   */
  toolCalls: RunToolCall[];
}

/**
 * A tool call made by the model that is waiting for its output.
 *
 * Wire schema: `RunToolCall`.
 */
export interface RunToolCall {
  /**
   * The id of the tool call; quote it when submitting the output.
   *
   * Wire field: `id`.
   */
  id: string;
  /**
   * The type of tool call.
   *
   * Wire field: `type`.
   */
  type: "function" | (string & {});
  /**
   * Wire field: `function`.
   */
  function: RunToolCallFunction;
}

/**
 * The function the model called.
 *
 * Wire schema: `RunToolCallFunction`.
 */
export interface RunToolCallFunction {
  /**
   * The name of the function.
   *
   * Wire field: `name`.
   */
  name: string;
  /**
   * The arguments the model produced, as a JSON-encoded string (user data).
   *
   * Wire field: `arguments`.
   */
  arguments: string;
}

/**
 * The last error of a run.
 *
 * Wire schema: `RunLastError`.
 */
export interface RunLastError {
  /**
   * The error code.
   *
   * Wire field: `code`.
   */
  code: "server_error" | "rate_limit_exceeded" | "invalid_prompt" | (string & {});
  /**
   * A human-readable description of the error.
   *
   * Wire field: `message`.
   */
  message: string;
}

/**
 * Why the run ended as `incomplete`.
 *
 * Wire schema: `RunIncompleteDetails`.
 */
export interface RunIncompleteDetails {
  /**
   * The token limit that was reached.
   *
   * Wire field: `reason`. Reads as `null` when the server leaves it out or sends `null`.
   */
  reason: "max_completion_tokens" | "max_prompt_tokens" | (string & {}) | null;
}

/**
 * A tool the assistant can use, told apart by `type`. Azure has more tool types.
 *
 * Wire schema: `Tool`.
 */
export type Tool = CodeInterpreterTool | FileSearchTool | FunctionTool;

/**
 * The code interpreter tool.
 *
 * Wire schema: `CodeInterpreterTool`.
 */
export interface CodeInterpreterTool {
  /**
   * Always `code_interpreter`.
   *
   * Wire field: `type`.
   */
  type: "code_interpreter";
}

/**
 * The file search tool.
 *
 * Wire schema: `FileSearchTool`.
 */
export interface FileSearchTool {
  /**
   * Always `file_search`.
   *
   * Wire field: `type`.
   */
  type: "file_search";
  /**
   * Options of the file search tool; `null` when the server sends none.
   *
   * Wire field: `file_search`. Reads as `null` when the server leaves it out or sends `null`.
   */
  fileSearch: FileSearchToolOptions | null;
}

/**
 * Options of the file search tool.
 *
 * Wire schema: `FileSearchToolOptions`.
 */
export interface FileSearchToolOptions {
  /**
   * The maximum number of results the tool returns (1 to 50).
   *
   * Wire field: `max_num_results`. Reads as `null` when the server leaves it out or sends `null`.
   */
  maxNumResults: number | null;
  /**
   * How results are ranked.
   *
   * Wire field: `ranking_options`. Reads as `null` when the server leaves it out or sends `null`.
   */
  rankingOptions: FileSearchRankingOptions | null;
}

/**
 * How file search results are ranked.
 *
 * Wire schema: `FileSearchRankingOptions`.
 */
export interface FileSearchRankingOptions {
  /**
   * The ranker to use.
   *
   * Wire field: `ranker`. Reads as `null` when the server leaves it out or sends `null`.
   */
  ranker: "auto" | "default_2024_08_21" | (string & {}) | null;
  /**
   * The minimum score (0 to 1) a result needs to be returned.
   *
   * Wire field: `score_threshold`. Reads as `null` when the server leaves it out or sends `null`.
   */
  scoreThreshold: number | null;
}

/**
 * A function the model may call; the caller runs it and submits the output.
 *
 * Wire schema: `FunctionTool`.
 */
export interface FunctionTool {
  /**
   * Always `function`.
   *
   * Wire field: `type`.
   */
  type: "function";
  /**
   * Wire field: `function`.
   */
  function: FunctionDefinition;
}

/**
 * The definition of a function tool.
 *
 * Wire schema: `FunctionDefinition`.
 */
export interface FunctionDefinition {
  /**
   * The name of the function.
   *
   * Wire field: `name`.
   */
  name: string;
  /**
   * What the function does; the model uses it to decide when to call it.
   *
   * Wire field: `description`. Reads as `null` when the server leaves it out or sends `null`.
   */
  description: string | null;
  /**
   * The parameters the function accepts; `null` when it takes none.
   *
   * Wire field: `parameters`. Reads as `null` when the server leaves it out or sends `null`.
   */
  parameters: FunctionParameters | null;
  /**
   * Whether the model must follow `parameters` exactly.
   *
   * Wire field: `strict`. Reads as `null` when the server leaves it out or sends `null`.
   */
  strict: boolean | null;
}

/**
 * The parameters of the function as a JSON Schema object. User data: passed through untouched, keys are never renamed.
 *
 * Wire schema: `FunctionParameters`.
 */
export type FunctionParameters = Record<string, unknown>;

/**
 * Resources made available to the tools, per tool type.
 *
 * Wire schema: `ToolResources`.
 */
export interface ToolResources {
  /**
   * Files of the code interpreter tool.
   *
   * Wire field: `code_interpreter`. Reads as `null` when the server leaves it out or sends `null`.
   */
  codeInterpreter: CodeInterpreterToolResources | null;
  /**
   * Vector stores of the file search tool.
   *
   * Wire field: `file_search`. Reads as `null` when the server leaves it out or sends `null`.
   */
  fileSearch: FileSearchToolResources | null;
}

/**
 * Files available to the code interpreter tool.
 *
 * Wire schema: `CodeInterpreterToolResources`.
 */
export interface CodeInterpreterToolResources {
  /**
   * The ids of the files.
   *
   * Wire field: `file_ids`. Reads as `[]` when the server leaves it out or sends `null`.
   */
  fileIds: string[];
}

/**
 * Vector stores available to the file search tool.
 *
 * Wire schema: `FileSearchToolResources`.
 */
export interface FileSearchToolResources {
  /**
   * The ids of the vector stores.
   *
   * Wire field: `vector_store_ids`. Reads as `[]` when the server leaves it out or sends `null`.
   */
  vectorStoreIds: string[];
}

/**
 * Up to 16 key-value pairs attached to the object (user data: keys are never renamed). Keys are at most 64 characters, values at most 512 characters.
 *
 * Wire schema: `Metadata`.
 */
export type Metadata = Record<string, string> | null;

/**
 * Token usage of a run.
 *
 * Wire schema: `RunUsage`.
 */
export interface RunUsage {
  /**
   * Number of prompt tokens used over the run.
   *
   * Wire field: `prompt_tokens`.
   */
  promptTokens: number;
  /**
   * Number of completion tokens used over the run.
   *
   * Wire field: `completion_tokens`.
   */
  completionTokens: number;
  /**
   * Prompt plus completion tokens.
   *
   * Wire field: `total_tokens`.
   */
  totalTokens: number;
}

/**
 * How the thread is truncated before the run.
 *
 * Wire schema: `TruncationStrategy`.
 */
export interface TruncationStrategy {
  /**
   * `auto` drops messages in the middle of the thread to fit the context length; `last_messages` keeps the `last_messages` most recent messages.
   *
   * Wire field: `type`.
   */
  type: "auto" | "last_messages" | (string & {});
  /**
   * The number of most recent messages kept, with `type: last_messages`.
   *
   * Wire field: `last_messages`. Reads as `null` when the server leaves it out or sends `null`.
   */
  lastMessages: number | null;
}

/**
 * `none` (the model calls no tool), `auto` (the model decides) or `required` (the model must call at least one tool), or an object naming the tool to call.
 *
 * Wire schema: `ToolChoice`.
 */
export type ToolChoice = "none" | "auto" | "required" | (string & {}) | ToolChoiceObject;

/**
 * Forces the model to call one particular tool.
 *
 * Wire schema: `ToolChoiceObject`.
 */
export interface ToolChoiceObject {
  /**
   * The type of tool to call.
   *
   * Wire field: `type`.
   */
  type: "function" | "code_interpreter" | "file_search" | (string & {});
  /**
   * The function to call, with `type: function`.
   *
   * Wire field: `function`. Reads as `null` when the server leaves it out or sends `null`.
   */
  function: ToolChoiceFunction | null;
}

/**
 * The function to call, with `type: function`.
 *
 * Wire schema: `ToolChoiceFunction`.
 */
export interface ToolChoiceFunction {
  /**
   * The name of the function.
   *
   * Wire field: `name`.
   */
  name: string;
}

/**
 * `auto` (the default) or an object: `{type: text}`, `{type: json_object}` (JSON mode) or `{type: json_schema, json_schema: {...}}` (structured output).
 *
 * Wire schema: `ResponseFormat`.
 */
export type ResponseFormat = "auto" | ResponseFormatText | ResponseFormatJsonObject | ResponseFormatJsonSchema;

/**
 * The model outputs text.
 *
 * Wire schema: `ResponseFormatText`.
 */
export interface ResponseFormatText {
  /**
   * Always `text`.
   *
   * Wire field: `type`.
   */
  type: "text";
}

/**
 * JSON mode; the model outputs valid JSON.
 *
 * Wire schema: `ResponseFormatJsonObject`.
 */
export interface ResponseFormatJsonObject {
  /**
   * Always `json_object`.
   *
   * Wire field: `type`.
   */
  type: "json_object";
}

/**
 * Structured output; the model outputs JSON that follows the given schema.
 *
 * Wire schema: `ResponseFormatJsonSchema`.
 */
export interface ResponseFormatJsonSchema {
  /**
   * Always `json_schema`.
   *
   * Wire field: `type`.
   */
  type: "json_schema";
  /**
   * Wire field: `json_schema`.
   */
  jsonSchema: JsonSchemaFormat;
}

/**
 * The JSON Schema the model output must follow.
 *
 * Wire schema: `JsonSchemaFormat`.
 */
export interface JsonSchemaFormat {
  /**
   * The name of the response format.
   *
   * Wire field: `name`.
   */
  name: string;
  /**
   * What the response format is for.
   *
   * Wire field: `description`. Reads as `null` when the server leaves it out or sends `null`.
   */
  description: string | null;
  /**
   * A JSON Schema object (user data: passed through untouched, keys are never renamed).
   *
   * Wire field: `schema`. Reads as `null` when the server leaves it out or sends `null`.
   */
  schema: Record<string, unknown> | null;
  /**
   * Whether the output must follow the schema exactly.
   *
   * Wire field: `strict`. Reads as `null` when the server leaves it out or sends `null`.
   */
  strict: boolean | null;
}

const wireKeys_ThreadRun: ReadonlySet<string> = /* @__PURE__ */ new Set(["id","object","created_at","thread_id","assistant_id","status","required_action","last_error","expires_at","started_at","cancelled_at","failed_at","completed_at","incomplete_details","model","instructions","tools","tool_resources","metadata","usage","temperature","top_p","max_prompt_tokens","max_completion_tokens","truncation_strategy","tool_choice","parallel_tool_calls","response_format"]);
const modelKeys_ThreadRun: ReadonlySet<string> = /* @__PURE__ */ new Set(["id","object","createdAt","threadId","assistantId","status","requiredAction","lastError","expiresAt","startedAt","cancelledAt","failedAt","completedAt","incompleteDetails","model","instructions","tools","toolResources","metadata","usage","temperature","topP","maxPromptTokens","maxCompletionTokens","truncationStrategy","toolChoice","parallelToolCalls","responseFormat"]);

function from_ThreadRun(value: unknown, p: string): ThreadRun {
  const w = obj(value, p, "");
  const m: ThreadRun = {
    id: str(w["id"], p, "id"),
    object: (w["object"] == null ? "thread.run" : (str(w["object"], p, "object") as "thread.run")),
    createdAt: date(w["created_at"], p, "created_at"),
    threadId: str(w["thread_id"], p, "thread_id"),
    assistantId: strOrNull(w["assistant_id"], p, "assistant_id"),
    status: (str(w["status"], p, "status") as RunStatus),
    requiredAction: (w["required_action"] == null ? null : from_RequiredAction(w["required_action"], at(p, "required_action"))),
    lastError: (w["last_error"] == null ? null : from_RunLastError(w["last_error"], at(p, "last_error"))),
    expiresAt: dateOrNull(w["expires_at"], p, "expires_at"),
    startedAt: dateOrNull(w["started_at"], p, "started_at"),
    cancelledAt: dateOrNull(w["cancelled_at"], p, "cancelled_at"),
    failedAt: dateOrNull(w["failed_at"], p, "failed_at"),
    completedAt: dateOrNull(w["completed_at"], p, "completed_at"),
    incompleteDetails: (w["incomplete_details"] == null ? null : from_RunIncompleteDetails(w["incomplete_details"], at(p, "incomplete_details"))),
    model: strOrNull(w["model"], p, "model"),
    instructions: strOrNull(w["instructions"], p, "instructions"),
    tools: (w["tools"] == null ? [] : list(w["tools"], p, "tools", (x, xp) => from_Tool(x, xp))),
    toolResources: (w["tool_resources"] == null ? null : from_ToolResources(w["tool_resources"], at(p, "tool_resources"))),
    metadata: from_Metadata(w["metadata"], at(p, "metadata")),
    usage: (w["usage"] == null ? null : from_RunUsage(w["usage"], at(p, "usage"))),
    temperature: numOrNull(w["temperature"], p, "temperature"),
    topP: numOrNull(w["top_p"], p, "top_p"),
    maxPromptTokens: numOrNull(w["max_prompt_tokens"], p, "max_prompt_tokens"),
    maxCompletionTokens: numOrNull(w["max_completion_tokens"], p, "max_completion_tokens"),
    truncationStrategy: (w["truncation_strategy"] == null ? null : from_TruncationStrategy(w["truncation_strategy"], at(p, "truncation_strategy"))),
    toolChoice: (w["tool_choice"] == null ? null : from_ToolChoice(w["tool_choice"], at(p, "tool_choice"))),
    parallelToolCalls: (w["parallel_tool_calls"] == null ? true : bool(w["parallel_tool_calls"], p, "parallel_tool_calls")),
    responseFormat: (w["response_format"] == null ? null : from_ResponseFormat(w["response_format"], at(p, "response_format"))),
  };
  if (Object.keys(w).length !== 4 + (w["object"] !== undefined ? 1 : 0) + (w["assistant_id"] !== undefined ? 1 : 0) + (w["required_action"] !== undefined ? 1 : 0) + (w["last_error"] !== undefined ? 1 : 0) + (w["expires_at"] !== undefined ? 1 : 0) + (w["started_at"] !== undefined ? 1 : 0) + (w["cancelled_at"] !== undefined ? 1 : 0) + (w["failed_at"] !== undefined ? 1 : 0) + (w["completed_at"] !== undefined ? 1 : 0) + (w["incomplete_details"] !== undefined ? 1 : 0) + (w["model"] !== undefined ? 1 : 0) + (w["instructions"] !== undefined ? 1 : 0) + (w["tools"] !== undefined ? 1 : 0) + (w["tool_resources"] !== undefined ? 1 : 0) + (w["metadata"] !== undefined ? 1 : 0) + (w["usage"] !== undefined ? 1 : 0) + (w["temperature"] !== undefined ? 1 : 0) + (w["top_p"] !== undefined ? 1 : 0) + (w["max_prompt_tokens"] !== undefined ? 1 : 0) + (w["max_completion_tokens"] !== undefined ? 1 : 0) + (w["truncation_strategy"] !== undefined ? 1 : 0) + (w["tool_choice"] !== undefined ? 1 : 0) + (w["parallel_tool_calls"] !== undefined ? 1 : 0) + (w["response_format"] !== undefined ? 1 : 0)) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_ThreadRun);
  }
  return m;
}

function to_ThreadRun(m: ThreadRun): WireObject {
  const w: WireObject = {
    "id": m.id,
    "object": m.object,
    "created_at": unix(m.createdAt, "createdAt"),
    "thread_id": m.threadId,
    "assistant_id": (m.assistantId ?? null),
    "status": m.status,
    "required_action": (m.requiredAction == null ? null : to_RequiredAction(m.requiredAction)),
    "last_error": (m.lastError == null ? null : to_RunLastError(m.lastError)),
    "expires_at": (m.expiresAt == null ? null : unix(m.expiresAt, "expiresAt")),
    "started_at": (m.startedAt == null ? null : unix(m.startedAt, "startedAt")),
    "cancelled_at": (m.cancelledAt == null ? null : unix(m.cancelledAt, "cancelledAt")),
    "failed_at": (m.failedAt == null ? null : unix(m.failedAt, "failedAt")),
    "completed_at": (m.completedAt == null ? null : unix(m.completedAt, "completedAt")),
    "incomplete_details": (m.incompleteDetails == null ? null : to_RunIncompleteDetails(m.incompleteDetails)),
    "model": (m.model ?? null),
    "instructions": (m.instructions ?? null),
    "tools": listToWire(m.tools, (x) => to_Tool(x)),
    "tool_resources": (m.toolResources == null ? null : to_ToolResources(m.toolResources)),
    "metadata": m.metadata,
    "usage": (m.usage == null ? null : to_RunUsage(m.usage)),
    "temperature": (m.temperature ?? null),
    "top_p": (m.topP ?? null),
    "max_prompt_tokens": (m.maxPromptTokens ?? null),
    "max_completion_tokens": (m.maxCompletionTokens ?? null),
    "truncation_strategy": (m.truncationStrategy == null ? null : to_TruncationStrategy(m.truncationStrategy)),
    "tool_choice": (m.toolChoice == null ? null : to_ToolChoice(m.toolChoice)),
    "parallel_tool_calls": m.parallelToolCalls,
    "response_format": (m.responseFormat == null ? null : to_ResponseFormat(m.responseFormat)),
  };
  if (Object.keys(m).length !== 28) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_ThreadRun);
  }
  return w;
}

const wireKeys_RequiredAction: ReadonlySet<string> = /* @__PURE__ */ new Set(["type","submit_tool_outputs"]);
const modelKeys_RequiredAction: ReadonlySet<string> = /* @__PURE__ */ new Set(["type","submitToolOutputs"]);

function from_RequiredAction(value: unknown, p: string): RequiredAction {
  const w = obj(value, p, "");
  const m: RequiredAction = {
    type: (str(w["type"], p, "type") as "submit_tool_outputs" | (string & {})),
    submitToolOutputs: (w["submit_tool_outputs"] == null ? null : from_SubmitToolOutputsAction(w["submit_tool_outputs"], at(p, "submit_tool_outputs"))),
  };
  if (Object.keys(w).length !== 1 + (w["submit_tool_outputs"] !== undefined ? 1 : 0)) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_RequiredAction);
  }
  return m;
}

function to_RequiredAction(m: RequiredAction): WireObject {
  const w: WireObject = {
    "type": m.type,
    "submit_tool_outputs": (m.submitToolOutputs == null ? null : to_SubmitToolOutputsAction(m.submitToolOutputs)),
  };
  if (Object.keys(m).length !== 2) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_RequiredAction);
  }
  return w;
}

const wireKeys_SubmitToolOutputsAction: ReadonlySet<string> = /* @__PURE__ */ new Set(["tool_calls"]);
const modelKeys_SubmitToolOutputsAction: ReadonlySet<string> = /* @__PURE__ */ new Set(["toolCalls"]);

function from_SubmitToolOutputsAction(value: unknown, p: string): SubmitToolOutputsAction {
  const w = obj(value, p, "");
  const m: SubmitToolOutputsAction = {
    toolCalls: list(w["tool_calls"], p, "tool_calls", (x, xp) => from_RunToolCall(x, xp)),
  };
  if (Object.keys(w).length !== 1) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_SubmitToolOutputsAction);
  }
  return m;
}

function to_SubmitToolOutputsAction(m: SubmitToolOutputsAction): WireObject {
  const w: WireObject = {
    "tool_calls": listToWire(m.toolCalls, (x) => to_RunToolCall(x)),
  };
  if (Object.keys(m).length !== 1) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_SubmitToolOutputsAction);
  }
  return w;
}

const wireKeys_RunToolCall: ReadonlySet<string> = /* @__PURE__ */ new Set(["id","type","function"]);
const modelKeys_RunToolCall: ReadonlySet<string> = /* @__PURE__ */ new Set(["id","type","function"]);

function from_RunToolCall(value: unknown, p: string): RunToolCall {
  const w = obj(value, p, "");
  const m: RunToolCall = {
    id: str(w["id"], p, "id"),
    type: (str(w["type"], p, "type") as "function" | (string & {})),
    function: from_RunToolCallFunction(w["function"], at(p, "function")),
  };
  if (Object.keys(w).length !== 3) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_RunToolCall);
  }
  return m;
}

function to_RunToolCall(m: RunToolCall): WireObject {
  const w: WireObject = {
    "id": m.id,
    "type": m.type,
    "function": to_RunToolCallFunction(m.function),
  };
  if (Object.keys(m).length !== 3) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_RunToolCall);
  }
  return w;
}

const wireKeys_RunToolCallFunction: ReadonlySet<string> = /* @__PURE__ */ new Set(["name","arguments"]);
const modelKeys_RunToolCallFunction: ReadonlySet<string> = /* @__PURE__ */ new Set(["name","arguments"]);

function from_RunToolCallFunction(value: unknown, p: string): RunToolCallFunction {
  const w = obj(value, p, "");
  const m: RunToolCallFunction = {
    name: str(w["name"], p, "name"),
    arguments: str(w["arguments"], p, "arguments"),
  };
  if (Object.keys(w).length !== 2) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_RunToolCallFunction);
  }
  return m;
}

function to_RunToolCallFunction(m: RunToolCallFunction): WireObject {
  const w: WireObject = {
    "name": m.name,
    "arguments": m.arguments,
  };
  if (Object.keys(m).length !== 2) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_RunToolCallFunction);
  }
  return w;
}

const wireKeys_RunLastError: ReadonlySet<string> = /* @__PURE__ */ new Set(["code","message"]);
const modelKeys_RunLastError: ReadonlySet<string> = /* @__PURE__ */ new Set(["code","message"]);

function from_RunLastError(value: unknown, p: string): RunLastError {
  const w = obj(value, p, "");
  const m: RunLastError = {
    code: (str(w["code"], p, "code") as "server_error" | "rate_limit_exceeded" | "invalid_prompt" | (string & {})),
    message: str(w["message"], p, "message"),
  };
  if (Object.keys(w).length !== 2) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_RunLastError);
  }
  return m;
}

function to_RunLastError(m: RunLastError): WireObject {
  const w: WireObject = {
    "code": m.code,
    "message": m.message,
  };
  if (Object.keys(m).length !== 2) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_RunLastError);
  }
  return w;
}

const wireKeys_RunIncompleteDetails: ReadonlySet<string> = /* @__PURE__ */ new Set(["reason"]);
const modelKeys_RunIncompleteDetails: ReadonlySet<string> = /* @__PURE__ */ new Set(["reason"]);

function from_RunIncompleteDetails(value: unknown, p: string): RunIncompleteDetails {
  const w = obj(value, p, "");
  const m: RunIncompleteDetails = {
    reason: (strOrNull(w["reason"], p, "reason") as "max_completion_tokens" | "max_prompt_tokens" | (string & {}) | null),
  };
  if (Object.keys(w).length !== 0 + (w["reason"] !== undefined ? 1 : 0)) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_RunIncompleteDetails);
  }
  return m;
}

function to_RunIncompleteDetails(m: RunIncompleteDetails): WireObject {
  const w: WireObject = {
    "reason": (m.reason ?? null),
  };
  if (Object.keys(m).length !== 1) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_RunIncompleteDetails);
  }
  return w;
}

const wireKeys_CodeInterpreterTool: ReadonlySet<string> = /* @__PURE__ */ new Set(["type"]);
const modelKeys_CodeInterpreterTool: ReadonlySet<string> = /* @__PURE__ */ new Set(["type"]);

function from_CodeInterpreterTool(value: unknown, p: string): CodeInterpreterTool {
  const w = obj(value, p, "");
  const m: CodeInterpreterTool = {
    type: (str(w["type"], p, "type") as "code_interpreter"),
  };
  if (Object.keys(w).length !== 1) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_CodeInterpreterTool);
  }
  return m;
}

function to_CodeInterpreterTool(m: CodeInterpreterTool): WireObject {
  const w: WireObject = {
    "type": m.type,
  };
  if (Object.keys(m).length !== 1) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_CodeInterpreterTool);
  }
  return w;
}

const wireKeys_FileSearchTool: ReadonlySet<string> = /* @__PURE__ */ new Set(["type","file_search"]);
const modelKeys_FileSearchTool: ReadonlySet<string> = /* @__PURE__ */ new Set(["type","fileSearch"]);

function from_FileSearchTool(value: unknown, p: string): FileSearchTool {
  const w = obj(value, p, "");
  const m: FileSearchTool = {
    type: (str(w["type"], p, "type") as "file_search"),
    fileSearch: (w["file_search"] == null ? null : from_FileSearchToolOptions(w["file_search"], at(p, "file_search"))),
  };
  if (Object.keys(w).length !== 1 + (w["file_search"] !== undefined ? 1 : 0)) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_FileSearchTool);
  }
  return m;
}

function to_FileSearchTool(m: FileSearchTool): WireObject {
  const w: WireObject = {
    "type": m.type,
    "file_search": (m.fileSearch == null ? null : to_FileSearchToolOptions(m.fileSearch)),
  };
  if (Object.keys(m).length !== 2) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_FileSearchTool);
  }
  return w;
}

const wireKeys_FileSearchToolOptions: ReadonlySet<string> = /* @__PURE__ */ new Set(["max_num_results","ranking_options"]);
const modelKeys_FileSearchToolOptions: ReadonlySet<string> = /* @__PURE__ */ new Set(["maxNumResults","rankingOptions"]);

function from_FileSearchToolOptions(value: unknown, p: string): FileSearchToolOptions {
  const w = obj(value, p, "");
  const m: FileSearchToolOptions = {
    maxNumResults: numOrNull(w["max_num_results"], p, "max_num_results"),
    rankingOptions: (w["ranking_options"] == null ? null : from_FileSearchRankingOptions(w["ranking_options"], at(p, "ranking_options"))),
  };
  if (Object.keys(w).length !== 0 + (w["max_num_results"] !== undefined ? 1 : 0) + (w["ranking_options"] !== undefined ? 1 : 0)) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_FileSearchToolOptions);
  }
  return m;
}

function to_FileSearchToolOptions(m: FileSearchToolOptions): WireObject {
  const w: WireObject = {
    "max_num_results": (m.maxNumResults ?? null),
    "ranking_options": (m.rankingOptions == null ? null : to_FileSearchRankingOptions(m.rankingOptions)),
  };
  if (Object.keys(m).length !== 2) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_FileSearchToolOptions);
  }
  return w;
}

const wireKeys_FileSearchRankingOptions: ReadonlySet<string> = /* @__PURE__ */ new Set(["ranker","score_threshold"]);
const modelKeys_FileSearchRankingOptions: ReadonlySet<string> = /* @__PURE__ */ new Set(["ranker","scoreThreshold"]);

function from_FileSearchRankingOptions(value: unknown, p: string): FileSearchRankingOptions {
  const w = obj(value, p, "");
  const m: FileSearchRankingOptions = {
    ranker: (strOrNull(w["ranker"], p, "ranker") as "auto" | "default_2024_08_21" | (string & {}) | null),
    scoreThreshold: numOrNull(w["score_threshold"], p, "score_threshold"),
  };
  if (Object.keys(w).length !== 0 + (w["ranker"] !== undefined ? 1 : 0) + (w["score_threshold"] !== undefined ? 1 : 0)) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_FileSearchRankingOptions);
  }
  return m;
}

function to_FileSearchRankingOptions(m: FileSearchRankingOptions): WireObject {
  const w: WireObject = {
    "ranker": (m.ranker ?? null),
    "score_threshold": (m.scoreThreshold ?? null),
  };
  if (Object.keys(m).length !== 2) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_FileSearchRankingOptions);
  }
  return w;
}

const wireKeys_FunctionTool: ReadonlySet<string> = /* @__PURE__ */ new Set(["type","function"]);
const modelKeys_FunctionTool: ReadonlySet<string> = /* @__PURE__ */ new Set(["type","function"]);

function from_FunctionTool(value: unknown, p: string): FunctionTool {
  const w = obj(value, p, "");
  const m: FunctionTool = {
    type: (str(w["type"], p, "type") as "function"),
    function: from_FunctionDefinition(w["function"], at(p, "function")),
  };
  if (Object.keys(w).length !== 2) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_FunctionTool);
  }
  return m;
}

function to_FunctionTool(m: FunctionTool): WireObject {
  const w: WireObject = {
    "type": m.type,
    "function": to_FunctionDefinition(m.function),
  };
  if (Object.keys(m).length !== 2) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_FunctionTool);
  }
  return w;
}

const wireKeys_FunctionDefinition: ReadonlySet<string> = /* @__PURE__ */ new Set(["name","description","parameters","strict"]);
const modelKeys_FunctionDefinition: ReadonlySet<string> = /* @__PURE__ */ new Set(["name","description","parameters","strict"]);

function from_FunctionDefinition(value: unknown, p: string): FunctionDefinition {
  const w = obj(value, p, "");
  const m: FunctionDefinition = {
    name: str(w["name"], p, "name"),
    description: strOrNull(w["description"], p, "description"),
    parameters: (w["parameters"] == null ? null : obj(w["parameters"], p, "parameters")),
    strict: boolOrNull(w["strict"], p, "strict"),
  };
  if (Object.keys(w).length !== 1 + (w["description"] !== undefined ? 1 : 0) + (w["parameters"] !== undefined ? 1 : 0) + (w["strict"] !== undefined ? 1 : 0)) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_FunctionDefinition);
  }
  return m;
}

function to_FunctionDefinition(m: FunctionDefinition): WireObject {
  const w: WireObject = {
    "name": m.name,
    "description": (m.description ?? null),
    "parameters": (m.parameters ?? null),
    "strict": (m.strict ?? null),
  };
  if (Object.keys(m).length !== 4) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_FunctionDefinition);
  }
  return w;
}

const wireKeys_ToolResources: ReadonlySet<string> = /* @__PURE__ */ new Set(["code_interpreter","file_search"]);
const modelKeys_ToolResources: ReadonlySet<string> = /* @__PURE__ */ new Set(["codeInterpreter","fileSearch"]);

function from_ToolResources(value: unknown, p: string): ToolResources {
  const w = obj(value, p, "");
  const m: ToolResources = {
    codeInterpreter: (w["code_interpreter"] == null ? null : from_CodeInterpreterToolResources(w["code_interpreter"], at(p, "code_interpreter"))),
    fileSearch: (w["file_search"] == null ? null : from_FileSearchToolResources(w["file_search"], at(p, "file_search"))),
  };
  if (Object.keys(w).length !== 0 + (w["code_interpreter"] !== undefined ? 1 : 0) + (w["file_search"] !== undefined ? 1 : 0)) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_ToolResources);
  }
  return m;
}

function to_ToolResources(m: ToolResources): WireObject {
  const w: WireObject = {
    "code_interpreter": (m.codeInterpreter == null ? null : to_CodeInterpreterToolResources(m.codeInterpreter)),
    "file_search": (m.fileSearch == null ? null : to_FileSearchToolResources(m.fileSearch)),
  };
  if (Object.keys(m).length !== 2) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_ToolResources);
  }
  return w;
}

const wireKeys_CodeInterpreterToolResources: ReadonlySet<string> = /* @__PURE__ */ new Set(["file_ids"]);
const modelKeys_CodeInterpreterToolResources: ReadonlySet<string> = /* @__PURE__ */ new Set(["fileIds"]);

function from_CodeInterpreterToolResources(value: unknown, p: string): CodeInterpreterToolResources {
  const w = obj(value, p, "");
  const m: CodeInterpreterToolResources = {
    fileIds: (w["file_ids"] == null ? [] : (checkList(w["file_ids"], p, "file_ids", (x, xp) => str(x, xp, "")) as string[])),
  };
  if (Object.keys(w).length !== 0 + (w["file_ids"] !== undefined ? 1 : 0)) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_CodeInterpreterToolResources);
  }
  return m;
}

function to_CodeInterpreterToolResources(m: CodeInterpreterToolResources): WireObject {
  const w: WireObject = {
    "file_ids": m.fileIds,
  };
  if (Object.keys(m).length !== 1) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_CodeInterpreterToolResources);
  }
  return w;
}

const wireKeys_FileSearchToolResources: ReadonlySet<string> = /* @__PURE__ */ new Set(["vector_store_ids"]);
const modelKeys_FileSearchToolResources: ReadonlySet<string> = /* @__PURE__ */ new Set(["vectorStoreIds"]);

function from_FileSearchToolResources(value: unknown, p: string): FileSearchToolResources {
  const w = obj(value, p, "");
  const m: FileSearchToolResources = {
    vectorStoreIds: (w["vector_store_ids"] == null ? [] : (checkList(w["vector_store_ids"], p, "vector_store_ids", (x, xp) => str(x, xp, "")) as string[])),
  };
  if (Object.keys(w).length !== 0 + (w["vector_store_ids"] !== undefined ? 1 : 0)) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_FileSearchToolResources);
  }
  return m;
}

function to_FileSearchToolResources(m: FileSearchToolResources): WireObject {
  const w: WireObject = {
    "vector_store_ids": m.vectorStoreIds,
  };
  if (Object.keys(m).length !== 1) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_FileSearchToolResources);
  }
  return w;
}

const wireKeys_RunUsage: ReadonlySet<string> = /* @__PURE__ */ new Set(["prompt_tokens","completion_tokens","total_tokens"]);
const modelKeys_RunUsage: ReadonlySet<string> = /* @__PURE__ */ new Set(["promptTokens","completionTokens","totalTokens"]);

function from_RunUsage(value: unknown, p: string): RunUsage {
  const w = obj(value, p, "");
  const m: RunUsage = {
    promptTokens: num(w["prompt_tokens"], p, "prompt_tokens"),
    completionTokens: num(w["completion_tokens"], p, "completion_tokens"),
    totalTokens: num(w["total_tokens"], p, "total_tokens"),
  };
  if (Object.keys(w).length !== 3) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_RunUsage);
  }
  return m;
}

function to_RunUsage(m: RunUsage): WireObject {
  const w: WireObject = {
    "prompt_tokens": m.promptTokens,
    "completion_tokens": m.completionTokens,
    "total_tokens": m.totalTokens,
  };
  if (Object.keys(m).length !== 3) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_RunUsage);
  }
  return w;
}

const wireKeys_TruncationStrategy: ReadonlySet<string> = /* @__PURE__ */ new Set(["type","last_messages"]);
const modelKeys_TruncationStrategy: ReadonlySet<string> = /* @__PURE__ */ new Set(["type","lastMessages"]);

function from_TruncationStrategy(value: unknown, p: string): TruncationStrategy {
  const w = obj(value, p, "");
  const m: TruncationStrategy = {
    type: (str(w["type"], p, "type") as "auto" | "last_messages" | (string & {})),
    lastMessages: numOrNull(w["last_messages"], p, "last_messages"),
  };
  if (Object.keys(w).length !== 1 + (w["last_messages"] !== undefined ? 1 : 0)) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_TruncationStrategy);
  }
  return m;
}

function to_TruncationStrategy(m: TruncationStrategy): WireObject {
  const w: WireObject = {
    "type": m.type,
    "last_messages": (m.lastMessages ?? null),
  };
  if (Object.keys(m).length !== 2) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_TruncationStrategy);
  }
  return w;
}

const wireKeys_ToolChoiceObject: ReadonlySet<string> = /* @__PURE__ */ new Set(["type","function"]);
const modelKeys_ToolChoiceObject: ReadonlySet<string> = /* @__PURE__ */ new Set(["type","function"]);

function from_ToolChoiceObject(value: unknown, p: string): ToolChoiceObject {
  const w = obj(value, p, "");
  const m: ToolChoiceObject = {
    type: (str(w["type"], p, "type") as "function" | "code_interpreter" | "file_search" | (string & {})),
    function: (w["function"] == null ? null : from_ToolChoiceFunction(w["function"], at(p, "function"))),
  };
  if (Object.keys(w).length !== 1 + (w["function"] !== undefined ? 1 : 0)) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_ToolChoiceObject);
  }
  return m;
}

function to_ToolChoiceObject(m: ToolChoiceObject): WireObject {
  const w: WireObject = {
    "type": m.type,
    "function": (m.function == null ? null : to_ToolChoiceFunction(m.function)),
  };
  if (Object.keys(m).length !== 2) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_ToolChoiceObject);
  }
  return w;
}

const wireKeys_ToolChoiceFunction: ReadonlySet<string> = /* @__PURE__ */ new Set(["name"]);
const modelKeys_ToolChoiceFunction: ReadonlySet<string> = /* @__PURE__ */ new Set(["name"]);

function from_ToolChoiceFunction(value: unknown, p: string): ToolChoiceFunction {
  const w = obj(value, p, "");
  const m: ToolChoiceFunction = {
    name: str(w["name"], p, "name"),
  };
  if (Object.keys(w).length !== 1) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_ToolChoiceFunction);
  }
  return m;
}

function to_ToolChoiceFunction(m: ToolChoiceFunction): WireObject {
  const w: WireObject = {
    "name": m.name,
  };
  if (Object.keys(m).length !== 1) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_ToolChoiceFunction);
  }
  return w;
}

const wireKeys_ResponseFormatText: ReadonlySet<string> = /* @__PURE__ */ new Set(["type"]);
const modelKeys_ResponseFormatText: ReadonlySet<string> = /* @__PURE__ */ new Set(["type"]);

function from_ResponseFormatText(value: unknown, p: string): ResponseFormatText {
  const w = obj(value, p, "");
  const m: ResponseFormatText = {
    type: (str(w["type"], p, "type") as "text"),
  };
  if (Object.keys(w).length !== 1) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_ResponseFormatText);
  }
  return m;
}

function to_ResponseFormatText(m: ResponseFormatText): WireObject {
  const w: WireObject = {
    "type": m.type,
  };
  if (Object.keys(m).length !== 1) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_ResponseFormatText);
  }
  return w;
}

const wireKeys_ResponseFormatJsonObject: ReadonlySet<string> = /* @__PURE__ */ new Set(["type"]);
const modelKeys_ResponseFormatJsonObject: ReadonlySet<string> = /* @__PURE__ */ new Set(["type"]);

function from_ResponseFormatJsonObject(value: unknown, p: string): ResponseFormatJsonObject {
  const w = obj(value, p, "");
  const m: ResponseFormatJsonObject = {
    type: (str(w["type"], p, "type") as "json_object"),
  };
  if (Object.keys(w).length !== 1) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_ResponseFormatJsonObject);
  }
  return m;
}

function to_ResponseFormatJsonObject(m: ResponseFormatJsonObject): WireObject {
  const w: WireObject = {
    "type": m.type,
  };
  if (Object.keys(m).length !== 1) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_ResponseFormatJsonObject);
  }
  return w;
}

const wireKeys_ResponseFormatJsonSchema: ReadonlySet<string> = /* @__PURE__ */ new Set(["type","json_schema"]);
const modelKeys_ResponseFormatJsonSchema: ReadonlySet<string> = /* @__PURE__ */ new Set(["type","jsonSchema"]);

function from_ResponseFormatJsonSchema(value: unknown, p: string): ResponseFormatJsonSchema {
  const w = obj(value, p, "");
  const m: ResponseFormatJsonSchema = {
    type: (str(w["type"], p, "type") as "json_schema"),
    jsonSchema: from_JsonSchemaFormat(w["json_schema"], at(p, "json_schema")),
  };
  if (Object.keys(w).length !== 2) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_ResponseFormatJsonSchema);
  }
  return m;
}

function to_ResponseFormatJsonSchema(m: ResponseFormatJsonSchema): WireObject {
  const w: WireObject = {
    "type": m.type,
    "json_schema": to_JsonSchemaFormat(m.jsonSchema),
  };
  if (Object.keys(m).length !== 2) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_ResponseFormatJsonSchema);
  }
  return w;
}

const wireKeys_JsonSchemaFormat: ReadonlySet<string> = /* @__PURE__ */ new Set(["name","description","schema","strict"]);
const modelKeys_JsonSchemaFormat: ReadonlySet<string> = /* @__PURE__ */ new Set(["name","description","schema","strict"]);

function from_JsonSchemaFormat(value: unknown, p: string): JsonSchemaFormat {
  const w = obj(value, p, "");
  const m: JsonSchemaFormat = {
    name: str(w["name"], p, "name"),
    description: strOrNull(w["description"], p, "description"),
    schema: objOrNull(w["schema"], p, "schema"),
    strict: boolOrNull(w["strict"], p, "strict"),
  };
  if (Object.keys(w).length !== 1 + (w["description"] !== undefined ? 1 : 0) + (w["schema"] !== undefined ? 1 : 0) + (w["strict"] !== undefined ? 1 : 0)) {
    keepUnknown(w, m as unknown as WireObject, wireKeys_JsonSchemaFormat);
  }
  return m;
}

function to_JsonSchemaFormat(m: JsonSchemaFormat): WireObject {
  const w: WireObject = {
    "name": m.name,
    "description": (m.description ?? null),
    "schema": (m.schema ?? null),
    "strict": (m.strict ?? null),
  };
  if (Object.keys(m).length !== 4) {
    keepUnknown(m as unknown as WireObject, w, modelKeys_JsonSchemaFormat);
  }
  return w;
}

function from_Tool(value: unknown, p: string): CodeInterpreterTool | FileSearchTool | FunctionTool {
  if (isObject(value)) {
    switch (value["type"]) {
      case "code_interpreter": return from_CodeInterpreterTool(value, p);
      case "file_search": return from_FileSearchTool(value, p);
      case "function": return from_FunctionTool(value, p);
      default: return value as unknown as CodeInterpreterTool | FileSearchTool | FunctionTool;
    }
  }
  return fail(p, "", "an object", value);
}

function to_Tool(m: CodeInterpreterTool | FileSearchTool | FunctionTool): unknown {
  if (isModelObject(m)) {
    switch ((m as unknown as WireObject)["type"]) {
      case "code_interpreter": return to_CodeInterpreterTool((m as CodeInterpreterTool));
      case "file_search": return to_FileSearchTool((m as FileSearchTool));
      case "function": return to_FunctionTool((m as FunctionTool));
      default: return m;
    }
  }
  return m;
}

function from_ToolChoice(value: unknown, p: string): "none" | "auto" | "required" | (string & {}) | ToolChoiceObject {
  if (typeof value === "string") return (str(value, p, "") as "none" | "auto" | "required" | (string & {}));
  if (isObject(value)) return from_ToolChoiceObject(value, p);
  return fail(p, "", "a string or an object", value);
}

function to_ToolChoice(m: "none" | "auto" | "required" | (string & {}) | ToolChoiceObject): unknown {
  if (isModelObject(m)) return to_ToolChoiceObject((m as ToolChoiceObject));
  return m;
}

function from_ResponseFormatVariant2(value: unknown, p: string): ResponseFormatText | ResponseFormatJsonObject | ResponseFormatJsonSchema {
  if (isObject(value)) {
    switch (value["type"]) {
      case "text": return from_ResponseFormatText(value, p);
      case "json_object": return from_ResponseFormatJsonObject(value, p);
      case "json_schema": return from_ResponseFormatJsonSchema(value, p);
      default: return value as unknown as ResponseFormatText | ResponseFormatJsonObject | ResponseFormatJsonSchema;
    }
  }
  return fail(p, "", "an object", value);
}

function to_ResponseFormatVariant2(m: ResponseFormatText | ResponseFormatJsonObject | ResponseFormatJsonSchema): unknown {
  if (isModelObject(m)) {
    switch ((m as unknown as WireObject)["type"]) {
      case "text": return to_ResponseFormatText((m as ResponseFormatText));
      case "json_object": return to_ResponseFormatJsonObject((m as ResponseFormatJsonObject));
      case "json_schema": return to_ResponseFormatJsonSchema((m as ResponseFormatJsonSchema));
      default: return m;
    }
  }
  return m;
}

function from_ResponseFormat(value: unknown, p: string): "auto" | ResponseFormatText | ResponseFormatJsonObject | ResponseFormatJsonSchema {
  if (typeof value === "string") return (str(value, p, "") as "auto");
  if (isObject(value)) return from_ResponseFormatVariant2(value, p);
  return fail(p, "", "a string or an object", value);
}

function to_ResponseFormat(m: "auto" | ResponseFormatText | ResponseFormatJsonObject | ResponseFormatJsonSchema): unknown {
  if (isModelObject(m)) return to_ResponseFormatVariant2((m as ResponseFormatText | ResponseFormatJsonObject | ResponseFormatJsonSchema));
  return m;
}

function from_Metadata(value: unknown, p: string): Metadata {
  return (value == null ? null : (checkMap(value, p, "", (x, xp) => str(x, xp, "")) as Record<string, string>));
}

/**
 * Converts a `RunObject` from the wire (snake_case JSON) into {@link ThreadRun}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function threadRunFromWire(wire: unknown, path = ""): ThreadRun {
  return from_ThreadRun(wire, path);
}

/**
 * Converts {@link ThreadRun} back into its wire form, `RunObject`.
 */
export function threadRunToWire(model: ThreadRun): Wire<"RunObject"> {
  return to_ThreadRun(model) as unknown as Wire<"RunObject">;
}

/**
 * Converts a `RunStatus` from the wire (snake_case JSON) into {@link RunStatus}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function runStatusFromWire(wire: unknown, path = ""): RunStatus {
  return (str(wire, path, "") as RunStatus);
}

/**
 * Converts {@link RunStatus} back into its wire form, `RunStatus`.
 */
export function runStatusToWire(model: RunStatus): Wire<"RunStatus"> {
  return model as unknown as Wire<"RunStatus">;
}

/**
 * Converts a `RequiredAction` from the wire (snake_case JSON) into {@link RequiredAction}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function requiredActionFromWire(wire: unknown, path = ""): RequiredAction {
  return from_RequiredAction(wire, path);
}

/**
 * Converts {@link RequiredAction} back into its wire form, `RequiredAction`.
 */
export function requiredActionToWire(model: RequiredAction): Wire<"RequiredAction"> {
  return to_RequiredAction(model) as unknown as Wire<"RequiredAction">;
}

/**
 * Converts a `SubmitToolOutputsAction` from the wire (snake_case JSON) into {@link SubmitToolOutputsAction}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function submitToolOutputsActionFromWire(wire: unknown, path = ""): SubmitToolOutputsAction {
  return from_SubmitToolOutputsAction(wire, path);
}

/**
 * Converts {@link SubmitToolOutputsAction} back into its wire form, `SubmitToolOutputsAction`.
 */
export function submitToolOutputsActionToWire(model: SubmitToolOutputsAction): Wire<"SubmitToolOutputsAction"> {
  return to_SubmitToolOutputsAction(model) as unknown as Wire<"SubmitToolOutputsAction">;
}

/**
 * Converts a `RunToolCall` from the wire (snake_case JSON) into {@link RunToolCall}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function runToolCallFromWire(wire: unknown, path = ""): RunToolCall {
  return from_RunToolCall(wire, path);
}

/**
 * Converts {@link RunToolCall} back into its wire form, `RunToolCall`.
 */
export function runToolCallToWire(model: RunToolCall): Wire<"RunToolCall"> {
  return to_RunToolCall(model) as unknown as Wire<"RunToolCall">;
}

/**
 * Converts a `RunToolCallFunction` from the wire (snake_case JSON) into {@link RunToolCallFunction}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function runToolCallFunctionFromWire(wire: unknown, path = ""): RunToolCallFunction {
  return from_RunToolCallFunction(wire, path);
}

/**
 * Converts {@link RunToolCallFunction} back into its wire form, `RunToolCallFunction`.
 */
export function runToolCallFunctionToWire(model: RunToolCallFunction): Wire<"RunToolCallFunction"> {
  return to_RunToolCallFunction(model) as unknown as Wire<"RunToolCallFunction">;
}

/**
 * Converts a `RunLastError` from the wire (snake_case JSON) into {@link RunLastError}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function runLastErrorFromWire(wire: unknown, path = ""): RunLastError {
  return from_RunLastError(wire, path);
}

/**
 * Converts {@link RunLastError} back into its wire form, `RunLastError`.
 */
export function runLastErrorToWire(model: RunLastError): Wire<"RunLastError"> {
  return to_RunLastError(model) as unknown as Wire<"RunLastError">;
}

/**
 * Converts a `RunIncompleteDetails` from the wire (snake_case JSON) into {@link RunIncompleteDetails}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function runIncompleteDetailsFromWire(wire: unknown, path = ""): RunIncompleteDetails {
  return from_RunIncompleteDetails(wire, path);
}

/**
 * Converts {@link RunIncompleteDetails} back into its wire form, `RunIncompleteDetails`.
 */
export function runIncompleteDetailsToWire(model: RunIncompleteDetails): Wire<"RunIncompleteDetails"> {
  return to_RunIncompleteDetails(model) as unknown as Wire<"RunIncompleteDetails">;
}

/**
 * Converts a `Tool` from the wire (snake_case JSON) into {@link Tool}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function toolFromWire(wire: unknown, path = ""): Tool {
  return from_Tool(wire, path);
}

/**
 * Converts {@link Tool} back into its wire form, `Tool`.
 */
export function toolToWire(model: Tool): Wire<"Tool"> {
  return to_Tool(model) as unknown as Wire<"Tool">;
}

/**
 * Converts a `CodeInterpreterTool` from the wire (snake_case JSON) into {@link CodeInterpreterTool}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function codeInterpreterToolFromWire(wire: unknown, path = ""): CodeInterpreterTool {
  return from_CodeInterpreterTool(wire, path);
}

/**
 * Converts {@link CodeInterpreterTool} back into its wire form, `CodeInterpreterTool`.
 */
export function codeInterpreterToolToWire(model: CodeInterpreterTool): Wire<"CodeInterpreterTool"> {
  return to_CodeInterpreterTool(model) as unknown as Wire<"CodeInterpreterTool">;
}

/**
 * Converts a `FileSearchTool` from the wire (snake_case JSON) into {@link FileSearchTool}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function fileSearchToolFromWire(wire: unknown, path = ""): FileSearchTool {
  return from_FileSearchTool(wire, path);
}

/**
 * Converts {@link FileSearchTool} back into its wire form, `FileSearchTool`.
 */
export function fileSearchToolToWire(model: FileSearchTool): Wire<"FileSearchTool"> {
  return to_FileSearchTool(model) as unknown as Wire<"FileSearchTool">;
}

/**
 * Converts a `FileSearchToolOptions` from the wire (snake_case JSON) into {@link FileSearchToolOptions}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function fileSearchToolOptionsFromWire(wire: unknown, path = ""): FileSearchToolOptions {
  return from_FileSearchToolOptions(wire, path);
}

/**
 * Converts {@link FileSearchToolOptions} back into its wire form, `FileSearchToolOptions`.
 */
export function fileSearchToolOptionsToWire(model: FileSearchToolOptions): Wire<"FileSearchToolOptions"> {
  return to_FileSearchToolOptions(model) as unknown as Wire<"FileSearchToolOptions">;
}

/**
 * Converts a `FileSearchRankingOptions` from the wire (snake_case JSON) into {@link FileSearchRankingOptions}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function fileSearchRankingOptionsFromWire(wire: unknown, path = ""): FileSearchRankingOptions {
  return from_FileSearchRankingOptions(wire, path);
}

/**
 * Converts {@link FileSearchRankingOptions} back into its wire form, `FileSearchRankingOptions`.
 */
export function fileSearchRankingOptionsToWire(model: FileSearchRankingOptions): Wire<"FileSearchRankingOptions"> {
  return to_FileSearchRankingOptions(model) as unknown as Wire<"FileSearchRankingOptions">;
}

/**
 * Converts a `FunctionTool` from the wire (snake_case JSON) into {@link FunctionTool}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function functionToolFromWire(wire: unknown, path = ""): FunctionTool {
  return from_FunctionTool(wire, path);
}

/**
 * Converts {@link FunctionTool} back into its wire form, `FunctionTool`.
 */
export function functionToolToWire(model: FunctionTool): Wire<"FunctionTool"> {
  return to_FunctionTool(model) as unknown as Wire<"FunctionTool">;
}

/**
 * Converts a `FunctionDefinition` from the wire (snake_case JSON) into {@link FunctionDefinition}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function functionDefinitionFromWire(wire: unknown, path = ""): FunctionDefinition {
  return from_FunctionDefinition(wire, path);
}

/**
 * Converts {@link FunctionDefinition} back into its wire form, `FunctionDefinition`.
 */
export function functionDefinitionToWire(model: FunctionDefinition): Wire<"FunctionDefinition"> {
  return to_FunctionDefinition(model) as unknown as Wire<"FunctionDefinition">;
}

/**
 * Converts a `FunctionParameters` from the wire (snake_case JSON) into {@link FunctionParameters}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function functionParametersFromWire(wire: unknown, path = ""): FunctionParameters {
  return obj(wire, path, "");
}

/**
 * Converts {@link FunctionParameters} back into its wire form, `FunctionParameters`.
 */
export function functionParametersToWire(model: FunctionParameters): Wire<"FunctionParameters"> {
  return model as unknown as Wire<"FunctionParameters">;
}

/**
 * Converts a `ToolResources` from the wire (snake_case JSON) into {@link ToolResources}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function toolResourcesFromWire(wire: unknown, path = ""): ToolResources {
  return from_ToolResources(wire, path);
}

/**
 * Converts {@link ToolResources} back into its wire form, `ToolResources`.
 */
export function toolResourcesToWire(model: ToolResources): Wire<"ToolResources"> {
  return to_ToolResources(model) as unknown as Wire<"ToolResources">;
}

/**
 * Converts a `CodeInterpreterToolResources` from the wire (snake_case JSON) into {@link CodeInterpreterToolResources}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function codeInterpreterToolResourcesFromWire(wire: unknown, path = ""): CodeInterpreterToolResources {
  return from_CodeInterpreterToolResources(wire, path);
}

/**
 * Converts {@link CodeInterpreterToolResources} back into its wire form, `CodeInterpreterToolResources`.
 */
export function codeInterpreterToolResourcesToWire(model: CodeInterpreterToolResources): Wire<"CodeInterpreterToolResources"> {
  return to_CodeInterpreterToolResources(model) as unknown as Wire<"CodeInterpreterToolResources">;
}

/**
 * Converts a `FileSearchToolResources` from the wire (snake_case JSON) into {@link FileSearchToolResources}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function fileSearchToolResourcesFromWire(wire: unknown, path = ""): FileSearchToolResources {
  return from_FileSearchToolResources(wire, path);
}

/**
 * Converts {@link FileSearchToolResources} back into its wire form, `FileSearchToolResources`.
 */
export function fileSearchToolResourcesToWire(model: FileSearchToolResources): Wire<"FileSearchToolResources"> {
  return to_FileSearchToolResources(model) as unknown as Wire<"FileSearchToolResources">;
}

/**
 * Converts a `Metadata` from the wire (snake_case JSON) into {@link Metadata}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function metadataFromWire(wire: unknown, path = ""): Metadata {
  return from_Metadata(wire, path);
}

/**
 * Converts {@link Metadata} back into its wire form, `Metadata`.
 */
export function metadataToWire(model: Metadata): Wire<"Metadata"> {
  return model as unknown as Wire<"Metadata">;
}

/**
 * Converts a `RunUsage` from the wire (snake_case JSON) into {@link RunUsage}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function runUsageFromWire(wire: unknown, path = ""): RunUsage {
  return from_RunUsage(wire, path);
}

/**
 * Converts {@link RunUsage} back into its wire form, `RunUsage`.
 */
export function runUsageToWire(model: RunUsage): Wire<"RunUsage"> {
  return to_RunUsage(model) as unknown as Wire<"RunUsage">;
}

/**
 * Converts a `TruncationStrategy` from the wire (snake_case JSON) into {@link TruncationStrategy}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function truncationStrategyFromWire(wire: unknown, path = ""): TruncationStrategy {
  return from_TruncationStrategy(wire, path);
}

/**
 * Converts {@link TruncationStrategy} back into its wire form, `TruncationStrategy`.
 */
export function truncationStrategyToWire(model: TruncationStrategy): Wire<"TruncationStrategy"> {
  return to_TruncationStrategy(model) as unknown as Wire<"TruncationStrategy">;
}

/**
 * Converts a `ToolChoice` from the wire (snake_case JSON) into {@link ToolChoice}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function toolChoiceFromWire(wire: unknown, path = ""): ToolChoice {
  return from_ToolChoice(wire, path);
}

/**
 * Converts {@link ToolChoice} back into its wire form, `ToolChoice`.
 */
export function toolChoiceToWire(model: ToolChoice): Wire<"ToolChoice"> {
  return to_ToolChoice(model) as unknown as Wire<"ToolChoice">;
}

/**
 * Converts a `ToolChoiceObject` from the wire (snake_case JSON) into {@link ToolChoiceObject}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function toolChoiceObjectFromWire(wire: unknown, path = ""): ToolChoiceObject {
  return from_ToolChoiceObject(wire, path);
}

/**
 * Converts {@link ToolChoiceObject} back into its wire form, `ToolChoiceObject`.
 */
export function toolChoiceObjectToWire(model: ToolChoiceObject): Wire<"ToolChoiceObject"> {
  return to_ToolChoiceObject(model) as unknown as Wire<"ToolChoiceObject">;
}

/**
 * Converts a `ToolChoiceFunction` from the wire (snake_case JSON) into {@link ToolChoiceFunction}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function toolChoiceFunctionFromWire(wire: unknown, path = ""): ToolChoiceFunction {
  return from_ToolChoiceFunction(wire, path);
}

/**
 * Converts {@link ToolChoiceFunction} back into its wire form, `ToolChoiceFunction`.
 */
export function toolChoiceFunctionToWire(model: ToolChoiceFunction): Wire<"ToolChoiceFunction"> {
  return to_ToolChoiceFunction(model) as unknown as Wire<"ToolChoiceFunction">;
}

/**
 * Converts a `ResponseFormat` from the wire (snake_case JSON) into {@link ResponseFormat}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function responseFormatFromWire(wire: unknown, path = ""): ResponseFormat {
  return from_ResponseFormat(wire, path);
}

/**
 * Converts {@link ResponseFormat} back into its wire form, `ResponseFormat`.
 */
export function responseFormatToWire(model: ResponseFormat): Wire<"ResponseFormat"> {
  return to_ResponseFormat(model) as unknown as Wire<"ResponseFormat">;
}

/**
 * Converts a `ResponseFormatText` from the wire (snake_case JSON) into {@link ResponseFormatText}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function responseFormatTextFromWire(wire: unknown, path = ""): ResponseFormatText {
  return from_ResponseFormatText(wire, path);
}

/**
 * Converts {@link ResponseFormatText} back into its wire form, `ResponseFormatText`.
 */
export function responseFormatTextToWire(model: ResponseFormatText): Wire<"ResponseFormatText"> {
  return to_ResponseFormatText(model) as unknown as Wire<"ResponseFormatText">;
}

/**
 * Converts a `ResponseFormatJsonObject` from the wire (snake_case JSON) into {@link ResponseFormatJsonObject}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function responseFormatJsonObjectFromWire(wire: unknown, path = ""): ResponseFormatJsonObject {
  return from_ResponseFormatJsonObject(wire, path);
}

/**
 * Converts {@link ResponseFormatJsonObject} back into its wire form, `ResponseFormatJsonObject`.
 */
export function responseFormatJsonObjectToWire(model: ResponseFormatJsonObject): Wire<"ResponseFormatJsonObject"> {
  return to_ResponseFormatJsonObject(model) as unknown as Wire<"ResponseFormatJsonObject">;
}

/**
 * Converts a `ResponseFormatJsonSchema` from the wire (snake_case JSON) into {@link ResponseFormatJsonSchema}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function responseFormatJsonSchemaFromWire(wire: unknown, path = ""): ResponseFormatJsonSchema {
  return from_ResponseFormatJsonSchema(wire, path);
}

/**
 * Converts {@link ResponseFormatJsonSchema} back into its wire form, `ResponseFormatJsonSchema`.
 */
export function responseFormatJsonSchemaToWire(model: ResponseFormatJsonSchema): Wire<"ResponseFormatJsonSchema"> {
  return to_ResponseFormatJsonSchema(model) as unknown as Wire<"ResponseFormatJsonSchema">;
}

/**
 * Converts a `JsonSchemaFormat` from the wire (snake_case JSON) into {@link JsonSchemaFormat}.
 *
 * @throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.
 */
export function jsonSchemaFormatFromWire(wire: unknown, path = ""): JsonSchemaFormat {
  return from_JsonSchemaFormat(wire, path);
}

/**
 * Converts {@link JsonSchemaFormat} back into its wire form, `JsonSchemaFormat`.
 */
export function jsonSchemaFormatToWire(model: JsonSchemaFormat): Wire<"JsonSchemaFormat"> {
  return to_JsonSchemaFormat(model) as unknown as Wire<"JsonSchemaFormat">;
}

