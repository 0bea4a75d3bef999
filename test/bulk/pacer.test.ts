/**
 * The shared pacer on a fake clock: what a 429 does to every worker's next slot, and how the rate
 * is learned from the requests a saturated server admitted.
 */
import { describe, expect, it } from "vitest";
import { Pacer } from "../../src/pacer.js";

/** A pacer on a clock the test moves; `onTime()` takes a slot exactly when it is due. */
function clocked() {
  let t = 0;
  const pacer = new Pacer(() => t);
  const state = pacer as unknown as { nextStart: number; pausedUntil: number };
  return {
    pacer,
    now: () => t,
    at: (ms: number) => (t = ms),
    /** When the next request may start. */
    nextSlot: () => Math.max(t, state.pausedUntil, state.nextStart),
    onTime() {
      t = Math.max(t, state.pausedUntil, state.nextStart);
      expect(pacer.take()).toBeUndefined(); // due now: no wait
    },
  };
}

describe("Pacer", () => {
  it("lets everything through at once until the first 429", () => {
    const { pacer } = clocked();
    for (let i = 0; i < 1000; i++) expect(pacer.take()).toBeUndefined();
    expect(pacer.rate).toBe(Number.POSITIVE_INFINITY);
  });

  it("a 429 pauses every worker for the wait the server asked", () => {
    const { pacer, at, nextSlot } = clocked();
    at(1_000);
    pacer.limited(250);
    // Any worker taking a slot now waits until the pause is over, not just the refused one.
    const pending = pacer.take();
    expect(pending).toBeInstanceOf(Promise);
    void pending?.catch(() => {});
    expect(nextSlot()).toBeGreaterThanOrEqual(1_250);
  });

  it("learns the server's rate from what it admitted between two 429s, then spaces requests", () => {
    const { pacer, at, now, nextSlot, onTime } = clocked();
    for (let i = 0; i < 50; i++) pacer.take(); // the initial burst
    at(100);
    pacer.limited(1); // the server's bucket is empty; it hints "1 ms to the next token": 1000/s
    // Workers go as fast as the pacer lets them, and the server admits all of it for a second,
    // then refuses again: it admitted 1000/s.
    const windowStart = now();
    while (now() < windowStart + 1_000) onTime();
    pacer.limited(2);
    // Measured between the two 429s, minus a small margin (3%).
    expect(pacer.rate).toBeGreaterThan(950);
    expect(pacer.rate).toBeLessThan(1_000);
    const learned = pacer.rate;
    // 100 workers asking at one instant are spaced at that rate, not let through at once.
    at(now() + 10);
    const first = nextSlot();
    for (let i = 0; i < 100; i++) void pacer.take()?.catch(() => {});
    expect(nextSlot() - first).toBeCloseTo((100 * 1000) / learned, 0);
  });

  it("measures a slower server as slower", () => {
    const { pacer, at, now, onTime } = clocked();
    pacer.limited(10); // hint: 100/s
    const start = now();
    // The server admits one request every 20 ms (50/s): each request waits for its slot, and a
    // 429 comes whenever the pacer runs ahead; here the workers simply arrive every 20 ms.
    for (let t = start; t < start + 2_000; t += 20) {
      at(Math.max(t, now()));
      onTime();
    }
    pacer.limited(10);
    expect(pacer.rate).toBeLessThan(100);
    expect(pacer.rate).toBeGreaterThan(30);
  });

  it("probes upwards after a quiet second, only while the workers keep up with the rate", () => {
    const { pacer, now, onTime } = clocked();
    pacer.limited(10); // 100/s
    const learned = pacer.rate;
    // Workers keep up with the rate for 3 s with no 429: the pacer tries faster.
    const start = now();
    while (now() < start + 3_000) onTime();
    expect(pacer.rate).toBeGreaterThan(learned);

    // Workers that send far below the rate teach nothing: no probe.
    const slow = clocked();
    slow.pacer.limited(10);
    const before = slow.pacer.rate;
    for (let t = 0; t < 3_000; t += 100) {
      slow.at(t);
      slow.onTime();
    }
    expect(slow.pacer.rate).toBe(before);
  });
});
