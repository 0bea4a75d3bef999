/**
 * Where the hooks and the log attach to the retry loop: one object per client, made only when a
 * hook is set or the level shows retries (`info`, `debug`), so that a client without either
 * builds nothing per attempt. Events are plain objects; a hook that throws or rejects is logged
 * at `error`, never passed on.
 */
import type { ClientHooks, RequestEvent, ResponseEvent, RetryEvent } from "../hooks.js";
import type { ClientLog } from "../logging.js";
import type { DelaySource } from "../retry.js";

/** A request as the log and the hooks show it: no credential in `url` or `path`. */
export interface ShownRequest {
  method: string;
  url: string;
  /** The path and query below the origin, for short log lines. */
  path: string;
}

/** How an attempt ended, for {@link Observer.response}. */
export type AttemptResult = { status: number; requestId: string | null } | { error: unknown };

export interface Observer {
  request(shown: ShownRequest, attempt: number): void;
  response(
    shown: ShownRequest,
    attempt: number,
    result: AttemptResult,
    durationMs: number,
  ): ResponseEvent;
  retry(ended: ResponseEvent, delayMs: number, delaySource: DelaySource, path: string): void;
}

/** The observer of a client, or `undefined` when it has no hook and logs no retries. */
export function createObserver(
  hooks: ClientHooks | undefined,
  log: ClientLog,
): Observer | undefined {
  if (hooks === undefined && !log.on("info")) return undefined;
  const debug = log.on("debug");
  return {
    request(shown, attempt) {
      const event: RequestEvent = {
        method: shown.method,
        url: shown.url,
        attempt,
        retryCount: attempt - 1,
      };
      if (debug) log.write("debug", `${shown.method} ${shown.path}, attempt ${attempt}`, event);
      if (hooks?.onRequest) callHook(log, "onRequest", hooks.onRequest, event);
    },
    response(shown, attempt, result, durationMs) {
      const event: ResponseEvent = {
        method: shown.method,
        url: shown.url,
        attempt,
        retryCount: attempt - 1,
        ...("status" in result
          ? { status: result.status, requestId: result.requestId }
          : { error: result.error, requestId: null }),
        durationMs,
      };
      if (debug) {
        const outcome =
          event.status === undefined ? `no response (${errorName(event.error)})` : event.status;
        const id = event.requestId === null ? "" : `, request id ${event.requestId}`;
        log.write(
          "debug",
          `${shown.method} ${shown.path}: ${outcome} in ${Math.round(durationMs)} ms${id}`,
          event,
        );
      }
      if (hooks?.onResponse) callHook(log, "onResponse", hooks.onResponse, event);
      return event;
    },
    retry(ended, delayMs, delaySource, path) {
      const event: RetryEvent = {
        ...ended,
        delayMs,
        reason:
          ended.status === undefined ? { error: errorName(ended.error) } : { status: ended.status },
        delaySource,
      };
      const why = ended.status ?? errorName(ended.error);
      const id = ended.requestId === null ? "" : `, request id ${ended.requestId}`;
      log.write(
        "info",
        `retrying ${ended.method} ${path} in ${delayMs} ms (${delaySource}): attempt ${ended.attempt} got ${why}${id}`,
        event,
      );
      if (hooks?.onRetry) callHook(log, "onRetry", hooks.onRetry, event);
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
    if (typeof (returned as PromiseLike<unknown> | null)?.then === "function") {
      Promise.resolve(returned).catch(failed);
    }
  } catch (error) {
    failed(error);
  }
}

/** An error's name (`ConnectionError`, `TimeoutError`, `AbortError`), or what it is. */
export function errorName(error: unknown): string {
  if (error instanceof Error || (typeof error === "object" && error !== null && "name" in error)) {
    const name = (error as { name: unknown }).name;
    if (typeof name === "string" && name !== "") return name;
  }
  return typeof error === "object" && error !== null ? "Error" : typeof error;
}
