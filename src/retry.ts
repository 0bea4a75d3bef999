/**
 * The one place that decides whether a failed attempt is tried again, and after how long.
 */

/**
 * How retries behave. Every field has a default; see {@link ClientOptions}.
 * @category Client
 */
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

/**
 * What an attempt ended with, as far as retrying is concerned.
 * @category Client
 */
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
 * @category Client
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
  // The exponent is capped so that a zero base stays 0 (0 * 2 ** 1024 would be NaN).
  const backoff = Math.min(policy.baseDelayMs * 2 ** Math.min(retriesDone, 64), policy.maxDelayMs);
  // Up to a quarter shorter, at random.
  return { retry: true, delayMs: Math.round(backoff * (1 - 0.25 * random())) };
}

/**
 * The wait a server asked for, in ms: `retry-after-ms` (milliseconds), else `Retry-After` as
 * seconds or as an HTTP date. `null` when neither is there or neither parses: a malformed hint
 * means the usual backoff, never NaN and never a retry at once. A wait too long to represent
 * (`Infinity`, 400 digits) is `Number.MAX_SAFE_INTEGER`, so it stays over any cap.
 * @category Client
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | null {
  return serverWait(headers, now)?.ms ?? null;
}

/**
 * Where a retry's wait came from, as logs and the `onRetry` hook say: a header of the server's,
 * the client's backoff, or the bulk pacer.
 * @category Client
 */
export type DelaySource = "retry-after-ms" | "retry-after" | "backoff" | "pacer";

/** The wait a server asked for and the header that asked (see {@link retryAfterMs}), or `null`. */
export function serverWait(
  headers: Headers,
  now: number = Date.now(),
): { ms: number; header: "retry-after-ms" | "retry-after" } | null {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && ms.trim() !== "") {
    const wait = asWait(Number(ms));
    if (wait !== null) return { ms: wait, header: "retry-after-ms" };
  }
  const after = headers.get("retry-after")?.trim();
  if (after === undefined || after === "") return null;
  const seconds = Number(after);
  const wait = Number.isNaN(seconds) ? httpDate(after) : asWait(seconds * 1000);
  if (wait === null) return null;
  return { ms: Number.isNaN(seconds) ? Math.max(0, wait - now) : wait, header: "retry-after" };
}

/** A number of ms >= 0 rounded up (never a busier retry), or `null` for NaN and negatives. */
function asWait(ms: number): number | null {
  if (Number.isNaN(ms) || ms < 0) return null;
  return Math.min(Math.ceil(ms), Number.MAX_SAFE_INTEGER);
}

/** The three forms RFC 9110 makes recipients accept; `Date.parse` alone reads "later 5" as 2001. */
const IMF_FIXDATE = /^[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC_850 = /^[A-Za-z]{6,9}, \d{2}-[A-Za-z]{3}-\d{2} \d{2}:\d{2}:\d{2} GMT$/;
const ASCTIME = /^[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

/** An HTTP date as epoch ms, or `null` when `value` is not one. */
function httpDate(value: string): number | null {
  let date = Number.NaN;
  if (IMF_FIXDATE.test(value) || RFC_850.test(value)) date = Date.parse(value);
  // asctime has no zone; HTTP dates are GMT, and Date.parse would read it as local time.
  else if (ASCTIME.test(value)) date = Date.parse(`${value} GMT`);
  return Number.isNaN(date) ? null : date;
}
