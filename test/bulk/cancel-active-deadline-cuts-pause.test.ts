/**
 * cancelActive's deadline cuts its pause between looks short: with a long `intervalMs` and runs
 * that do not stop, the call ends at its deadline (the runs fail with TimeoutErrors), not after
 * the pause it would otherwise have waited. On a fake clock: the end is exactly the deadline. (The
 * loopback test of the deadline is in cancel-active.test.ts.)
 */
import { afterEach, describe, expect, it } from "vitest";
import { CancelActiveError, TimeoutError } from "../../src/index.js";
import {
  STALL,
  fakeClockClient,
  fakeThread,
  settleWithin,
  stopFakeClock,
} from "../support/fake-clock.js";

afterEach(stopFakeClock);

describe("cancelActive: the deadline during a pause", () => {
  it("ends the call at the deadline, not after a 60 s pause", async () => {
    const threadId = "thread_long_pause";
    // Cancelled runs stay `cancelling`: they never stop.
    const thread = fakeThread(threadId, { run_1: "in_progress", run_2: "in_progress" });
    const { client, requests, startedAt } = await fakeClockClient(thread);
    const outcome = await settleWithin(
      client.runs.cancelActive(threadId, { intervalMs: 60_000, timeoutMs: 2_000 }),
      2_000,
    );
    expect(outcome.at - startedAt).toBe(2_000);
    expect(outcome.ok).toBe(false);
    const error = !outcome.ok && outcome.error;
    expect(error).toBeInstanceOf(CancelActiveError);
    const { stopped, failures, message } = error as CancelActiveError;
    expect(stopped).toEqual([]);
    expect(failures.map((f) => f.runId)).toEqual(["run_1", "run_2"]);
    expect(message).toContain("2 of 2");
    for (const { error: cause } of failures) {
      expect(cause).toBeInstanceOf(TimeoutError);
      expect((cause as TimeoutError).run?.status).toBe("cancelling");
    }
    // One look and its two cancels; no look after the pause.
    expect(requests.map((r) => r.method)).toEqual(["GET", "POST", "POST"]);
  });

  it("a look stalled at the deadline ends the call there with what is known, not a TimeoutError", async () => {
    const threadId = "thread_stalled_look";
    const thread = fakeThread(threadId, { run_1: "in_progress" });
    let looks = 0;
    const { client, requests, startedAt } = await fakeClockClient((request) =>
      request.method === "GET" && ++looks === 2 ? STALL : thread(request),
    );
    const outcome = await settleWithin(
      client.runs.cancelActive(threadId, { intervalMs: 100, timeoutMs: 1_000 }),
      1_000,
    );
    expect(outcome.at - startedAt).toBe(1_000);
    const error = !outcome.ok && outcome.error;
    expect(error).toBeInstanceOf(CancelActiveError);
    const { failures } = error as CancelActiveError;
    expect(failures.map((f) => f.runId)).toEqual(["run_1"]);
    expect((failures[0]?.error as TimeoutError).run?.status).toBe("cancelling");
    expect(requests.map((r) => r.method)).toEqual(["GET", "POST", "GET"]);
  });
});
