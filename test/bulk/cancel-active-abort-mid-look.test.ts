/**
 * An abort while cancelActive is looking at the thread again (after its cancels) is the caller's
 * own stop: the call rejects with the signal's reason, as at any other moment, and not with a
 * CancelActiveError blaming the runs on a look that failed.
 */
import { describe, expect, it } from "vitest";
import { clientFor, rejection } from "../support/client.js";
import { requestsTo, serve } from "../support/reference-server.js";
import { until } from "../support/time.js";

describe("cancelActive: abort during a later look", () => {
  it("rejects with the signal's reason at once", { timeout: 10_000 }, async () => {
    const server = await serve({ cancelDelayMs: 60_000 });
    const threadId = "thread_abort_look";
    server.createRuns(2, { threadId, status: "in_progress" });
    const lists = () => requestsTo(server, "GET", `/threads/${threadId}/runs`).length;
    const controller = new AbortController();
    const reason = new Error("stop");
    // The second look hangs on the server for a minute; the abort comes while it is in flight,
    // and ends it (a look that ignored the abort would hang the test).
    void until(() => lists() === 2).then(() => controller.abort(reason));
    const error = await rejection(
      clientFor(server).runs.cancelActive(threadId, {
        intervalMs: 10,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done === p.total) {
            server.inject({ kind: "delay", ms: 60_000, match: { operation: "listRuns" } });
          }
        },
      }),
    );
    expect(error).toBe(reason);
    expect(lists()).toBe(2);
  });
});
