/**
 * The shared pacer of a bulk cancel: one per `cancelMany` call, consulted by every worker before
 * every attempt. A 429 pauses every worker (for the wait the server asked), and the pacer learns
 * the server's rate from how many requests succeeded while it was saturated, then spaces requests
 * at that rate and probes upwards slowly. So the workers together stay near the limit instead of
 * each one discovering it by being refused.
 */
import { sleep } from "./sleep.js";

/** The shortest window over which a rate is measured: shorter ones are too noisy. */
const MIN_WINDOW_MS = 250;
/** How much faster the pacer tries after a quiet second. */
const PROBE_FACTOR = 1.03;

export class Pacer {
  /** Requests per second, or Infinity until the first 429. */
  rate = Number.POSITIVE_INFINITY;
  private nextStart = 0;
  private pausedUntil = 0;
  private windowStart = -1;
  private windowSuccesses = 0;
  private lastLimited = 0;
  private lastProbe = 0;
  /** 429 answers seen. */
  rateLimited = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Waits for this request's slot. */
  take(signal?: AbortSignal): Promise<void> | undefined {
    const now = this.now();
    const start = Math.max(now, this.pausedUntil, this.nextStart);
    this.nextStart = Number.isFinite(this.rate) ? start + 1000 / this.rate : start;
    return start > now ? sleep(start - now, signal) : undefined;
  }

  /** A request succeeded. */
  succeeded(): void {
    this.windowSuccesses++;
    if (!Number.isFinite(this.rate)) return;
    const now = this.now();
    if (now - this.lastLimited > 1000 && now - this.lastProbe > 1000) {
      this.rate *= PROBE_FACTOR;
      this.lastProbe = now;
    }
  }

  /** A 429 came back; the server asked to wait `waitMs`. */
  limited(waitMs: number): void {
    const now = this.now();
    this.rateLimited++;
    this.lastLimited = now;
    this.pausedUntil = Math.max(this.pausedUntil, now + waitMs);
    if (this.windowStart < 0) {
      // The first 429 ends the initial burst; measuring starts here.
      this.windowStart = now;
      this.windowSuccesses = 0;
      return;
    }
    const elapsed = now - this.windowStart;
    if (elapsed < MIN_WINDOW_MS) return;
    // While refused, the successes per second are the server's rate.
    const observed = (this.windowSuccesses * 1000) / elapsed;
    if (observed > 0) this.rate = Number.isFinite(this.rate) ? Math.min(this.rate, observed) : observed;
    else this.rate = Number.isFinite(this.rate) ? this.rate / 2 : 1;
    this.windowStart = now;
    this.windowSuccesses = 0;
  }
}
