/**
 * When a request sent early (beyond the cap on requests in flight, counting on a slot the server
 * should have freed) is refused: the timing is blamed while the lead is 0.5 ms or more, the lead
 * halves and nothing goes early for the next 8 admitted answers; the pacer does not react as to
 * the server (the cap and the pace stay, and a later 429 is judged anew). Once the lead is below
 * 0.5 ms, an early request refused is judged like any other 429. On a fake clock.
 */
import { describe, expect, it } from "vitest";
import type { Ticket } from "../../src/pacer.js";
import { end, pacedUnderCap, wait } from "./paced.js";

describe("an early send refused", () => {
  it("makes nothing go early for the next 8 admitted answers; then one does, with the lead halved", async () => {
    const { clock, pacer, askMany, ask, request } = await pacedUnderCap(); // lead 2 ms
    const inFlight = await askMany(4);
    const early = await ask();
    await wait(clock, 2);
    pacer.afterAttempt(early, end(429));
    expect(pacer.concurrency.limit).toBe(4);

    // 12 waiting; each request in flight answered 20 ms after its send, oldest first.
    let answers = 0;
    const sent: { ticket: Ticket; answersBefore: number }[] = [];
    for (let i = 0; i < 12; i++) {
      void request().then((ticket) => sent.push({ ticket, answersBefore: answers }));
    }
    await wait(clock, 0);
    let seen = 0;
    while (answers < 10) {
      inFlight.push(...sent.slice(seen).map((s) => s.ticket));
      seen = sent.length;
      inFlight.sort((a, b) => a.sentAt - b.sentAt);
      const oldest = inFlight.shift()!;
      await wait(clock, oldest.sentAt + 20 - clock.now());
      answers++;
      pacer.afterAttempt(oldest, end(200));
      await wait(clock, 0);
    }
    const at = sent.findIndex((s) => s.ticket.early);
    expect(at).toBe(8);
    expect(sent[at]!.answersBefore).toBe(8);
    // The lead: 2 ms halved, and 0.005 ms more for each of the 8 answers since: 1.04 ms. The
    // early one goes that long before the four sent together with the one before it are answered.
    const lead = 20 - (sent[at]!.ticket.sentAt - sent[at - 1]!.ticket.sentAt);
    expect(lead).toBeGreaterThan(1.035);
    expect(lead).toBeLessThan(1.045);
  });

  it.each([
    ["2 ms", 2],
    ["exactly 0.5 ms", 0.5],
  ])(
    "with a lead of %s is the timing's, not the pacer's reaction: a 429 naming a wait, for a request sent before, still pauses everyone",
    async (_, refusedMs) => {
      const { clock, pacer, askMany, ask } = await pacedUnderCap({ refusedMs });
      const first = await askMany(4);
      const early = await ask();
      expect(early.early).toBe(true);
      await wait(clock, refusedMs);
      pacer.afterAttempt(early, end(429));
      expect(pacer.concurrency.limit).toBe(4);
      pacer.afterAttempt(first[0]!, end(429, { "retry-after-ms": "50" }));
      const refusedAt = clock.now();
      const next = await ask();
      expect(next.sentAt).toBeGreaterThanOrEqual(refusedAt + 50);
    },
  );

  it("once the lead is below 0.5 ms, is judged like any 429: a silent one the cap's, and so is a 429 in flight then, which pauses nobody", async () => {
    const { clock, pacer, askMany, ask, request } = await pacedUnderCap({ refusedMs: 0.6 });
    const first = await askMany(4);
    const a = await ask(); // early, 19.4 ms after the four
    let b: Ticket | undefined;
    void request().then((ticket) => (b = ticket));
    await wait(clock, 0.1);
    pacer.afterAttempt(first[0]!, end(200)); // a slot frees: b goes early too
    await wait(clock, 0);
    expect([a.early, b?.early]).toEqual([true, true]);
    await wait(clock, 0.5);
    pacer.afterAttempt(a, end(429)); // the timing's: the lead halves to 0.3 ms
    await wait(clock, 0.1);
    pacer.afterAttempt(b!, end(429)); // below 0.5 ms: silent at 5 in flight, the cap's
    pacer.afterAttempt(first[1]!, end(429, { "retry-after-ms": "50" }));
    const refusedAt = clock.now();
    const next = await ask();
    expect(next.sentAt).toBe(refusedAt);
  });
});
