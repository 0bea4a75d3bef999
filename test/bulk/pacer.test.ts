/**
 * The bulk pacer on a fake clock, one behaviour at a time: the slow start before the server says
 * anything, what each kind of answer does to every waiting attempt, and the concurrency limit.
 * (Whole jobs against each kind of limiter: limiter-fake-clock.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { ConcurrencyLimit } from "../../src/pacer-concurrency.js";
import { end, paced, wait } from "./paced.js";

describe("Pacer", () => {
  it("starts slowly and doubles its pace while the workers use it: no burst before the server speaks", async () => {
    const { startedAt, busy } = paced();
    await busy(32, 300);
    const inFirst = startedAt.filter((t) => t < 25).length;
    const inLast = startedAt.filter((t) => t >= 250 && t < 275).length;
    // 32 eager workers, yet a handful in the first 25 ms (100/s and a little catch-up)...
    expect(inFirst).toBeLessThanOrEqual(5);
    // ...and many times that once the pace has doubled a few times.
    expect(inLast).toBeGreaterThan(8 * inFirst);
  });

  it("pauses every waiting attempt for the wait a 429 names in ms", async () => {
    const { clock, pacer, ask, askMany, startedAt, busy } = paced();
    await busy(4, 200);
    const first = await ask();
    const refusedAt = clock.now();
    pacer.afterAttempt(first, end(429, { "retry-after-ms": "40" }));
    await askMany(3);
    for (const t of startedAt.slice(-3)) expect(t).toBeGreaterThanOrEqual(refusedAt + 40);
  });

  // A rate limiter that names its wait is no cap, whatever the level of the request it refused.
  it.each([
    ["its wait in ms", { "retry-after-ms": "3", "retry-after": "1" }],
    ["Retry-After in whole seconds", { "retry-after": "1" }],
  ])(
    "leaves a 429 with %s to the pace: a token bucket's refusal at a high level is no cap",
    async (_name, headers) => {
      const { pacer, askMany, busy } = paced();
      // Answered at once, few in flight; then a stall bunches 8 up, and the top one meets an
      // empty bucket that names its next token.
      await busy(8, 300);
      pacer.concurrency.limit = 16; // as grown by slow start while the workers waited for answers
      for (let i = 0; i < 40; i++) pacer.slots.admitted(20); // answers that took 20 ms each
      const bunched = await askMany(8);
      const top = bunched.at(-1)!;
      expect(top.level).toBe(8);
      for (const ticket of bunched.slice(0, -1)) pacer.afterAttempt(ticket, end(200));
      pacer.afterAttempt(top, end(429, headers));
      expect(pacer.concurrency.limit).toBe(16);
    },
  );

  it("does not freeze for a coarse Retry-After: 1 (whole seconds): the next attempt goes within a few slots", async () => {
    const { clock, pacer, ask, startedAt, busy } = paced();
    await busy(4, 300);
    const rate = pacer.rate.rate;
    const ticket = await ask();
    const refusedAt = clock.now();
    pacer.afterAttempt(ticket, end(429, { "retry-after": "1" }));
    await ask();
    // Halved pace at worst: two slots of the old one, far from the second the header says.
    expect(startedAt.at(-1)! - refusedAt).toBeLessThanOrEqual((2 * 1000) / rate + 1);
  });

  it("waits longer only while every try after a coarse Retry-After is refused", async () => {
    const { clock, pacer, ask, busy } = paced();
    await busy(4, 300);
    const gaps: number[] = [];
    let refusedAt = clock.now();
    for (let i = 0; i < 8; i++) {
      const ticket = await ask();
      gaps.push(clock.now() - refusedAt);
      refusedAt = clock.now();
      pacer.afterAttempt(ticket, end(429, { "retry-after": "1" }));
    }
    // The pause doubles while nothing passes, and never beyond the second the server named.
    expect(gaps.at(-1)!).toBeGreaterThan(gaps[1]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(1000);
  });

  it("slows down before the first 429 when x-ratelimit headers say the limit is near", async () => {
    const { pacer, ask, startedAt } = paced();
    // An OpenAI-style answer: 60 a window, 10 left, full again in 2.5 s: 20/s, 10 in hand.
    const first = await ask();
    pacer.afterAttempt(
      first,
      end(200, {
        "x-ratelimit-limit-requests": "60",
        "x-ratelimit-remaining-requests": "10",
        "x-ratelimit-reset-requests": "2.5s",
      }),
    );
    // 30 attempts, each answered at once (the limit in flight does not get in the way).
    for (let i = 0; i < 30; i++) pacer.afterAttempt(await ask(), end(200));
    const starts = startedAt.slice(1);
    // What was left goes at once (less a reserve), the rest at 20/s.
    expect(starts.filter((t) => t <= 5).length).toBeLessThanOrEqual(10);
    expect(starts.filter((t) => t <= 5).length).toBeGreaterThanOrEqual(8);
    expect(starts.at(-1)!).toBeGreaterThanOrEqual(((30 - 10) * 1000) / 20 - 60);
    expect(pacer.rateLimited).toBe(0);
  });

  it("retries a 5xx or a reset after a short backoff of its own, and slows nobody else", async () => {
    const { clock, pacer, ask, busy } = paced();
    await busy(4, 300);
    const failed = await ask();
    const rate = pacer.rate.rate;
    const wait503 = pacer.afterAttempt(failed, end(503, {}, 500));
    const reset = await ask();
    const waitReset = pacer.afterAttempt(reset, end(undefined, {}, 400));
    expect(wait503).toBeGreaterThan(0);
    expect(wait503).toBeLessThanOrEqual(25);
    expect(waitReset).toBeLessThanOrEqual(25);
    expect(pacer.rate.rate).toBe(rate);
    // Someone else asking right after waits no longer than a slot.
    const askedAt = clock.now();
    await ask();
    expect(clock.now() - askedAt).toBeLessThanOrEqual(1000 / rate + 1);
  });

  it("honours a 503's own Retry-After as it is", async () => {
    const { pacer, ask } = paced();
    const ticket = await ask();
    expect(pacer.afterAttempt(ticket, end(503, { "retry-after": "2" }, 2000))).toBeUndefined();
  });

  it("keeps to the user's ceiling, however fast the server would go", async () => {
    const { startedAt, busy } = paced({ maxRequestsPerSecond: 50 });
    await busy(32, 2000);
    const afterRamp = startedAt.filter((t) => t >= 1000 && t < 2000).length;
    expect(afterRamp).toBeLessThanOrEqual(52);
    expect(afterRamp).toBeGreaterThanOrEqual(45);
  });

  it("holds attempts beyond the concurrency limit until one ends", async () => {
    const { clock, pacer, askMany, request } = paced({ concurrency: 2 });
    const [first] = await askMany(2);
    let third = false;
    const pending = request().then(() => (third = true));
    await wait(clock, 100);
    expect(third).toBe(false);
    pacer.afterAttempt(first!, end(200));
    await clock.run(() => third);
    await pending;
    expect(third).toBe(true);
  });

  it("rejects a waiting attempt with the signal's reason when it aborts", async () => {
    const { pacer, ask } = paced({ concurrency: 1 });
    await ask();
    const controller = new AbortController();
    const waiting = pacer.beforeAttempt(controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
  });
});

/** A limit grown (by slow start) to at least 16, then given 40 clean answers at levels 1..8. */
function grownTo16(): ConcurrencyLimit {
  const limit = new ConcurrencyLimit(32);
  for (let t = 0; limit.limit < 16; t++) {
    limit.held = true;
    limit.passed(1, t);
  }
  for (let i = 0; i < 40; i++) limit.passed(1 + (i % 8), 100 + i);
  return limit;
}

