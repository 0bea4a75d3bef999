/**
 * The pacer grows a limit only while that limit is what holds the workers back, on a fake clock:
 * the pace while attempts wait for their slot in time, the number in flight while they wait for
 * one to end. Raising a limit the workers do not reach teaches nothing, and lets them burst past
 * the server's limit when they speed up.
 */
import { describe, expect, it } from "vitest";
import { end, paced } from "./paced.js";

/** `workers` that each ask, get an answer `latencyMs` later, and ask again, until `untilMs`. */
async function work(
  { clock, pacer, request }: ReturnType<typeof paced>,
  workers: number,
  latencyMs: number,
  untilMs: number,
) {
  const one = async () => {
    while (clock.now() < untilMs) {
      const ticket = await request();
      await clock.sleep(latencyMs);
      pacer.afterAttempt(ticket, end(200));
    }
  };
  const running = Array.from({ length: workers }, one);
  await clock.run(() => false);
  await Promise.all(running);
}

describe("the pacer grows a limit only while it binds", () => {
  it("the pace stays at 100/s for one worker asking every 30 ms", async () => {
    const job = paced();
    await work(job, 1, 30, 1000);
    expect(job.pacer.rate.rate).toBe(100);
  });

  it("the pace stays at 100/s for workers held back by one slot in flight, not by the pace", async () => {
    const job = paced({ concurrency: 1 });
    await work(job, 4, 30, 1000);
    expect(job.pacer.rate.rate).toBe(100);
    expect(job.pacer.concurrency.limit).toBe(1);
  });

  it("the pace grows for workers that would go faster than it", async () => {
    const job = paced();
    await work(job, 4, 30, 1000);
    expect(job.pacer.rate.rate).toBeGreaterThan(100);
  });

  it("the limit in flight doubles for workers held back by it, and stays for fewer workers", async () => {
    const held = paced();
    await work(held, 16, 5, 300);
    expect(held.pacer.concurrency.limit).toBeGreaterThanOrEqual(8);
    const few = paced();
    await work(few, 3, 5, 300);
    expect(few.pacer.concurrency.limit).toBe(4);
  });
});
