/**
 * After `break`, the cancels still on the wire finish in the background and their results are
 * dropped: onProgress is not called for them either (a progress bar of a loop that was left does
 * not keep moving).
 */
import { describe, expect, it } from "vitest";
import type { CancelItem } from "../../src/index.js";
import { clientFor } from "../support/client.js";
import { requestsTo, serve } from "../support/reference-server.js";
import { sleep, until } from "../support/time.js";

describe("cancelMany: break", () => {
  it("calls onProgress for no cancel that finishes after the loop was left", async () => {
    const server = await serve({ cancelDelayMs: 10 });
    const items: CancelItem[] = server
      .createRuns(3, { threadId: "thread_break", status: "in_progress" })
      .map((r) => ({ threadId: r.thread_id, runId: r.id }));
    const [first, ...slow] = items as [CancelItem, ...CancelItem[]];
    // The other two cancels are handled at once and answered 150 ms later, after the break.
    for (const item of slow) {
      server.inject({ kind: "delay", ms: 150, match: { runId: item.runId } });
    }
    let calls = 0;
    for await (const result of clientFor(server).runs.cancelMany(items, {
      concurrency: 3,
      onProgress: () => void calls++,
    })) {
      expect(result.item).toBe(first);
      await until(() => requestsTo(server, "POST", "/cancel").length === 3);
      break;
    }
    expect(calls).toBe(1);
    // Both late answers arrive (the runs are cancelled), and nobody hears of them.
    await until(() => slow.every((i) => server.run(i.threadId, i.runId)?.status !== "in_progress"));
    await sleep(250);
    expect(calls).toBe(1);
  });
});
