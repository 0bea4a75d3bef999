/**
 * The pause between polls starts at `intervalMs`, grows by half after each poll that shows no
 * change, stops growing at `maxIntervalMs`, and starts again from `intervalMs` when the status
 * changes. On a fake clock the pauses are exact; the loopback test in wait.test.ts can only bound
 * them.
 */
import { afterEach, expect, it } from "vitest";
import { fakeClockClient, settleWithin, stopFakeClock } from "../support/fake-clock.js";
import { wireRun } from "../support/wire.js";

afterEach(stopFakeClock);

const STATUSES = [
  ...Array<string>(8).fill("queued"),
  ...Array<string>(3).fill("in_progress"),
  "completed",
];

it("pauses grow by half up to maxIntervalMs, and start again from intervalMs at a status change", async () => {
  let polls = 0;
  const { client, requests } = await fakeClockClient(() =>
    wireRun({ id: "run_1", status: STATUSES[Math.min(polls++, STATUSES.length - 1)] }),
  );
  const outcome = await settleWithin(
    client.runs.wait("thread_1", "run_1", { intervalMs: 10, maxIntervalMs: 60, timeoutMs: 60_000 }),
    10_000,
  );
  expect(outcome.ok && outcome.value.status).toBe("completed");
  const pauses = requests.slice(1).map((r, i) => r.at - (requests[i]?.at ?? Number.NaN));
  // 10 × 1.5^n, capped at 60; back to 10 when the status changes. The fake clock reads whole ms.
  const expected = [10, 15, 22.5, 33.75, 50.6, 60, 60, 60, 10, 15, 22.5];
  expect(pauses).toHaveLength(expected.length);
  pauses.forEach((pause, i) =>
    expect(Math.abs(pause - (expected[i] ?? Number.NaN))).toBeLessThan(1),
  );
});
