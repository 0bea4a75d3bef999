import type { RateLimitSettings } from "./options.js";

/**
 * Token-bucket settings for {@link RunsServerOptions.rateLimit}.
 * @category Testing
 */
export interface RateLimitOptions {
  /** Tokens added per second (the sustained rate). */
  requestsPerSecond: number;
  /** Bucket size: how many requests may arrive at once after a quiet period. @default requestsPerSecond rounded up (at least 1) */
  burst?: number | undefined;
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

  /** `settings` are already checked (see options.ts). */
  constructor(settings: RateLimitSettings) {
    this.#rate = settings.requestsPerSecond / 1000;
    this.#capacity = settings.burst;
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
