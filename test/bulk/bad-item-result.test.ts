/**
 * An item that is not an object (null, a bare run id) fails on its own, with a TypeError saying
 * what each item must be and what it got, not a JavaScript error about reading a property of null
 * or a complaint about a `threadId` the caller never passed. The other items go on.
 */
import { describe, expect, it } from "vitest";
import type { CancelItem } from "../../src/index.js";
import { clientFor } from "../support/client.js";
import { serve } from "../support/reference-server.js";

describe("cancelMany: an item that is not an object", () => {
  it("fails with a TypeError naming the rule and the item as given", async () => {
    const server = await serve({ cancelDelayMs: 10 });
    const [run] = server.createRuns(1, { threadId: "thread_items", status: "in_progress" });
    const good = { threadId: run!.thread_id, runId: run!.id };
    const items = [null, "run_1", good] as unknown as CancelItem[];
    const results = [];
    for await (const r of clientFor(server).runs.cancelMany(items, { concurrency: 1 })) {
      results.push(r);
    }
    expect(results.map((r) => r.ok)).toEqual([false, false, true]);
    const messages = results.map((r) => (r.ok ? "" : (r.error as Error).message));
    for (const r of results.slice(0, 2)) {
      expect(!r.ok && r.error).toBeInstanceOf(TypeError);
      expect(r).toMatchObject({ sent: false });
    }
    expect(messages[0]).toBe("each item must be an object { threadId, runId }, got null");
    expect(messages[1]).toBe(
      'each item must be an object { threadId, runId }, got the string "run_1"',
    );
    expect(server.stats.requests).toBe(1);
  });
});
