import { ApiError, type ApiErrorInit } from "./api-error.js";

/**
 * 429: too many requests. `retryAfterMs` is the wait the server asked for, when it said.
 * @category Errors
 */
export class RateLimitError extends ApiError {
  override name = "RateLimitError";
  /** The wait the server asked for (`retry-after-ms` or `Retry-After`), or `null`. */
  declare readonly retryAfterMs: number | null;

  constructor(init: ApiErrorInit, retryAfterMs: number | null) {
    super(init);
    this.retryAfterMs = retryAfterMs;
    if (retryAfterMs !== null) this.message += ` (server asked to wait ${retryAfterMs} ms)`;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
}
