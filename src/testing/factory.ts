import { copyJson } from "./clone.js";
import { randomId } from "./ids.js";
import type { RunStatus, WireRun } from "./wire.js";
import { TERMINAL_STATUSES, nowSeconds } from "./wire.js";

/**
 * How a test describes a run to seed; every field is optional.
 * @category Testing
 */
export interface CreateRunInit {
  /** Thread the run belongs to. @default a new random `thread_…` id */
  threadId?: string;
  /** Run id. @default a random `run_…` id (24 characters after the prefix, like OpenAI) */
  id?: string;
  /** Initial status; the matching timestamps are filled in. @default "queued" */
  status?: RunStatus | (string & {});
  /** Moves the run to `in_progress` (started_at set) after this many ms, if still `queued`. */
  startAfterMs?: number;
  /**
   * Finishes the run on its own (`completed`, completed_at and usage set) after this many ms,
   * unless it was cancelled or ended first.
   */
  completeAfterMs?: number;
  /**
   * Moves the run to `requires_action` (with one function tool call) after this many ms, if it is
   * still queued or in progress.
   */
  requiresActionAfterMs?: number;
  /**
   * Any wire field (snake_case) to set verbatim after the defaults, including unknown extra fields
   * to test forward compatibility. Applied last: it wins over `status`-derived timestamps.
   */
  overrides?: Partial<WireRun> & Record<string, unknown>;
}

// The server never mutates a run's nested objects (status changes replace top-level fields) and
// hands tests deep copies, so every stored run can share these instead of allocating its own:
// a 100k-run store then costs a third of the garbage-collector time.
const DEFAULT_TOOLS: WireRun["tools"] = Object.freeze([
  Object.freeze({ type: "code_interpreter" }),
]) as WireRun["tools"];
const EMPTY: Record<string, never> = Object.freeze({});
const DEFAULT_TRUNCATION: WireRun["truncation_strategy"] = Object.freeze({
  type: "auto",
  last_messages: null,
});

/**
 * Builds a run with every field of the wire format present, as a fixed-shape literal.
 * `overrides` must already be the server's own copy (see {@link copyOverrides}).
 */
export function buildRun(init: CreateRunInit, threadId: string, id: string): WireRun {
  const createdAt = nowSeconds();
  const run: WireRun = {
    id,
    object: "thread.run",
    created_at: createdAt,
    assistant_id: "asst_threadrunReference00000",
    thread_id: threadId,
    status: "queued",
    started_at: null,
    expires_at: createdAt + 600,
    cancelled_at: null,
    failed_at: null,
    completed_at: null,
    required_action: null,
    last_error: null,
    model: "gpt-4o",
    instructions: "You are a helpful assistant.",
    tools: DEFAULT_TOOLS,
    tool_resources: EMPTY,
    metadata: EMPTY,
    incomplete_details: null,
    usage: null,
    temperature: 1,
    top_p: 1,
    max_prompt_tokens: null,
    max_completion_tokens: null,
    truncation_strategy: DEFAULT_TRUNCATION,
    response_format: "auto",
    tool_choice: "auto",
    parallel_tool_calls: true,
  };
  if (init.status !== undefined && init.status !== "queued") applyStatus(run, init.status);
  if (init.overrides !== undefined) Object.assign(run, init.overrides);
  return run;
}

/**
 * A deep copy of a test's overrides, taken once per createRun/createRuns call, so mutating the
 * init object afterwards cannot reach into stored runs (which may share it).
 */
export function copyOverrides(init: CreateRunInit): CreateRunInit {
  if (init.overrides === undefined) return init;
  return {
    ...init,
    overrides: copyJson(init.overrides) as NonNullable<CreateRunInit["overrides"]>,
  };
}

/** Fixed token counts, so tests can assert on them. */
const USAGE = { prompt_tokens: 50, completion_tokens: 10, total_tokens: 60 } as const;

/**
 * Sets `status` and keeps the other fields consistent with it the way a real server would: the
 * matching `*_at` timestamp, `usage` once terminal, `required_action` only while required.
 * Unknown statuses are stored as they are (forward-compatibility tests).
 */
export function applyStatus(run: WireRun, status: string): void {
  const now = nowSeconds();
  run.status = status;
  switch (status) {
    case "in_progress":
      run.started_at ??= now;
      break;
    case "requires_action":
      run.started_at ??= now;
      run.required_action ??= {
        type: "submit_tool_outputs",
        submit_tool_outputs: {
          tool_calls: [
            {
              id: randomId("call"),
              type: "function",
              function: { name: "get_weather", arguments: '{"location":"Paris"}' },
            },
          ],
        },
      };
      break;
    case "cancelled":
      run.cancelled_at ??= now;
      break;
    case "failed":
      run.failed_at ??= now;
      run.last_error ??= { code: "server_error", message: "Sorry, something went wrong." };
      break;
    case "completed":
      run.started_at ??= now;
      run.completed_at ??= now;
      break;
    case "incomplete":
      run.incomplete_details ??= { reason: "max_completion_tokens" };
      break;
    case "expired":
      run.expires_at = now;
      break;
  }
  if (status !== "requires_action") run.required_action = null;
  if (TERMINAL_STATUSES.has(status)) run.usage ??= { ...USAGE };
}
