/**
 * The last sleep of a wait is cut to the deadline, and when it ends the wait gives up. It does not
 * look at the clock again to decide: Node may fire a timer a millisecond before `Date.now()`
 * reaches the time it was set for, and a wait that trusted the clock then sent one more poll at
 * the deadline (seen as a second request in a loaded CI run). Here only the timers are fake, so
 * every timer fires "early": the clock has not moved at all when the sleep ends.
 */
import { afterEach, expect, it, vi } from "vitest";
import { TimeoutError } from "../../src/index.js";
import { runFromWire } from "../../src/model.js";
import type { Runs } from "../../src/runs.js";
import { waitFor, waitSettings } from "../../src/wait.js";
import { wireRun } from "../support/wire.js";

afterEach(() => {
  vi.useRealTimers();
});

it("a sleep cut to the deadline ends the wait with the last run, even if its timer fires before the clock gets there", async () => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  const inProgress = runFromWire(wireRun({ status: "in_progress" }));
  const get = vi.fn(() => Promise.resolve(inProgress));
  const settings = waitSettings({ intervalMs: 60_000, timeoutMs: 1_000 }, "wait");
  const outcome = waitFor({ get } as unknown as Runs, {
    threadId: "thread_1",
    runId: "run_1",
    settings,
  }).then(
    () => "resolved",
    (error: unknown) => error,
  );

  await vi.advanceTimersByTimeAsync(1_000);

  expect(get).toHaveBeenCalledTimes(1);
  const error = await outcome;
  expect(error).toBeInstanceOf(TimeoutError);
  expect((error as TimeoutError).run).toBe(inProgress);
});

it("a pause shorter than the time left is slept, and the next poll follows it", async () => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  const runs = [
    runFromWire(wireRun({ status: "in_progress" })),
    runFromWire(wireRun({ status: "completed" })),
  ];
  const get = vi.fn(() => Promise.resolve(runs[get.mock.calls.length - 1]));
  const settings = waitSettings({ intervalMs: 200, timeoutMs: 1_000 }, "wait");
  const outcome = waitFor({ get } as unknown as Runs, {
    threadId: "thread_1",
    runId: "run_1",
    settings,
  });

  await vi.advanceTimersByTimeAsync(199);
  expect(get).toHaveBeenCalledTimes(1);
  await vi.advanceTimersByTimeAsync(1);
  expect(get).toHaveBeenCalledTimes(2);
  await expect(outcome).resolves.toBe(runs[1]);
});
