/**
 * A signal that is already aborted when cancelMany's loop starts: nothing is taken from the
 * source, nothing is sent, and the iteration throws the reason at once (no results, no failures
 * to sort through: the job never began).
 */
import { describe, expect, it } from "vitest";
import type { CancelItem } from "../../src/index.js";
import { clientFor } from "../support/client.js";
import { serve } from "../support/reference-server.js";

describe("cancelMany with a signal aborted before the loop starts", () => {
  it("takes no item, sends nothing and throws the reason", async () => {
    const server = await serve();
    const items: CancelItem[] = server
      .createRuns(3, { threadId: "thread_pre_abort", status: "in_progress" })
      .map((r) => ({ threadId: r.thread_id, runId: r.id }));
    let pulled = 0;
    function* source() {
      for (const item of items) {
        pulled++;
        yield item;
      }
    }
    const reason = new Error("called off");
    const controller = new AbortController();
    controller.abort(reason);
    const results = [];
    let thrown: unknown;
    try {
      for await (const r of clientFor(server).runs.cancelMany(source(), {
        signal: controller.signal,
      })) {
        results.push(r);
      }
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBe(reason);
    expect(results).toEqual([]);
    expect(pulled).toBe(0);
    expect(server.stats.requests).toBe(0);
  });
});
