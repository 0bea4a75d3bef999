/**
 * The deadline of a wait on a fake clock, where its moment is exact: whatever is under way at the
 * deadline (a stalled poll, a stalled cancel, a server's long pause) ends exactly then, with the
 * wait's own TimeoutError carrying the last run seen, and nothing is sent after it. The loopback
 * tests of the same are in deadline.test.ts.
 */
import { afterEach, describe, expect, it } from "vitest";
import { TimeoutError } from "../../src/index.js";
import {
  STALL,
  fakeClockClient,
  jsonAnswer,
  settleWithin,
  stopFakeClock,
} from "../support/fake-clock.js";
import { wireRun } from "../support/wire.js";

afterEach(stopFakeClock);

const IN_PROGRESS = wireRun({ id: "run_1", thread_id: "thread_1", status: "in_progress" });

describe("the deadline of a wait, on a fake clock", () => {
  it("a poll stalled at the deadline ends exactly there, is not retried, and the TimeoutError carries the last run", async () => {
    let polls = 0;
    const { client, requests, startedAt } = await fakeClockClient(() =>
      ++polls === 1 ? IN_PROGRESS : STALL,
    );
    const outcome = await settleWithin(
      client.runs.wait("thread_1", "run_1", {
        intervalMs: 5,
        timeoutMs: 1_000,
        // A poll's own limit far past the deadline: the deadline must still win.
        request: { timeoutMs: 60_000 },
      }),
      1_000,
    );
    expect(outcome.at - startedAt).toBe(1_000);
    const error = !outcome.ok && outcome.error;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(1_000);
    expect((error as TimeoutError).run?.status).toBe("in_progress");
    expect((error as TimeoutError).message).toBe(
      "Run run_1 did not stop within 1000 ms (last status: in_progress)",
    );
    // The first poll, then the one that stalled, 5 ms later: no retry of it.
    expect(requests.map((r) => r.at - startedAt)).toEqual([0, 5]);
  });

  it("cancelAndWait: a cancel stalled at the deadline ends exactly there, with no run seen", async () => {
    const { client, requests, startedAt } = await fakeClockClient(() => STALL);
    const outcome = await settleWithin(
      client.runs.cancelAndWait("thread_1", "run_1", {
        timeoutMs: 1_000,
        request: { timeoutMs: 60_000 },
      }),
      1_000,
    );
    expect(outcome.at - startedAt).toBe(1_000);
    const error = !outcome.ok && outcome.error;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toBe("Run run_1 did not stop within 1000 ms");
    expect((error as TimeoutError).run).toBeUndefined();
    expect(requests.map((r) => r.method)).toEqual(["POST"]);
  });

  it("a server's pause longer than the time left is slept only to the deadline", async () => {
    const { client, requests, startedAt } = await fakeClockClient(() =>
      jsonAnswer(wireRun({ id: "run_1", status: "queued" }), { "openai-poll-after-ms": "60000" }),
    );
    const outcome = await settleWithin(
      client.runs.wait("thread_1", "run_1", { intervalMs: 5, timeoutMs: 1_000 }),
      1_000,
    );
    expect(outcome.at - startedAt).toBe(1_000);
    const error = !outcome.ok && outcome.error;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).run?.status).toBe("queued");
    expect(requests).toHaveLength(1);
  });
});
