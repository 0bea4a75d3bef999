/**
 * cancelActive's onProgress counts over the whole call: when a later look finds a new active run,
 * its cancel continues the counts (done, failed, and total as found so far) instead of starting
 * them again.
 */
import { describe, expect, it } from "vitest";
import { CancelActiveError, type CancelProgress } from "../../src/index.js";
import { clientFor, rejection } from "../support/client.js";
import { serve } from "../support/reference-server.js";

describe("cancelActive: onProgress over two rounds", () => {
  it("keeps counting done, failed and total from one round to the next", async () => {
    const server = await serve({ cancelDelayMs: 10 });
    const threadId = "thread_two_rounds";
    const [bad] = server.createRuns(2, { threadId, status: "in_progress" });
    server.inject({
      kind: "status",
      status: 500,
      times: 10_000,
      match: { operation: "cancelRun", runId: bad!.id },
    });
    const progress: CancelProgress[] = [];
    let added = false;
    const error = await rejection(
      clientFor(server).runs.cancelActive(threadId, {
        intervalMs: 10,
        maxRetries: 0,
        concurrency: 1,
        onProgress: (p) => {
          progress.push({ ...p });
          // Someone starts a run while the first round is under way: the next look finds it.
          if (!added) {
            added = true;
            server.createRun({ threadId, status: "queued" });
          }
        },
      }),
    );
    expect(error).toBeInstanceOf(CancelActiveError);
    expect((error as CancelActiveError).failures.map((f) => f.runId)).toEqual([bad!.id]);
    expect(progress.map((p) => [p.done, p.total])).toEqual([
      [1, 2],
      [2, 2],
      [3, 3],
    ]);
    expect(progress.at(-1)!.failed).toBe(1);
  });
});
