/**
 * Where the hooks and the log attach to the retry loop: one object per client, made only when a
 * hook is set or the level shows retries (`info`, `debug`), so that a client without either
 * builds nothing per attempt. Events are plain objects; a hook that throws or rejects is logged
 * at `error`, never passed on.
 */
import type { ClientHooks, RequestEvent, ResponseEvent, RetryEvent } from "../hooks.js";
import { isPromiseLike } from "../is-promise-like.js";
import type { ClientLog } from "../logging.js";
import type { DelaySource } from "../retry.js";

/** A request as the log and the hooks show it: no credential in `url` or `path`. */
export interface ShownRequest {
  method: string;
  url: string;
  /** The path and query below the origin, for short log lines. */
  path: string;
  /** The call's number on every event of it ({@link RequestEvent.callId}). */
  callId: number;
}

let lastCallId = 0;

/** A number for a new call, unique in this realm (shared by every client, as a tracer may be). */
export function nextCallId(): number {
  return ++lastCallId;
}

/** How an attempt ended, for {@link Observer.response}. */
export type AttemptResult =
  { status: number; requestId: string | null } | { error: unknown; requestId: null };

export interface Observer {
  request(shown: ShownRequest, attempt: number): void;
  response(
    shown: ShownRequest,
    attempt: number,
    result: AttemptResult,
    durationMs: number,
    final: boolean,
  ): ResponseEvent;
  retry(ended: ResponseEvent, delayMs: number, delaySource: DelaySource, path: string): void;
  /** The end of a call between attempts (aborted while waiting for a retry): its final event. */
  abandoned(shown: ShownRequest, attempt: number, error: unknown): void;
}

/** The observer of a client, or `undefined` when it has no hook and logs no retries. */
export function createObserver(
  hooks: ClientHooks | undefined,
  log: ClientLog,
): Observer | undefined {
  if (hooks === undefined && !log.on("info")) return undefined;
  /** Writes the line (if its level is on) and calls the hook (if set). */
  const emit = <E>(name: keyof ClientHooks, level: "debug" | "info", line: string, event: E) => {
    log.write(level, line, event as object);
    const hook = hooks?.[name] as ((event: E) => unknown) | undefined;
    if (hook) callHook(log, name, hook, event);
    return event;
  };
  const idOf = (event: ResponseEvent) =>
    event.requestId === null ? "" : `, request id ${event.requestId}`;
  return {
    request: (shown, attempt) =>
      void emit<RequestEvent>(
        "onRequest",
        "debug",
        `${shown.method} ${shown.path}, attempt ${attempt}`,
        {
          method: shown.method,
          url: shown.url,
          attempt,
          retryCount: attempt - 1,
          callId: shown.callId,
        },
      ),
    response(shown, attempt, result, durationMs, final) {
      const event: ResponseEvent = {
        method: shown.method,
        url: shown.url,
        attempt,
        retryCount: attempt - 1,
        callId: shown.callId,
        ...result,
        durationMs,
        final,
      };
      const outcome = event.status ?? `no response (${errorName(event.error)})`;
      const line = `${shown.method} ${shown.path}: ${outcome} in ${Math.round(durationMs)} ms`;
      return emit("onResponse", "debug", line + idOf(event), event);
    },
    retry(ended, delayMs, delaySource, path) {
      const why = ended.status ?? errorName(ended.error);
      const line = `retrying ${ended.method} ${path} in ${delayMs} ms (${delaySource}): attempt ${ended.attempt} got ${why}`;
      emit<RetryEvent>("onRetry", "info", line + idOf(ended), {
        ...ended,
        delayMs,
        reason: ended.status === undefined ? { error: why as string } : { status: ended.status },
        delaySource,
      });
    },
    abandoned(shown, attempt, error) {
      const line = `${shown.method} ${shown.path}: gave up before attempt ${attempt + 1} (${errorName(error)})`;
      emit<ResponseEvent>("onResponse", "debug", line, {
        method: shown.method,
        url: shown.url,
        attempt,
        retryCount: attempt - 1,
        callId: shown.callId,
        error,
        requestId: null,
        durationMs: 0,
        final: true,
      });
    },
  };
}

/** Calls a hook; what it throws, or a promise it returns rejects with, is logged at `error`. */
function callHook<E>(log: ClientLog, name: string, hook: (event: E) => unknown, event: E): void {
  const failed = (error: unknown) =>
    log.write("error", `hooks.${name} failed (the request went on): ${errorName(error)}`, {
      hook: name,
      error,
    });
  try {
    const returned = hook(event);
    if (isPromiseLike(returned)) {
      Promise.resolve(returned).catch(failed);
    }
  } catch (error) {
    failed(error);
  }
}

/** An error's name (`ConnectionError`, `TimeoutError`, `AbortError`), or `Error` without one. */
export function errorName(error: unknown): string {
  const name = (error as { name?: unknown } | null | undefined)?.name;
  return typeof name === "string" && name !== "" ? name : "Error";
}
