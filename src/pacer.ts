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
const MIN_SAMPLES = 100;
/** ...unless the window lasted this long; and no window is shorter than MIN_WINDOW_MS. */
const ENOUGH_WINDOW_MS = 250;
const MIN_WINDOW_MS = 20;
/** Past this, the server's bucket may have filled and overflowed: the count says too little. */
const MAX_WINDOW_MS = 2_000;
/** 429s this close to the last slow-down were already in flight: one event, not several. */
const SAME_EVENT_MS = 50;
/** The pacer runs this far below a measured rate, so the server's bucket refills a little. */
const MARGIN = 0.97;
/**
 * How much faster the pacer tries, every PROBE_EVERY_MS, once no 429 came for QUIET_MS, and only
 * while the workers really send at (nearly) the current rate: raising a rate they do not reach
 * would teach nothing, and would let them burst far over the limit when they speed up.
 */
const PROBE_FACTOR = 1.1;
const PROBE_EVERY_MS = 500;
const QUIET_MS = 1_000;

export class Pacer {
  /** Requests per second, or Infinity until the first 429. */
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
  private probeAdmitted = 0;
  /** The server's rate as last measured (before the margin), or Infinity. */
  private measured = Number.POSITIVE_INFINITY;
  private firstTake = -1;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Waits for this request's slot. */
  take(signal?: AbortSignal): Promise<void> | undefined {
    const now = this.now();
    if (this.firstTake < 0) this.firstTake = now;
    const start = Math.max(now, this.pausedUntil, this.nextStart);
    if (Number.isFinite(this.rate)) {
      this.probe(now);
      this.nextStart = start + 1000 / this.rate;
    } else {
      this.nextStart = start;
    }
    if (start <= now) {
      this.admitted++;
      return undefined;
    }
    // Counted when it is sent, not when its slot is booked, so that a rate window sees the
    // requests that reached the server within it.
    return sleep(start - now, signal).then(() => void this.admitted++);
  }

  private probe(now: number): void {
    if (now - this.lastLimited < QUIET_MS || now - this.lastProbe < PROBE_EVERY_MS) return;
    const sent = ((this.admitted - this.probeAdmitted) * 1000) / (now - this.lastProbe);
    if (sent >= 0.9 * this.rate) this.rate *= PROBE_FACTOR;
    this.lastProbe = now;
    this.probeAdmitted = this.admitted;
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
    if (this.windowStart < 0) {
      // The first 429: until a window can be measured, go at the pace the server hints at (a
      // token bucket's wait for its next token is 1/rate), but no slower than a quarter of the
      // client's pace so far, which the server admitted (a coarse `Retry-After: 1` hints 1/s).
      const pace = (this.admitted * 1000) / Math.max(1, now - this.firstTake);
      this.rate = Math.max(1, 1000 / Math.max(1, waitMs), pace / 4);
    } else {
      if (elapsed < MIN_WINDOW_MS) return; // too short to tell anything: keep measuring
      if (elapsed <= MAX_WINDOW_MS) {
        if (samples < MIN_SAMPLES && elapsed < ENOUGH_WINDOW_MS) return; // keep measuring
        if (samples > 0) {
          this.measured = (samples * 1000) / elapsed;
          this.rate = Math.max(1, this.measured * MARGIN);
        } else {
          this.rate = Math.max(1, this.rate / 2);
        }
      } else {
        // A long quiet stretch, then a 429: the probes went too far. Step back to below the last
        // measurement, and measure anew.
        this.rate = Math.max(1, Math.min(this.rate / PROBE_FACTOR, this.measured * MARGIN));
      }
    }
    // This 429 starts the next window: the server has no capacity left right now.
    this.windowStart = now;
    this.windowAdmitted = this.admitted;
    this.lastSlowDown = now;
    this.lastProbe = now;
    this.probeAdmitted = this.admitted;
  }
}
