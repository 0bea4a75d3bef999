/**
 * An async onProgress (one that saves the counts somewhere) is not awaited before the next item,
 * but the iteration does not end before every promise it returned has settled: once the loop is
 * over, the last counts have been saved.
 */
import { describe, expect, it } from "vitest";
import type { CancelItem, CancelProgress } from "../../src/index.js";
import { clientFor } from "../support/client.js";
import { serve } from "../support/reference-server.js";
import { sleep } from "../support/time.js";

describe("cancelMany: an async onProgress", () => {
  it("has settled every promise it returned when the loop ends", async () => {
    const server = await serve({ cancelDelayMs: 10 });
    const items: CancelItem[] = server
      .createRuns(5, { threadId: "thread_saved", status: "in_progress" })
      .map((r) => ({ threadId: r.thread_id, runId: r.id }));
    const saved: CancelProgress[] = [];
    let results = 0;
    for await (const _ of clientFor(server).runs.cancelMany(items, {
      concurrency: 2,
      onProgress: async (p) => {
        await sleep(50);
        saved.push({ ...p });
      },
    })) {
      results++;
    }
    expect(results).toBe(5);
    expect(saved).toHaveLength(5);
    expect(saved.map((p) => p.done).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
