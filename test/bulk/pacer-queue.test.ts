/**
 * The pacer's queue on a fake clock: first come first served, an abort takes a waiting attempt
 * out without costing anyone a slot, and no more go in flight than the pace needs.
 */
import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import type { Ticket } from "../../src/pacer.js";
import { end, paced, wait, watch } from "./paced.js";

describe("the pacer's queue", () => {
  it("lets attempts go in the order they asked, even one that asks just as a slot in time comes due", async () => {
    const { clock, pacer, ask } = paced();
    await ask(); // at 0, the one token in hand (100/s)
    let late: { ticket?: Ticket } | undefined;
    // Asks at 10 ms, before the pacer's own timer for the waiting attempt fires then.
    void clock.sleep(10).then(() => (late = watch(pacer.beforeAttempt())));
    const waiting = watch(pacer.beforeAttempt()); // due at 10 ms
    await wait(clock, 0);
    expect(waiting.ticket?.sentAt).toBe(10);
    expect(late?.ticket?.sentAt).toBe(20);
  });

  it("rejects an attempt whose signal is already aborted instead of queueing it, and the slot goes to the next", async () => {
    const { clock, pacer, ask } = paced({ concurrency: 1 });
    const first = await ask();
    const aborted = watch(pacer.beforeAttempt(AbortSignal.abort(new Error("gone"))));
    const next = watch(pacer.beforeAttempt());
    pacer.afterAttempt(first, end(200));
    await wait(clock, 50);
    expect(aborted).toEqual({ error: "gone" });
    expect(next.ticket?.seq).toBe(2);
  });

  it("takes an attempt aborted while it waits out of the queue: the one behind it gets the slot", async () => {
    const { clock, pacer, ask } = paced({ concurrency: 1 });
    const first = await ask();
    const controller = new AbortController();
    const aborted = watch(pacer.beforeAttempt(controller.signal));
    const behind = watch(pacer.beforeAttempt());
    const last = watch(pacer.beforeAttempt(new AbortController().signal));
    controller.abort(new Error("stop"));
    await wait(clock, 1);
    expect(aborted).toEqual({ error: "stop" });
    pacer.afterAttempt(first, end(200));
    await wait(clock, 50);
    expect(behind.ticket?.seq).toBe(2);
    expect(last.ticket).toBeUndefined(); // still waiting for the one slot
    pacer.afterAttempt(behind.ticket!, end(200));
    await wait(clock, 50);
    expect(last.ticket?.seq).toBe(3);
  });

  it("keeps no more in flight than twice the pace times the round trip, plus 2", async () => {
    const { clock, pacer, ask } = paced({ maxRequestsPerSecond: 100 });
    // One answer 31 ms after its request: the usual round trip. The pace is 100/s (the ceiling).
    const first = await ask();
    await wait(clock, 31);
    pacer.afterAttempt(first, end(200));
    pacer.concurrency.limit = 32; // the workers' limit is not what holds them here
    const asked = Array.from({ length: 12 }, () => watch(pacer.beforeAttempt()));
    await wait(clock, 500);
    // ceil(2 × 100/s × 31 ms) + 2 = 9 in flight, and no more however long they wait.
    expect(asked.filter((a) => a.ticket !== undefined)).toHaveLength(9);
    expect(asked.map((a) => a.ticket?.level).filter((l) => l !== undefined)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
  });

  it("keeps at least 4 in flight however short the round trip", async () => {
    const { clock, pacer, ask } = paced({ maxRequestsPerSecond: 100 });
    const first = await ask();
    await wait(clock, 1);
    pacer.afterAttempt(first, end(200));
    pacer.concurrency.limit = 32;
    const asked = Array.from({ length: 12 }, () => watch(pacer.beforeAttempt()));
    await wait(clock, 500);
    expect(asked.filter((a) => a.ticket !== undefined)).toHaveLength(4);
  });

  it("leaves no listener on the job's signal once an attempt that waited is let through", async () => {
    const { clock, pacer, ask } = paced({ concurrency: 1 });
    const job = new AbortController();
    let ticket = await ask();
    for (let i = 0; i < 20; i++) {
      const next = watch(pacer.beforeAttempt(job.signal)); // waits for the one slot
      expect(getEventListeners(job.signal, "abort")).toHaveLength(1);
      pacer.afterAttempt(ticket, end(200));
      await wait(clock, 0);
      ticket = next.ticket!;
    }
    expect(getEventListeners(job.signal, "abort")).toHaveLength(0);
  });
});
