/**
 * No cancel starts after cancelActive's deadline: runs whose turn comes later are not sent a
 * cancel, and each is a failure with a TimeoutError saying so and carrying the run as last seen.
 * On a fake clock, so the moments are exact: the one cancel in flight at the deadline is answered
 * 700 ms after it was sent, past the deadline of 500 ms, and the call ends then.
 */
import { afterEach, describe, expect, it } from "vitest";
import { CancelActiveError, TimeoutError } from "../../src/index.js";
import {
  after,
  fakeClockClient,
  fakeThread,
  settleWithin,
  stopFakeClock,
} from "../support/fake-clock.js";

afterEach(stopFakeClock);

describe("cancelActive: the deadline during the cancels", () => {
  it("sends no cancel after it; the runs left are TimeoutErrors carrying the run", async () => {
    const threadId = "thread_late";
    const thread = fakeThread(threadId, {
      run_1: "in_progress",
      run_2: "in_progress",
      run_3: "in_progress",
    });
    // Each cancel is answered 700 ms after it was sent.
    const { client, requests } = await fakeClockClient((request) =>
      request.method === "POST" ? after(700, thread(request)) : thread(request),
    );
    const outcome = await settleWithin(
      client.runs.cancelActive(threadId, { intervalMs: 10, concurrency: 1, timeoutMs: 500 }),
      1_000,
    );
    const error = !outcome.ok && outcome.error;
    expect(error).toBeInstanceOf(CancelActiveError);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /threads/thread_late/runs?limit=100",
      "POST /threads/thread_late/runs/run_1/cancel",
    ]);
    // The call ends as the one cancel in flight is answered: no look after the deadline.
    expect(outcome.at - (requests[1]?.at ?? Number.NaN)).toBe(700);
    const { failures } = error as CancelActiveError;
    expect(failures.map((f) => f.runId)).toEqual(["run_1", "run_2", "run_3"]);
    // run_1's cancel went out and was answered `cancelling`: it did not stop in time.
    expect((failures[0]?.error as TimeoutError).run?.status).toBe("cancelling");
    for (const { runId, error: cause } of failures.slice(1)) {
      expect(cause).toBeInstanceOf(TimeoutError);
      expect((cause as TimeoutError).message).toBe(
        `Run ${runId} was not cancelled: the deadline of 500 ms passed first`,
      );
      expect((cause as TimeoutError).run).toMatchObject({ id: runId, status: "in_progress" });
    }
  });
});
