/**
 * `--timeout-ms`: one deadline for the whole command. Every request, retry, backoff, wait and poll
 * gets its signal, so nothing starts after it and whatever is in flight stops at it; a per-attempt
 * limit alone (the client's `timeoutMs`) would let retries and waits run on for minutes.
 */
import { TimeoutError } from "../index.js";

export interface Deadline {
  /** The limit in ms, or `undefined` when the command has none. */
  readonly timeoutMs: number | undefined;
  /** Aborted with a {@link TimeoutError} at the deadline; `undefined` without a limit. */
  readonly signal: AbortSignal | undefined;
  /** Milliseconds left (at least 1), or `undefined` without a limit. */
  remaining(): number | undefined;
  /** Stops the timer. */
  dispose(): void;
}

export function startDeadline(timeoutMs: number | undefined): Deadline {
  if (timeoutMs === undefined) {
    return { timeoutMs, signal: undefined, remaining: () => undefined, dispose: () => {} };
  }
  const endsAt = Date.now() + timeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(timedOut(timeoutMs)), timeoutMs);
  return {
    timeoutMs,
    signal: controller.signal,
    remaining: () => Math.max(1, endsAt - Date.now()),
    dispose: () => clearTimeout(timer),
  };
}

/** The error of a command that ran out of time; `lastStatus` is the run's, when one was waited for. */
export function timedOut(timeoutMs: number, lastStatus?: string): TimeoutError {
  return new TimeoutError(
    `the command did not finish within ${timeoutMs} ms (--timeout-ms)` +
      (lastStatus === undefined ? "" : `; last status: ${lastStatus}`),
    timeoutMs,
  );
}
