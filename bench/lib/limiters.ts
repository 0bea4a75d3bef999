/**
 * Rate limiters the way servers build them, for the bulk-cancel benchmark's loopback server and
 * for the pacer's fake-clock tests: token buckets, fixed windows, a sliding window, a cap on
 * requests in flight; answered in the header styles servers use; plus seeded faults. Time is
 * always passed in (ms), so the same limiter runs on a real or a fake clock.
 */
import { mulberry32 } from "../../src/testing/faults.js";

/** What a limiter decided for one request, and the state its headers report. */
export interface Verdict {
  admitted: boolean;
  /** ms until a refused request could pass (a bucket's next token, a window's end); 0 if unknown. */
  waitMs: number;
  /** The limit's size, what is left of it, and ms until it is full again. */
  limit: number;
  remaining: number;
  resetMs: number;
}

export interface Limiter {
  /** A request arrives at `now`. */
  arrive(now: number): Verdict;
  /** An admitted request was answered (only an in-flight cap cares). */
  finish(now: number): void;
  /** Forgets all past traffic; the next window starts at `now` (after `phaseMs`, for windows). */
  reset(now: number): void;
}

/** A token bucket: `rate` tokens per second, at most `burst` in hand, full at the start. */
export class TokenBucket implements Limiter {
  private tokens: number;
  private last = 0;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  arrive(now: number): Verdict {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.rate) / 1000);
    this.last = now;
    const admitted = this.tokens >= 1;
    if (admitted) this.tokens -= 1;
    return {
      admitted,
      waitMs: admitted ? 0 : ((1 - this.tokens) * 1000) / this.rate,
      limit: this.burst,
      remaining: Math.floor(this.tokens),
      resetMs: ((this.burst - this.tokens) * 1000) / this.rate,
    };
  }

  finish(): void {}

  reset(now: number): void {
    this.tokens = this.burst;
    this.last = now;
  }
}

/**
 * Fixed windows: at most `limit` requests per window of `windowMs`; the count starts over at each
 * window's start. Windows start `phaseMs` before the reset (a job rarely starts on a boundary).
 */
export class FixedWindow implements Limiter {
  private start = 0;
  private count = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly phaseMs = 0,
  ) {}

  arrive(now: number): Verdict {
    const end = this.start + this.windowMs;
    if (now >= end) {
      this.start = end + Math.floor((now - end) / this.windowMs) * this.windowMs;
      this.count = 0;
    }
    const admitted = this.count < this.limit;
    if (admitted) this.count++;
    const resetMs = this.start + this.windowMs - now;
    return {
      admitted,
      waitMs: admitted ? 0 : resetMs,
      limit: this.limit,
      remaining: this.limit - this.count,
      resetMs,
    };
  }

  finish(): void {}

  reset(now: number): void {
    this.start = now - this.phaseMs;
    this.count = 0;
  }
}

/** A sliding window: at most `limit` requests admitted within any `windowMs` (a log of them). */
export class SlidingWindow implements Limiter {
  private readonly log: Float64Array;
  private head = 0;
  private size = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {
    this.log = new Float64Array(limit);
  }

  arrive(now: number): Verdict {
    while (this.size > 0 && (this.log[this.head] as number) <= now - this.windowMs) {
      this.head = (this.head + 1) % this.limit;
      this.size--;
    }
    const admitted = this.size < this.limit;
    if (admitted) {
      this.log[(this.head + this.size) % this.limit] = now;
      this.size++;
    }
    const oldest = this.size > 0 ? (this.log[this.head] as number) : now;
    const newest =
      this.size > 0 ? (this.log[(this.head + this.size - 1) % this.limit] as number) : now;
    return {
      admitted,
      waitMs: admitted ? 0 : oldest + this.windowMs - now,
      limit: this.limit,
      remaining: this.limit - this.size,
      resetMs: this.size > 0 ? newest + this.windowMs - now : 0,
    };
  }

  finish(): void {}

  reset(): void {
    this.head = this.size = 0;
  }
}

/** No rate limit, but at most `cap` requests in flight: the one beyond is refused at once. */
export class InFlightCap implements Limiter {
  private inFlight = 0;

  constructor(private readonly cap: number) {}

  arrive(): Verdict {
    const admitted = this.inFlight < this.cap;
    if (admitted) this.inFlight++;
    return {
      admitted,
      waitMs: 0,
      limit: this.cap,
      remaining: this.cap - this.inFlight,
      resetMs: 0,
    };
  }

