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
  /**
   * A signal aborted `graceMs` after the deadline, with the same reason: for a call that keeps its
   * own deadline (and reports more at it), so that this one only ends what outlives it.
   */
  after(graceMs: number): AbortSignal | undefined;
  /** Stops the timer. */
  dispose(): void;
}

export function startDeadline(timeoutMs: number | undefined): Deadline {
  if (timeoutMs === undefined) {
    return {
      timeoutMs,
      signal: undefined,
      remaining: () => undefined,
      after: () => undefined,
      dispose: () => {},
    };
  }
  const endsAt = Date.now() + timeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(timedOut(timeoutMs)), timeoutMs);
  const later: ReturnType<typeof setTimeout>[] = [];
  return {
    timeoutMs,
    signal: controller.signal,
    remaining: () => Math.max(1, endsAt - Date.now()),
    after: (graceMs) => {
      const late = new AbortController();
      const remaining = Math.max(0, endsAt - Date.now());
      later.push(setTimeout(() => late.abort(timedOut(timeoutMs)), remaining + graceMs));
      return late.signal;
    },
    dispose: () => {
      clearTimeout(timer);
      later.forEach((t) => clearTimeout(t));
    },
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
