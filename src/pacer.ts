/**
 * The shared pacer of a bulk cancel: one per `cancelMany` call, consulted by every worker before
 * every attempt. A 429 pauses every worker (for the wait the server asked), and the pacer learns
 * the server's rate, then spaces requests at that rate and probes upwards slowly. So the workers
 * together stay near the limit instead of each one discovering it by being refused.
 *
 * How the rate is learned: a rate-limited server (a token bucket, a sliding window) has no
 * capacity left at the moment it answers 429. Between two such moments it admitted exactly what
 * it generated, so the requests it admitted in between, divided by the time between them, is its
 * rate, whatever the client did meanwhile, as long as the window is short enough that the bucket
 * could not fill up and overflow. Admitted means any answer but a 429 (a 400, a 5xx or a reset
 * after the front door used up capacity too), not only successful cancels.
 */
import { sleep } from "./sleep.js";

/** Fewer admitted requests than this in a window is too noisy to measure a rate from... */
const MIN_SAMPLES = 50;
/** ...unless the window lasted this long; and no window is shorter than MIN_WINDOW_MS. */
const ENOUGH_WINDOW_MS = 250;
const MIN_WINDOW_MS = 20;
/** Past this, the server's bucket may have filled and overflowed: the count says too little. */
const MAX_WINDOW_MS = 2_000;
/** 429s this close to the last slow-down were already in flight: one event, not several. */
const SAME_EVENT_MS = 50;
/** The pacer runs this far below a measured rate, so the server's bucket refills a little. */
const MARGIN = 0.97;
/** How much faster the pacer tries, every PROBE_EVERY_MS, once no 429 came for QUIET_MS. */
const PROBE_FACTOR = 1.1;
const PROBE_EVERY_MS = 250;
const QUIET_MS = 1_000;

export class Pacer {
  /** Requests per second, or Infinity until the first rate measurement. */
  rate = Number.POSITIVE_INFINITY;
  /** 429 answers seen. */
  rateLimited = 0;
  private nextStart = 0;
  private pausedUntil = 0;
  /** Attempts started minus 429s: the requests the server let through. */
  private admitted = 0;
  private windowStart = -1;
  private windowAdmitted = 0;
  private lastSlowDown = Number.NEGATIVE_INFINITY;
  private lastLimited = Number.NEGATIVE_INFINITY;
  private lastProbe = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Waits for this request's slot. */
  take(signal?: AbortSignal): Promise<void> | undefined {
    const now = this.now();
    this.admitted++;
    const start = Math.max(now, this.pausedUntil, this.nextStart);
    if (!Number.isFinite(this.rate)) {
      this.nextStart = start;
    } else {
      // Probe only while the pacer is what holds requests back: raising a rate the workers do
      // not even reach would teach nothing and overshoot later.
      if (start > now && now - this.lastLimited >= QUIET_MS && now - this.lastProbe >= PROBE_EVERY_MS) {
        this.rate *= PROBE_FACTOR;
        this.lastProbe = now; if (process.env.PDEBUG) console.error("probe", Math.round(now), Math.round(this.rate));
      }
      this.nextStart = start + 1000 / this.rate;
    }
    return start > now ? sleep(start - now, signal) : undefined;
  }

  /** A 429 came back; the server asked to wait `waitMs`. */
  limited(waitMs: number): void {
    const now = this.now();
    this.rateLimited++;
    this.admitted--;
    this.lastLimited = now;
    this.pausedUntil = Math.max(this.pausedUntil, now + waitMs);
    if (now - this.lastSlowDown < SAME_EVENT_MS) return;

    const elapsed = now - this.windowStart;
    const samples = this.admitted - this.windowAdmitted;
    if (this.windowStart >= 0 && elapsed >= MIN_WINDOW_MS && elapsed <= MAX_WINDOW_MS) {
      if (samples < MIN_SAMPLES && elapsed < ENOUGH_WINDOW_MS) return; // keep measuring
      if (samples > 0) this.rate = Math.max(1, ((samples * 1000) / elapsed) * MARGIN);
      else if (Number.isFinite(this.rate)) this.rate = Math.max(1, this.rate / 2);
    } else if (Number.isFinite(this.rate) && this.windowStart >= 0 && elapsed > MAX_WINDOW_MS) {
      // A long quiet stretch then a 429: the last probe went too far. Step back, measure anew.
      this.rate = Math.max(1, this.rate / PROBE_FACTOR);
    } else if (this.windowStart >= 0) {
      return; // a window shorter than MIN_WINDOW_MS: keep measuring
    }
    if (process.env.PDEBUG) console.error("cut", this.rateLimited, Math.round(now), Math.round(elapsed), samples, Math.round(this.rate));
    // This 429 starts the next window: the server has no capacity left right now.
    this.windowStart = now;
    this.windowAdmitted = this.admitted;
    this.lastSlowDown = now;
  }
}