  finish(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  reset(): void {
    this.inFlight = 0;
  }
}

/**
 * How a server tells its limit:
 * - `ms`: a 429 carries `retry-after-ms` and `Retry-After` in whole seconds (the reference server);
 * - `seconds`: a 429 carries only `Retry-After` in whole seconds, at least 1 (Azure);
 * - `openai`: every answer carries `x-ratelimit-limit-requests`, `-remaining-requests` and
 *   `-reset-requests` (a Go duration), and a 429 nothing else;
 * - `none`: no hint at all.
 */
export type HeaderStyle = "ms" | "seconds" | "openai" | "none";

export function limitHeaders(style: HeaderStyle, verdict: Verdict): Record<string, string> {
  switch (style) {
    case "ms":
      return verdict.admitted
        ? {}
        : {
            "retry-after-ms": String(Math.max(1, Math.ceil(verdict.waitMs))),
            "retry-after": String(Math.max(1, Math.ceil(verdict.waitMs / 1000))),
          };
    case "seconds":
      return verdict.admitted
        ? {}
        : { "retry-after": String(Math.max(1, Math.ceil(verdict.waitMs / 1000))) };
    case "openai":
      return {
        "x-ratelimit-limit-requests": String(verdict.limit),
        "x-ratelimit-remaining-requests": String(Math.max(0, verdict.remaining)),
        "x-ratelimit-reset-requests": goDuration(verdict.resetMs),
      };
    case "none":
      return {};
  }
}

/** A duration as Go's `time.Duration.String()` writes it: `6m0s`, `1.5s`, `17ms`, `250µs`, `0s`. */
export function goDuration(ms: number): string {
  if (ms <= 0) return "0s";
  if (ms < 1) return `${trim(ms * 1000)}µs`;
  if (ms < 1000) return `${trim(ms)}ms`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = `${trim((ms - minutes * 60_000) / 1000)}s`;
  return minutes > 0 ? `${minutes}m${seconds}` : seconds;
}

function trim(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** Seeded faults, drawn per admitted request: a 500/503, or a connection reset before any answer. */
export class Faults {
  private readonly random: () => number;

  constructor(
    private readonly errorRate: number,
    private readonly resetRate: number,
    seed = 1,
  ) {
    this.random = mulberry32(seed);
  }

  draw(): "error" | "reset" | undefined {
    if (this.errorRate === 0 && this.resetRate === 0) return undefined;
    const roll = this.random();
    if (roll < this.resetRate) return "reset";
    return roll < this.resetRate + this.errorRate ? "error" : undefined;
  }
}

/** The reference server's seeded PRNG: the same faults and jitter on every run. */
export { mulberry32 };

/** How a server answers one cancel: its status, headers and body, after holding it `holdMs`. */
export type Reply =
  | { reset: true; holdMs: number }
  | {
      reset: false;
      holdMs: number;
      status: number;
      headers: Record<string, string>;
      body: unknown;
    };

/** What the server saw since its last reset. */
export interface EndpointStats {
  requests: number;
  refused: number;
  errors: number;
  resets: number;
  /** Arrival time (ms) of every request. */
  arrivals: number[];
  /** ms the admitted requests were held in all, from arrival to answer (the HTTP server adds it). */
  heldMs: number;
}

/**
 * The cancel endpoint of a limited server, without the HTTP: every cancel of any id is admitted
 * or refused by the case's limiter, may meet a fault, and answers a run that is `cancelling`.
 * Call {@link finish} when an admitted request's answer goes out (after `holdMs`).
 */
export class LimitedCancels {
  readonly stats: EndpointStats = noTraffic();
  private readonly limiter: Limiter;
  // Made by reset(), which the constructor calls.
  private faults!: Faults;

  constructor(
    private readonly limiterCase: LimiterCase,
    now: number,
    private readonly run: (threadId: string, runId: string) => unknown,
  ) {
    this.limiter = limiterCase.make();
    this.reset(now);
  }

  reset(now: number): void {
    this.limiter.reset(now);
    this.faults = new Faults(this.limiterCase.errorRate, this.limiterCase.resetRate, 1);
    Object.assign(this.stats, noTraffic());
  }

  cancel(now: number, threadId: string, runId: string): Reply {
    this.stats.requests++;
    this.stats.arrivals.push(now);
    const verdict = this.limiter.arrive(now);
    const headers = limitHeaders(this.limiterCase.headers, verdict);
    if (!verdict.admitted) {
      this.stats.refused++;
      return { reset: false, holdMs: 0, status: 429, headers, body: errorBody("rate_limit") };
    }
    const holdMs = this.limiterCase.holdMs;
    const fault = this.faults.draw();
    if (fault === "reset") {
      this.stats.resets++;
      return { reset: true, holdMs };
    }
    if (fault === "error") {
      this.stats.errors++;
      const status = this.stats.errors % 2 === 0 ? 500 : 503;
      return { reset: false, holdMs, status, headers, body: errorBody("server_error") };
    }
    return { reset: false, holdMs, status: 200, headers, body: this.run(threadId, runId) };
  }

  /** An admitted request was answered (or reset). */
  finish(now: number): void {
    this.limiter.finish(now);
  }
}

function noTraffic(): EndpointStats {
  return { requests: 0, refused: 0, errors: 0, resets: 0, arrivals: [], heldMs: 0 };
}

function errorBody(code: string) {
  const message =
    code === "rate_limit" ? "Rate limit reached for requests" : "The server had an error";
  return { error: { message, type: code, param: null, code } };
}

/** One limiter of the benchmark: how it limits, how it says so, and what it ideally allows. */
export interface LimiterCase {
  name: string;
  make(): Limiter;
  headers: HeaderStyle;
  /** ms the server holds each admitted request before answering. */
  holdMs: number;
  /** Share of admitted requests answered 500/503, and share reset. */
  errorRate: number;
  resetRate: number;
  /** The job is this many times the benchmark's run count (a 5 s window holds 5 s of runs). */
  runScale: number;
  /** The best possible time for `runs` requests, in ms. */
  idealMs(runs: number): number;
}

/**
 * The limiters at `rate` requests per second: token buckets with burst 4, 40 and `rate`;
 * fixed windows of 1 s and 5 s; a sliding 1 s window; `Retry-After` in whole seconds only (burst
 * 4); `x-ratelimit-*` headers only (burst `rate`, the OpenAI style); a cap of 8 in flight with
 * each request held `8000 / rate` ms (so the cap allows `rate` per second too); and the three
 * buckets again with 0.5% 5xx and 0.25% connection resets. The fixed windows start part-way
 * through (the job does not start on a boundary) with a fresh count.
 */
export function limiterCases(rate: number): LimiterCase[] {
  const bucket = (burst: number) => (runs: number) => (Math.max(0, runs - burst) * 1000) / rate;
  const window = (runs: number) => (runs * 1000) / rate;
  const plain = { holdMs: 0, errorRate: 0, resetRate: 0, runScale: 1 };
  const faulty = { holdMs: 0, errorRate: 0.005, resetRate: 0.0025, runScale: 1 };
  const buckets = [4, 40, rate].map((burst) => ({
    name: `token bucket, burst ${burst}`,
    make: () => new TokenBucket(rate, burst),
    headers: "ms" as const,
    idealMs: bucket(burst),
  }));
  const cap = 8;
  return [
    ...buckets.map((b) => ({ ...b, ...plain })),
    {
      name: "fixed 1 s windows",
      make: () => new FixedWindow(rate, 1000, 300),
      headers: "ms",
      idealMs: window,
      ...plain,
    },
    {
      name: "fixed 5 s windows",
      make: () => new FixedWindow(rate * 5, 5000, 2500),
      headers: "ms",
      idealMs: window,
      ...plain,
      // One 5 s window holds 5 s worth of runs: twice that crosses a window's end.
      runScale: 2,
    },
    {
      name: "sliding 1 s window",
      make: () => new SlidingWindow(rate, 1000),
      headers: "ms",
      idealMs: window,
      ...plain,
    },
    {
      name: "token bucket, burst 4, Retry-After seconds only",
      make: () => new TokenBucket(rate, 4),
      headers: "seconds",
      idealMs: bucket(4),
      ...plain,
    },
    {
      name: `x-ratelimit-* headers only (bucket, burst ${rate})`,
      make: () => new TokenBucket(rate, rate),
      headers: "openai",
      idealMs: bucket(rate),
      ...plain,
    },
    {
      name: `${cap} in flight, no rate limit (each held ${fmtMs(8000 / rate)})`,
      make: () => new InFlightCap(cap),
      headers: "none",
      idealMs: window,
      ...plain,
      holdMs: (cap * 1000) / rate,
    },
    ...buckets.map((b) => ({ ...b, ...faulty, name: `${b.name}, 0.5% 5xx + 0.25% resets` })),
  ];
}

function fmtMs(ms: number): string {
  return `${Math.round(ms * 10) / 10} ms`;
}
