/**
 * How far ahead of an expected answer a request goes early under a cap on requests in flight (the
 * lead): it grows 0.005 ms per admitted answer, never past the round trip of a refused request
 * (measured by the pacer from its own sends) nor half the usual round trip, and nothing goes early
 * while it is below 0.5 ms. On a fake clock: the early request goes `usual round trip - lead` ms
 * after the four in flight were sent.
 */
import { describe, expect, it } from "vitest";
import { end, paced, pacedUnderCap, wait } from "./paced.js";

/** The four in flight, then the early one: how long after the four it went. */
async function earlyAfter(job: Awaited<ReturnType<typeof pacedUnderCap>>): Promise<number> {
  const { clock, askMany, ask } = job;
  const sentAt = clock.now();
  await askMany(4);
  const early = await ask();
  expect(early).toMatchObject({ early: true, level: 5 });
  return clock.now() - sentAt;
}

describe("the lead of an early send", () => {
  it("grows 0.005 ms per admitted answer: 1 ms after 200 answers, though the bound is 2 ms", async () => {
    const after = await earlyAfter(await pacedUnderCap({ answers: 200 }));
    expect(after).toBeGreaterThan(18.95);
    expect(after).toBeLessThan(19.05);
  });

  it("stops at the round trip of a refused request, as the pacer measured it from its own send", async () => {
    const { clock, pacer, askMany, ask } = paced();
    await wait(clock, 1_000); // the refusal's send is not at time 0
    const tickets = await askMany(3);
    await wait(clock, 2);
    pacer.afterAttempt(tickets[2]!, end(429)); // silent at 3 in flight: the cap's, limit 2
    expect(pacer.concurrency).toMatchObject({ limit: 2, capped: true });
    pacer.afterAttempt(tickets[0]!, end(200));
    pacer.afterAttempt(tickets[1]!, end(200));
    // Far more answers than the lead needs to reach 2 ms; half the round trip would allow 10.
    for (let i = 0; i < 2_000; i++) pacer.slots.admitted(20);
    pacer.rate.rate = 1e6;
    await wait(clock, 1);
    const sentAt = clock.now();
    await askMany(2);
    const early = await ask();
    expect(early).toMatchObject({ early: true, level: 3 });
    expect(clock.now() - sentAt).toBeGreaterThan(17.95);
    expect(clock.now() - sentAt).toBeLessThan(18.05);
  });

  it("stops at half the usual round trip when that is less: 1.5 ms for answers of 3 ms, refusals of 2", async () => {
    const after = await earlyAfter(
      await pacedUnderCap({ latencyMs: 3, refusedMs: 2, answers: 1_000 }),
    );
    expect(after).toBeGreaterThan(1.45);
    expect(after).toBeLessThan(1.55);
  });

  it("lets nothing go early while the lead is below 0.5 ms (50 answers: 0.25 ms)", async () => {
    const { clock, askMany, request } = await pacedUnderCap({ answers: 50 });
    await askMany(4);
    let fifth = false;
    void request().then(() => (fifth = true));
    await wait(clock, 100);
    expect(fifth).toBe(false);
  });

  it("lets one go early with a lead of exactly 0.5 ms (refusals of 0.5 ms bound it there)", async () => {
    const after = await earlyAfter(await pacedUnderCap({ refusedMs: 0.5 }));
    expect(after).toBe(19.5);
  });
});
