/**
 * Under a cap on requests in flight, the pacer lets one request go before an answer frees a slot:
 * when the oldest request in flight should have been answered by the server (its usual round trip
 * less the lead learnt), counting on the slot the server freed a moment before the client hears
 * of it. One such request at a time, and only once the server was found to cap what is in flight.
 * On a fake clock, with the timing learnt from answers of 20 ms and refusals of 2 ms.
 */
import { describe, expect, it } from "vitest";
import { end, pacedUnderCap, wait } from "./paced.js";

/** A pacer that has learnt a cap of 4 in flight, admitted answers of 20 ms and refusals of 2 ms. */
const cappedAt4 = (capped = true) => pacedUnderCap({ capped });

describe("early sends under a cap on requests in flight", () => {
  it("one request goes when the oldest should have freed its slot, before its answer", async () => {
    const { clock, askMany, ask } = await cappedAt4();
    const sentAt = clock.now();
    const first = await askMany(4);
    expect(first.every((t) => !t.early)).toBe(true);
    const early = await ask();
    expect(early.early).toBe(true);
    expect(early.level).toBe(5);
    // 20 ms usual round trip, 2 ms of lead: 18 ms after the oldest was sent.
    expect(clock.now() - sentAt).toBeGreaterThan(17.9);
    expect(clock.now() - sentAt).toBeLessThan(18.1);
  });

  it("only one at a time: the next waits for an answer, and goes as soon as one comes", async () => {
    const { clock, pacer, askMany, ask, request } = await cappedAt4();
    const first = await askMany(4);
    await ask(); // the early one
    let next: boolean | undefined;
    void request().then((t) => (next = t.early));
    await wait(clock, 100);
    expect(next).toBeUndefined();
    pacer.afterAttempt(first[0]!, end(200));
    await wait(clock, 0);
    expect(next).toBe(true); // still one beyond the limit of 4
  });

  it("nothing goes early before the server was found to cap what is in flight", async () => {
    const { clock, askMany, request } = await cappedAt4(false);
    await askMany(4);
    let fifth = false;
    void request().then(() => (fifth = true));
    await wait(clock, 100);
    expect(fifth).toBe(false);
  });
});
