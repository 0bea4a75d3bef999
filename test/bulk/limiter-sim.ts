/**
 * A bulk cancel on a fake clock: workers drive the pacer's hooks the way the transport does (the
 * same retry decision, 429s retried for free, the hook choosing the wait), against a limiter from
 * bench/lib/limiters.ts simulated in-process, with seeded latency jitter and late timers. Virtual
 * time makes a run exact and repeatable, so a test may assert how long the job took.
 */
import {
  Faults,
  limitHeaders,
  mulberry32,
  type HeaderStyle,
  type Limiter,
} from "../../bench/lib/limiters.js";
import { vi } from "vitest";
import type { Clock } from "../../src/pacer.js";
import { decideRetry, type RetryPolicy } from "../../src/retry.js";
import type { AttemptEnd, AttemptHooks, ResponseHead } from "../../src/transport.js";

/**
 * Event-loop stalls: about every `everyMs` (at random), nothing runs for up to `2 × forMs`; or,
 * with `at`, exactly these stalls (start and length, in ms).
 */
export type Stalls = { everyMs: number; forMs: number } | { at: readonly [number, number][] };

/** A clock whose time moves only when every pending promise has settled. */
export class FakeClock implements Clock {
  private time = 0;
  private order = 0;
  private readonly timers: { at: number; order: number; wake: () => void }[] = [];
  private stallAt = Number.POSITIVE_INFINITY;
  private stallEnd = Number.POSITIVE_INFINITY;

  constructor(
    private readonly random: () => number = () => 0,
    private readonly stalls?: Stalls,
  ) {
    this.nextStall(0);
  }

  private nextStall(after: number): void {
    if (!this.stalls) return;
    if ("at" in this.stalls) {
      const [at, forMs] = this.stalls.at.find(([start]) => start >= after) ?? [Infinity, 0];
      this.stallAt = at;
      this.stallEnd = at + forMs;
      return;
    }
    this.stallAt = after - this.stalls.everyMs * Math.log(1 - this.random());
    this.stallEnd = this.stallAt + 2 * this.stalls.forMs * this.random();
  }

  now(): number {
    return this.time;
  }

  /** Resolves after `ms`, plus up to `lateMs` (a busy event loop fires timers late). */
  sleep(ms: number, lateMs = 0): Promise<void> {
    return new Promise((wake) => {
      const at = this.time + Math.max(0, ms) + lateMs * this.random();
      this.timers.push({ at, order: this.order++, wake });
    });
  }

