/**
 * One AbortSignal kept for a whole program (a shutdown signal) and passed to many cancelMany calls:
 * each call removes its listener when its loop ends, so listeners do not pile up on the signal.
 */
import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import type { CancelItem } from "../../src/index.js";
import { clientFor } from "../support/client.js";
import { serve } from "../support/reference-server.js";

describe("cancelMany: a long-lived signal", () => {
  it("has no listener left once each loop has ended", async () => {
    const server = await serve({ cancelDelayMs: 10 });
    const items: CancelItem[] = server
      .createRuns(3, { threadId: "thread_signal", status: "in_progress" })
      .map((r) => ({ threadId: r.thread_id, runId: r.id }));
    const shutdown = new AbortController().signal;
    const client = clientFor(server);
    for (const item of items) {
      for await (const r of client.runs.cancelMany([item], { signal: shutdown })) {
        expect(r.ok).toBe(true);
      }
    }
    expect(getEventListeners(shutdown, "abort")).toHaveLength(0);
  });
});
