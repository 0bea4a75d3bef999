/**
 * Whole bulk jobs against every kind of rate limiter, on a fake clock (limiter-sim.ts): the
 * issue's goals, asserted in virtual time, which is exact and repeatable. 2,000 runs at 400 per
 * second, concurrency 32, a loopback-like round trip (0.5-1 ms), timers up to 1 ms late; and the
 * bucket cases again from a client whose event loop stalls now and then. (The same goals on a real
 * loopback server, in wall time, are measured by `npm run bench -- --only bulk-limiters`.)
 */
import { describe, expect, it } from "vitest";
import { limiterCases, type LimiterCase } from "../../bench/lib/limiters.js";
import { Pacer } from "../../src/pacer.js";
import { simulate, type SimOptions } from "./limiter-sim.js";

const RATE = 400;
const RUNS = 2000;
const CONCURRENCY = 32;

function job(limiterCase: LimiterCase, extra: Partial<SimOptions> = {}) {
  return simulate({
    limiter: limiterCase.make(),
    headers: limiterCase.headers,
    runs: RUNS * limiterCase.runScale,
    concurrency: CONCURRENCY,
    holdMs: limiterCase.holdMs,
    errorRate: limiterCase.errorRate,
    resetRate: limiterCase.resetRate,
    latencyMs: 0.5,
    jitterMs: 0.5,
    lateMs: 1,
    hooks: (clock) => new Pacer({ concurrency: CONCURRENCY, clock }),
    ...extra,
  });
}

describe("a bulk cancel at 400/s under each limiter, on a fake clock", () => {
  for (const limiterCase of limiterCases(RATE)) {
    it(`${limiterCase.name}: within 1.1× the ideal time, ≤ 3% 429s, none failed`, async () => {
      const runs = RUNS * limiterCase.runScale;
      const result = await job(limiterCase);
      expect(result.succeeded).toBe(runs);
      expect(result.failed).toBe(0);
      expect(result.refused).toBeLessThanOrEqual(0.03 * runs);
      expect(result.elapsedMs).toBeLessThanOrEqual(1.1 * limiterCase.idealMs(runs));
    });
  }
});

describe("the same from a client whose event loop stalls (about every 300 ms, up to 100 ms)", () => {
  const stalls = { everyMs: 300, forMs: 50 };
  for (const limiterCase of limiterCases(RATE).filter((c) => c.name.startsWith("token bucket"))) {
    it(`${limiterCase.name}: no pace cut far below the limit, ≤ 5% 429s`, async () => {
      const result = await job(limiterCase, { stalls, lateMs: 3 });
      expect(result.failed).toBe(0);
      // Requests bunched by a stall meet a small bucket: more refusals than the 3% goal allows
      // on a quiet machine, but still few.
      expect(result.refused).toBeLessThanOrEqual(0.05 * RUNS);
      // Time lost to the stalls themselves (a small bucket banks nothing) is the client's; a
      // pacer that mistook the bunched refusals for a slower server would take far longer.
      expect(result.elapsedMs).toBeLessThanOrEqual(1.3 * limiterCase.idealMs(RUNS));
    });
  }
});

describe("windows, from a server 20 ms away (more in flight when a window runs out)", () => {
  it("fixed 1 s windows: once a whole window is measured, the pace keeps to it", async () => {
    const fixed = limiterCases(RATE).find((c) => c.name === "fixed 1 s windows") as LimiterCase;
    const result = await job(fixed, { latencyMs: 20, jitterMs: 5 });
    expect(result.failed).toBe(0);
    // The first two windows teach the rate; after that a window runs out late, if at all, with
    // few requests in flight: no pace well above the window's rate between refusals.
    const later = result.refusedAt.filter((t) => t >= 2_000).length;
    expect(later).toBeLessThanOrEqual(10);
  });
});

describe("a cap of 8 in flight, from a server a few ms away (its 429s say nothing)", () => {
  const cap = limiterCases(RATE).find((c) => c.name.startsWith("8 in flight")) as LimiterCase;

  it("keeps the cap's slots busy: the next request goes when a slot frees on the server, not a round trip later", async () => {
    // 2 ms of round trip on top of the 20 ms hold: a client that waits for each answer before
    // sending the next keeps a slot idle 2 ms of every 22 (1.1× the ideal); one that counts on
    // the slot freed when the server answered loses far less.
    const result = await job(cap, { latencyMs: 2, jitterMs: 0 });
    expect(result.failed).toBe(0);
    expect(result.refused).toBeLessThanOrEqual(0.03 * RUNS);
    expect(result.elapsedMs).toBeLessThanOrEqual(1.07 * cap.idealMs(RUNS));
  });

  it("blames the number in flight, not the pace, for the cap's silent 429s", async () => {
    let pacer: Pacer | undefined;
    const result = await job(cap, {
      latencyMs: 3,
      jitterMs: 4,
      seed: 2,
      hooks: (clock) => (pacer = new Pacer({ concurrency: CONCURRENCY, clock })),
    });
    expect(result.failed).toBe(0);
    // The cap allows 400 per second: a pace cut below that (for a refusal the pace did not
    // cause) would be what holds the job back, and it grows back only slowly.
    expect(pacer?.rate.rate).toBeGreaterThanOrEqual(RATE);
    expect(pacer?.concurrency.limit).toBeLessThanOrEqual(9);
  });
});

describe("a server that stalls now and then while the client goes on sending", () => {
  it("token bucket, burst 4, the server stalled 60 ms every 500 ms: few pile up, so few are refused, and the pace is not cut for it", async () => {
    const bucket = limiterCases(RATE).find(
      (c) => c.name === "token bucket, burst 4",
    ) as LimiterCase;
    const serverStalls: [number, number][] = [];
    for (let at = 500; at < 10_000; at += 500) serverStalls.push([at, 60]);
    let pacer: Pacer | undefined;
    const result = await job(bucket, {
      serverStalls,
      hooks: (clock) => (pacer = new Pacer({ concurrency: CONCURRENCY, clock })),
    });
    expect(result.failed).toBe(0);
    // Requests sent while the server stalls reach its bucket at once when it resumes: it admits
    // 4 and refuses the rest. The pace needs 1 or 2 in flight, so only a few pile up...
    expect(result.refused).toBeLessThanOrEqual(0.03 * RUNS);
    // ...and the refusals say nothing about the server's rate: the pace stays near it. (The
    // stalls themselves cost 50 ms in every 500, 11% of the ideal time, which no client gets back.)
    expect(pacer?.rate.rate).toBeGreaterThanOrEqual(0.9 * RATE);
    expect(result.elapsedMs).toBeLessThanOrEqual(1.25 * bucket.idealMs(RUNS));
  });
});
