/**
 * cancelActive's pause between looks starts again from `intervalMs` after any look that shows a
 * change (a run it tracks changed status, or a run it had not seen appeared), and grows by half
 * after each look that shows none. On a fake clock the looks' times are exact; the loopback test
 * of the same (cancel-active-spacing.test.ts) can only bound the number of looks.
 */
import { afterEach, expect, it, vi } from "vitest";
import { fakeClockClient, listPage, settleWithin, stopFakeClock } from "../support/fake-clock.js";
import { wireRun } from "../support/wire.js";

afterEach(stopFakeClock);

const THREAD = "thread_pauses";

/** What each look at the thread shows: run id → status. The last one repeats. */
const LOOKS: ReadonlyArray<Readonly<Record<string, string>>> = [
  { run_a: "in_progress", run_b: "in_progress" }, // both new: cancelled; pause 100
  { run_a: "cancelling", run_b: "cancelling" }, // as after the cancels: no change; pause 150
  { run_a: "cancelling", run_b: "cancelling" }, // no change; pause 225
  { run_a: "cancelled", run_b: "cancelling" }, // run_a stopped: a change; pause 100
  { run_a: "cancelled", run_b: "cancelling", run_c: "queued" }, // a new run: cancelled; pause 100
  { run_a: "cancelled", run_b: "cancelling", run_c: "cancelling" }, // no change; pause 150
  { run_a: "cancelled", run_b: "cancelled", run_c: "cancelled" }, // all stopped: done
];

it("the pause starts again from intervalMs after a change and grows by half after each look without one", async () => {
  let looks = 0;
  const { client, requests } = await fakeClockClient(({ method, path }) => {
    const cancel = /\/runs\/([^/]+)\/cancel$/.exec(path);
    if (method === "POST")
      return wireRun({ id: cancel?.[1], thread_id: THREAD, status: "cancelling" });
    const look = LOOKS[Math.min(looks++, LOOKS.length - 1)] ?? {};
    const data = Object.entries(look).map(([id, status]) =>
      wireRun({ id, thread_id: THREAD, status }),
    );
    return listPage(data);
  });
  const outcome = await settleWithin(
    client.runs.cancelActive(THREAD, { intervalMs: 100, maxIntervalMs: 10_000, timeoutMs: 60_000 }),
    10_000,
  );

  expect(outcome.ok && outcome.value).toEqual([
    expect.objectContaining({ id: "run_a", status: "cancelled" }),
    expect.objectContaining({ id: "run_b", status: "cancelled" }),
    expect.objectContaining({ id: "run_c", status: "cancelled" }),
  ]);
  const listedAt = requests.filter((r) => r.method === "GET").map((r) => r.at);
  const pauses = listedAt.slice(1).map((at, i) => at - (listedAt[i] ?? Number.NaN));
  expect(pauses).toEqual([100, 150, 225, 100, 100, 150]);
  // Nothing is left behind: not the deadline's timer (60 s), which would keep a process alive.
  expect(vi.getTimerCount()).toBe(0);
});