describe("ConcurrencyLimit", () => {
  it("doubles while it holds the workers back and answers come back clean (slow start)", () => {
    const limit = new ConcurrencyLimit(32);
    expect(limit.limit).toBe(4);
    limit.held = true;
    for (let i = 1; i <= 4; i++) limit.passed(i, i);
    expect(limit.limit).toBe(8);
    limit.held = true;
    for (let i = 1; i <= 8; i++) limit.passed(i, 10 + i);
    expect(limit.limit).toBe(16);
  });

  it("drops below a level refused while lower levels passed, and leaves a rate limit's refusal to the rate", () => {
    const limit = grownTo16();
    expect(limit.refused(9, 150)).toBe(true);
    expect(limit.limit).toBe(8);

    // A refusal at a level where most requests pass: not the number in flight.
    const rated = grownTo16();
    expect(rated.refused(2, 150)).toBe(false);
    expect(rated.limit).toBe(16);
  });

  it("tries one more soon after a single refusal, and waits longer once the same level is refused again", () => {
    const limit = grownTo16();
    limit.refused(9, 100);
    const grow = (from: number, to: number) => {
      for (let t = from; t <= to && limit.limit === 8; t += 10) {
        limit.held = true;
        for (let i = 1; i <= 8; i++) limit.passed(i, t);
      }
    };
    grow(110, 400);
    expect(limit.limit).toBe(9); // within ~100 ms
    expect(limit.refused(9, 410)).toBe(true); // the same level again: confirmed
    expect(limit.limit).toBe(8);
    grow(420, 800);
    expect(limit.limit).toBe(8); // not within 100 ms any more
    grow(420, 1_500);
    expect(limit.limit).toBe(9);
  });
});
