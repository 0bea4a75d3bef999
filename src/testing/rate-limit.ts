/** Token-bucket settings for {@link RunsServerOptions.rateLimit}. */
export interface RateLimitOptions {
  /** Tokens added per second (the sustained rate). */
  requestsPerSecond: number;
  /** Bucket size: how many requests may arrive at once after a quiet period. @default requestsPerSecond (at least 1) */
  burst?: number;
}

/** When a request is refused: how long until a token is available. */
export interface RateLimited {
  retryAfterMs: number;
}

/** A token bucket refilled continuously; `take()` is O(1) and allocation-free when it admits. */
export class TokenBucket {
  readonly #rate: number;
  readonly #capacity: number;
  #tokens: number;
  #last: number;

  constructor(options: RateLimitOptions) {
    if (!(options.requestsPerSecond > 0)) {
      throw new RangeError("rateLimit.requestsPerSecond must be a positive number");
    }
    this.#rate = options.requestsPerSecond / 1000;
    this.#capacity = Math.max(1, options.burst ?? Math.ceil(options.requestsPerSecond));
    this.#tokens = this.#capacity;
    this.#last = performance.now();
  }

  /** Takes one token; answers `undefined` when admitted, else how long to wait. */
  take(): RateLimited | undefined {
    const now = performance.now();
    this.#tokens = Math.min(this.#capacity, this.#tokens + (now - this.#last) * this.#rate);
    this.#last = now;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return undefined;
    }
    return { retryAfterMs: Math.max(1, Math.ceil((1 - this.#tokens) / this.#rate)) };
  }
}
