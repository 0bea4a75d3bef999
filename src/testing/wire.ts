/**
 * The wire format the reference server speaks: the snake_case run object, the list envelope and
 * the error envelope (REFERENCE.md §2). Kept free of HTTP so the store and lifecycle can use it.
 */

/** Every run status the wire format defines. Servers may add more; {@link WireRun.status} stays open. */
export type RunStatus =
  | "queued"
  | "in_progress"
  | "requires_action"
  | "cancelling"
  | "cancelled"
  | "failed"
  | "completed"
  | "incomplete"
  | "expired";

/** Statuses after which a run never changes again; cancelling one is refused. */
export const TERMINAL_STATUSES: ReadonlySet<string> = new Set<RunStatus>([
  "cancelled",
  "failed",
  "completed",
  "incomplete",
  "expired",
]);

/** Statuses a cancel moves to `cancelling`. */
export const CANCELLABLE_STATUSES: ReadonlySet<string> = new Set<RunStatus>([
  "queued",
  "in_progress",
  "requires_action",
]);

/** A function tool call inside `required_action`. */
export interface WireToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

/** Token counts; `null` on the run until it is terminal. */
export interface WireUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/**
 * The run object exactly as it travels (snake_case, Unix-second timestamps). Every field of
 * REFERENCE.md §2 is always present so clients are tested against the full shape.
 */
// TODO(schema): switch to generated type (components["schemas"]["RunObject"] in generated/schema.ts)
export interface WireRun {
  id: string;
  object: "thread.run";
  created_at: number;
  thread_id: string;
  assistant_id: string;
  /** Open-ended: forward-compatibility tests set values the client has never seen. */
  status: RunStatus | (string & {});
  required_action: {
    type: "submit_tool_outputs" | (string & {});
    submit_tool_outputs: { tool_calls: WireToolCall[] };
  } | null;
  last_error: {
    code: "server_error" | "rate_limit_exceeded" | "invalid_prompt";
    message: string;
  } | null;
  expires_at: number | null;
  started_at: number | null;
  cancelled_at: number | null;
  failed_at: number | null;
  completed_at: number | null;
  incomplete_details: { reason?: "max_completion_tokens" | "max_prompt_tokens" } | null;
  model: string;
  instructions: string | null;
  tools: Array<{ type: string } & Record<string, unknown>>;
  tool_resources: Record<string, unknown> | null;
  metadata: Record<string, string> | null;
  usage: WireUsage | null;
  temperature: number | null;
  top_p: number | null;
  max_prompt_tokens: number | null;
  max_completion_tokens: number | null;
  truncation_strategy: { type: "auto" | "last_messages"; last_messages: number | null } | null;
  tool_choice: "none" | "auto" | "required" | { type: string; function?: { name: string } } | null;
  parallel_tool_calls: boolean;
  response_format:
    | "auto"
    | { type: "text" | "json_object" }
    | { type: "json_schema"; json_schema: Record<string, unknown> }
    | null;
}

/** The list envelope of `GET /threads/{thread_id}/runs`. */
export interface WireRunList {
  object: "list";
  data: WireRun[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

/** The error envelope every non-2xx answer carries. */
export interface WireError {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** Serialises an error envelope; `param` and `code` default to `null` as real servers send them. */
export function errorBody(
  message: string,
  type: string,
  param: string | null = null,
  code: string | null = null,
): string {
  const body: WireError = { error: { message, type, param, code } };
  return JSON.stringify(body);
}

/** A generic error body for a bare HTTP status, used by faults that do not bring their own body. */
export function statusErrorBody(status: number): string {
  if (status === 429) {
    return errorBody("Rate limit reached for requests.", "requests", null, "rate_limit_exceeded");
  }
  if (status === 503) {
    return errorBody("The server is overloaded or not ready yet.", "server_error");
  }
  if (status >= 500) {
    return errorBody(
      "The server had an error while processing your request. Sorry about that!",
      "server_error",
    );
  }
  return errorBody(`Injected error (HTTP ${status}).`, "invalid_request_error");
}

/** The current time as the wire carries it: whole Unix seconds. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
