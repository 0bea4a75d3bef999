/**
 * The one place that decides whether a failed attempt is tried again, and after how long.
 */

/** How retries behave. Every field has a default; see {@link ClientOptions}. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** The first backoff delay; it doubles with each retry. */
  baseDelayMs: number;
  /** The longest backoff delay. */
  maxDelayMs: number;
  /**
   * The longest wait a server may ask for (`retry-after-ms` / `Retry-After`). A longer one is not
   * waited out: the error is thrown at once and carries the wait asked for.
   */
  maxRetryAfterMs: number;
}

/** What an attempt ended with, as far as retrying is concerned. */
export type AttemptOutcome =
  | { kind: "status"; status: number; headers: Headers }
  /** No answer: the connection failed or the attempt timed out. */
  | { kind: "no-answer" };

export type RetryDecision =
  | { retry: true; delayMs: number }
  /** `retryAfterMs`: the wait the server asked for, when it asked (also when it was too long). */
  | { retry: false; retryAfterMs: number | null };

/** Statuses that may succeed when tried again. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 409, 429, 500, 502, 503, 504]);

/**
 * Decides after attempt number `retriesDone + 1` failed. `x-should-retry` from the server wins over
 * the status; a server-asked wait is honoured up to `maxRetryAfterMs`; otherwise exponential
 * backoff with jitter, so that many clients failing together do not retry together.
 */
export function decideRetry(
  outcome: AttemptOutcome,
  retriesDone: number,
  policy: RetryPolicy,
  now: number = Date.now(),
  random: () => number = Math.random,
): RetryDecision {
  let retryable: boolean;
  let askedMs: number | null = null;
  if (outcome.kind === "no-answer") {
    retryable = true;
  } else {
    askedMs = retryAfterMs(outcome.headers, now);
    const should = outcome.headers.get("x-should-retry");
    retryable =
      should === "true"
        ? true
        : should === "false"
          ? false
          : RETRYABLE_STATUSES.has(outcome.status);
  }
  if (!retryable || retriesDone >= policy.maxRetries)
    return { retry: false, retryAfterMs: askedMs };
  if (askedMs !== null) {
    if (askedMs > policy.maxRetryAfterMs) return { retry: false, retryAfterMs: askedMs };
    return { retry: true, delayMs: askedMs };
  }
  const backoff = Math.min(policy.baseDelayMs * 2 ** retriesDone, policy.maxDelayMs);
  // Up to a quarter shorter, at random.
  return { retry: true, delayMs: Math.round(backoff * (1 - 0.25 * random())) };
}

/**
 * The wait a server asked for, in ms: `retry-after-ms` (milliseconds), else `Retry-After` as
 * seconds or as an HTTP date. `null` when neither is there or neither parses.
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | null {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && ms.trim() !== "") {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return Math.ceil(value);
  }
  const after = headers.get("retry-after");
  if (after === null || after.trim() === "") return null;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.ceil(seconds * 1000) : null;
  const date = Date.parse(after);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