  /** Runs timers in time order until none is left or `done()` holds. */
  async run(done: () => boolean): Promise<void> {
    await flush();
    while (!done() && this.timers.length > 0) {
      this.timers.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = this.timers.shift() as { at: number; wake: () => void };
      // A timer due during a stall runs when the stall ends, with everything else due then.
      if (next.at >= this.stallEnd) this.nextStall(this.stallEnd);
      if (next.at >= this.stallAt && next.at < this.stallEnd) next.at = this.stallEnd;
      this.time = Math.max(this.time, next.at);
      next.wake();
      await flush();
    }
  }
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface SimOptions {
  limiter: Limiter;
  headers: HeaderStyle;
  runs: number;
  concurrency: number;
  /** The pacer under test, on the simulation's clock. */
  hooks(clock: Clock): AttemptHooks;
  /** Round trip without the server's hold, in ms; each request gets up to `jitterMs` more. */
  latencyMs?: number;
  jitterMs?: number;
  /** ms the server holds an admitted request. */
  holdMs?: number;
  /** The pacer's timers fire up to this late. */
  lateMs?: number;
  /** Stalls of the client's event loop (the server's answers wait too). */
  stalls?: Stalls;
  /**
   * Stalls of the server alone (start and length, in ms): requests that arrive meanwhile are
   * seen by its limiter when the stall ends, all at once; the client goes on sending.
   */
  serverStalls?: readonly [number, number][];
  errorRate?: number;
  resetRate?: number;
  seed?: number;
  /** The client's retry policy (the defaults of createClient, bulk's maxRetries 10). */
  retry?: RetryPolicy;
}

export interface SimResult {
  /** Virtual ms from the first request to the last answer. */
  elapsedMs: number;
  /** Items that ended cancelled, and that ended failed; each item ends exactly once. */
  succeeded: number;
  failed: number;
  requests: number;
  refused: number;
  /** Arrival time of every request at the server, in order, and of every refused one. */
  arrivals: number[];
  refusedAt: number[];
}

const PACED_429_RETRIES = 50;

export async function simulate(options: SimOptions): Promise<SimResult> {
  const random = mulberry32(options.seed ?? 7);
  const clock = new FakeClock(random, options.stalls);
  const lateMs = options.lateMs ?? 0.5;
  const sleepLate = (ms: number) => clock.sleep(ms, lateMs);
  const hooks = options.hooks({ now: () => clock.now(), sleep: sleepLate });
  const faults = new Faults(options.errorRate ?? 0, options.resetRate ?? 0, options.seed ?? 7);
  const policy: RetryPolicy = options.retry ?? {
    maxRetries: 10,
    baseDelayMs: 500,
    maxDelayMs: 8000,
    maxRetryAfterMs: 60_000,
  };
  const latency = options.latencyMs ?? 1;
  const jitter = options.jitterMs ?? 0.5;
  const hold = options.holdMs ?? 0;
  options.limiter.reset(0);
  const result: SimResult = {
    elapsedMs: 0,
    succeeded: 0,
    failed: 0,
    requests: 0,
    refused: 0,
    arrivals: [],
    refusedAt: [],
  };
  let next = 0;

  /** One request to the simulated server: its answer, or undefined for a reset. */
  async function exchange(): Promise<ResponseHead | undefined> {
    const half = (latency + jitter * random()) / 2;
    await clock.sleep(half);
    const stall = options.serverStalls?.find(
      ([at, ms]) => clock.now() >= at && clock.now() < at + ms,
    );
    if (stall) await clock.sleep(stall[0] + stall[1] - clock.now());
    const arrived = clock.now();
    result.requests++;
    result.arrivals.push(arrived);
    const verdict = options.limiter.arrive(arrived);
    let status = 429;
    if (verdict.admitted) {
      const fault = faults.draw();
      if (hold > 0) await clock.sleep(hold);
      options.limiter.finish(clock.now());
      if (fault === "reset") return undefined;
      status = fault === "error" ? 503 : 200;
    } else {
      result.refused++;
      result.refusedAt.push(arrived);
    }
    await clock.sleep(half);
    const headers = new Headers(limitHeaders(options.headers, verdict));
    return { ok: status === 200, status, statusText: "", headers };
  }

  async function cancelOne(): Promise<boolean> {
    let retries = 0;
    let paced = 0;
    for (;;) {
      const ticket = await hooks.beforeAttempt?.(undefined);
      const answer = await exchange();
      let decision;
      if (answer === undefined) {
        decision = decideRetry({ kind: "no-answer" }, retries++, policy, 0, random);
      } else if (answer.ok) {
        hooks.afterAttempt?.(ticket, { answer, retryDelayMs: undefined, retries });
        return true;
      } else {
        const free = answer.status === 429 && paced++ < PACED_429_RETRIES;
        const outcome = { kind: "status", status: answer.status, headers: answer.headers } as const;
        decision = decideRetry(outcome, free ? 0 : retries++, policy, 0, random);
      }
      const end: AttemptEnd = {
        answer,
        retryDelayMs: decision.retry ? decision.delayMs : undefined,
        retries,
      };
      const chosen = hooks.afterAttempt?.(ticket, end);
      if (!decision.retry) return false;
      await sleepLate(chosen ?? decision.delayMs);
    }
  }

  // The pacer's fault backoff draws from Math.random: seeded too, so that a run is repeatable.
  const draw = vi.spyOn(Math, "random").mockImplementation(mulberry32((options.seed ?? 7) + 1));
  let working = options.concurrency;
  const workers = Array.from({ length: options.concurrency }, async () => {
    while (next < options.runs) {
      next++;
      if (await cancelOne()) result.succeeded++;
      else result.failed++;
    }
    working--;
  });
  try {
    await clock.run(() => working === 0);
    await Promise.all(workers);
  } finally {
    draw.mockRestore();
  }
  result.elapsedMs = clock.now();
  return result;
}
