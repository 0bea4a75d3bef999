/**
 * The wire format the reference server speaks: the snake_case run object, the list envelope and
 * the error envelope (REFERENCE.md §2). Kept free of HTTP so the store and lifecycle can use it.
 */

import type { components } from "../../generated/schema.js";
import {
  runStatusTerminalValues,
  type RunStatus as ModelRunStatus,
} from "../../generated/model.js";

type Schemas = components["schemas"];

/**
 * Every run status the spec documents (servers may add more; the type stays open).
 * @category Testing
 */
export type RunStatus = Schemas["RunStatus"];

/**
 * Statuses after which a run never changes again; cancelling one is refused. From the spec.
 * @category Testing
 */
export const TERMINAL_STATUSES: ReadonlySet<string> = new Set<string>(runStatusTerminalValues);

/**
 * Statuses a cancel moves to `cancelling`.
 * @category Testing
 */
export const CANCELLABLE_STATUSES: ReadonlySet<string> = new Set<RunStatus>([
  "queued",
  "in_progress",
  "requires_action",
]);

/**
 * A function tool call inside `required_action`.
 * @category Testing
 */
export type WireToolCall = Schemas["RunToolCall"];

/**
 * Token counts; `null` on the run until it is terminal.
 * @category Testing
 */
export type WireUsage = Schemas["RunUsage"];

/**
 * The run object exactly as it travels (snake_case, Unix-second timestamps), as the spec's
 * `RunObject` says. The spec requires only a run's identity; this server always sends every
 * field, and its code relies on `tools` and `truncation_strategy` being there. `status` is left open because forward-compatibility tests
 * set values the client has never seen.
 * @category Testing
 */
export type WireRun = Omit<Schemas["RunObject"], "status" | AlwaysSent> &
  Required<Pick<Schemas["RunObject"], AlwaysSent>> & { status: ModelRunStatus };

/** Optional fields of the spec this server always sends (its factory's shared defaults). */
type AlwaysSent = "tools" | "truncation_strategy";

/**
 * The list envelope of `GET /threads/{thread_id}/runs`.
 * @category Testing
 */
export type WireRunList = Omit<Schemas["ListRunsResponse"], "data"> & { data: WireRun[] };

/**
 * The error envelope every non-2xx answer carries.
 * @category Testing
 */
export type WireError = Schemas["ErrorResponse"];

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
