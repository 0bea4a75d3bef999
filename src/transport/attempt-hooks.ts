/**
 * The internal hooks of callers that coordinate many requests (the bulk pacer), and what an
 * attempt looks like to them. Not the public `hooks` option: these may hold an attempt back and
 * choose the wait before its retry.
 */

/** The status line and headers of an HTTP response: a fetch `Response` has them, so does an `HttpAnswer`. */
export interface ResponseHead {
  ok: boolean;
  status: number;
  statusText: string;
  headers: Headers;
}

/**
 * Hooks for callers that coordinate many requests (the bulk pacer). Method syntax on purpose: a
 * hook object may name its own ticket type.
 */
export interface AttemptHooks {
  /**
   * Awaited before every attempt: a shared pacer holds requests back here. What it gives back (a
   * ticket) is handed to {@link afterAttempt} when this attempt ends. If it rejects (an abort while
   * held back), the call rejects and `afterAttempt` is not called.
   */
  beforeAttempt?(signal: AbortSignal | undefined): unknown;
  /**
   * Called once for every attempt `beforeAttempt` let through, however it ended: with the answer
   * (any status, successful ones included) or without one (a connection error, a time-out, an
   * abort). When the transport will retry, a number returned replaces its wait before the retry.
   */
  afterAttempt?(ticket: unknown, end: AttemptEnd): number | undefined;
  /**
   * Asked when an attempt is answered with an error status, before the transport decides whether
   * to retry: `true` makes this retry free, not counted against `maxRetries`. A shared pacer says
   * so for a 429, which means "slow down" to every worker, not that this request failed.
   * `freeSoFar` counts the retries of this request already made free.
   */
  isFreeRetry?(answer: ResponseHead, freeSoFar: number): boolean;
}

/** How one attempt ended, as {@link AttemptHooks.afterAttempt} is told. */
export interface AttemptEnd {
  /** The answer's status and headers; `undefined` when none came. */
  answer: ResponseHead | undefined;
  /** The wait before the retry the transport chose, or `undefined` when it will not retry. */
  retryDelayMs: number | undefined;
  /** Retries made so far that counted against `maxRetries` (free ones do not). */
  retries: number;
}
