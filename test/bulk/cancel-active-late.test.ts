/**
 * No cancel starts after cancelActive's deadline: runs whose turn comes later are not sent a
 * cancel, and each is a failure with a TimeoutError saying so and carrying the run as last seen.
 */
import { describe, expect, it } from "vitest";
import { CancelActiveError, TimeoutError } from "../../src/index.js";
import { clientFor, rejection } from "../support/client.js";
import { requestsTo, serve } from "../support/reference-server.js";

describe("cancelActive: the deadline during the cancels", () => {
  it("sends no cancel after it; the runs left are TimeoutErrors carrying the run", async () => {
    const server = await serve({ cancelDelayMs: 10 });
    const threadId = "thread_late";
    server.createRuns(3, { threadId, status: "in_progress" });
    // One cancel at a time, and the first one's answer comes after the deadline.
    server.inject({ kind: "delay", ms: 700, times: 3, match: { operation: "cancelRun" } });
    const error = await rejection(
      clientFor(server).runs.cancelActive(threadId, {
        intervalMs: 10,
        concurrency: 1,
        timeoutMs: 500,
      }),
    );
    expect(error).toBeInstanceOf(CancelActiveError);
    const cancelled = requestsTo(server, "POST", "/cancel").map(
      (r) => /runs\/([^/]+)\/cancel/.exec(r.path)?.[1],
    );
    expect(cancelled).toHaveLength(1);
    const { failures } = error as CancelActiveError;
    const unsent = failures.filter((f) => !cancelled.includes(f.runId));
    expect(unsent).toHaveLength(2);
    for (const { runId, error: cause } of unsent) {
      expect(cause).toBeInstanceOf(TimeoutError);
      expect((cause as TimeoutError).message).toBe(
        `Run ${runId} was not cancelled: the deadline of 500 ms passed first`,
      );
      expect((cause as TimeoutError).run).toMatchObject({ id: runId, status: "in_progress" });
    }
  });
});
