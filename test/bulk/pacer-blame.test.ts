/**
 * What a 429 is blamed on, on a fake clock: a silent one (no wait, no limit) at 3 or more in
 * flight on the number in flight (a gateway's cap), one that names a wait on the pace (a rate
 * limiter). A 429 for an attempt that was already in flight when the pacer reacted is the same
 * event: blamed on what the first was blamed on, whatever it says.
 */
import { describe, expect, it } from "vitest";
import { end, paced } from "./paced.js";

describe("what a 429 is blamed on", () => {
  it("a silent 429 at 3 in flight: the limit in flight drops below it, and the pace stays", async () => {
    const { pacer, askMany } = paced();
    const tickets = await askMany(3);
    expect(tickets.map((t) => t.level)).toEqual([1, 2, 3]);
    pacer.afterAttempt(tickets[2]!, end(429));
    expect(pacer.concurrency.limit).toBe(2);
    expect(pacer.rate.rate).toBe(100);
  });

  it("a 429 that was in flight when the pacer blamed the cap is the cap's too, though it names a wait", async () => {
    const { clock, pacer, askMany, ask } = paced();
    const tickets = await askMany(4);
    const rate = pacer.rate.rate;
    pacer.afterAttempt(tickets[3]!, end(429)); // the cap's: limit 3
    pacer.afterAttempt(tickets[2]!, end(429, { "retry-after-ms": "50" }));
    expect(pacer.rate.rate).toBe(rate);
    expect(pacer.concurrency.limit).toBe(3);
    // No pause of 50 ms for anyone: the next attempt goes with the next slot in time.
    const before = clock.now();
    await ask();
    expect(clock.now() - before).toBeLessThanOrEqual(1000 / rate);
  });

  it("a silent 429 that was in flight when the pacer blamed the pace is the pace's too: the limit in flight stays", async () => {
    const { pacer, askMany } = paced();
    const tickets = await askMany(4);
    pacer.afterAttempt(tickets[0]!, end(429, { "retry-after-ms": "5" })); // the pace's
    pacer.afterAttempt(tickets[3]!, end(429));
    expect(pacer.concurrency.limit).toBe(4);
    expect(pacer.concurrency.capped).toBe(false);
  });

  it("a fresh 429 after the pacer reacted is judged anew", async () => {
    const { pacer, askMany } = paced();
    const first = await askMany(4);
    pacer.afterAttempt(first[0]!, end(429, { "retry-after-ms": "5" })); // the pace's
    for (const ticket of first.slice(1)) pacer.afterAttempt(ticket, end(200));
    const later = await askMany(3);
    expect(later.map((t) => t.level)).toEqual([1, 2, 3]);
    pacer.afterAttempt(later[2]!, end(429)); // sent after the reaction, silent, at 3
    expect(pacer.concurrency.capped).toBe(true);
    expect(pacer.concurrency.limit).toBe(2);
  });

  it("a 429 without a wait but with a count of what is left is a rate limiter's, at any level", async () => {
    const { pacer, askMany } = paced();
    const tickets = await askMany(4);
    pacer.afterAttempt(tickets[3]!, end(429, { "x-ratelimit-remaining": "0" }));
    expect(pacer.concurrency.limit).toBe(4);
    expect(pacer.concurrency.capped).toBe(false);
  });

  it("once the pace is blamed anew, a 429 in flight then is the pace's again, and its wait pauses everyone", async () => {
    const { clock, pacer, askMany, ask } = paced();
    const first = await askMany(4);
    pacer.afterAttempt(first[3]!, end(429)); // silent at 4: the cap's (limit 3)
    pacer.afterAttempt(first[0]!, end(200));
    const fifth = await ask();
    pacer.afterAttempt(first[1]!, end(200));
    const sixth = await ask();
    pacer.afterAttempt(sixth, end(429, { "retry-after-ms": "5" })); // sent after: the pace's
    pacer.afterAttempt(fifth, end(429, { "retry-after-ms": "40" })); // in flight then
    const refusedAt = clock.now();
    pacer.afterAttempt(first[2]!, end(200));
    await ask();
    expect(clock.now()).toBeGreaterThanOrEqual(refusedAt + 40);
  });
});
