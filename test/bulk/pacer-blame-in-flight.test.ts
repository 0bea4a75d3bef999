/**
 * Which 429s are the same event as the pacer's last reaction: those of attempts sent before it
 * reacted. A 429 of such an attempt that comes later does not move that line: an attempt sent
 * after the reaction is still judged anew when it is refused. On a fake clock.
 */
import { describe, expect, it } from "vitest";
import { end, paced } from "./paced.js";

describe("a 429 of an attempt in flight when the pacer reacted", () => {
  it("leaves an attempt sent after the reaction to be judged anew: its wait pauses everyone", async () => {
    const { clock, pacer, askMany, ask } = paced();
    const first = await askMany(4);
    pacer.afterAttempt(first[3]!, end(429)); // silent at 4: the cap's (limit 3)
    pacer.afterAttempt(first[0]!, end(200));
    const fifth = await ask(); // sent after the reaction
    // In flight then: the cap's too, though it names a wait.
    pacer.afterAttempt(first[1]!, end(429, { "retry-after-ms": "50" }));
    expect(pacer.concurrency.limit).toBe(3);
    pacer.afterAttempt(fifth, end(429, { "retry-after-ms": "50" })); // fresh: the pace's
    const refusedAt = clock.now();
    const next = await ask();
    expect(next.sentAt).toBeGreaterThanOrEqual(refusedAt + 50);
  });
});
