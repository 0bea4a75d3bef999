/**
 * An async source that hands over an item only after the job stopped (its `next()` was pending
 * when the signal fired, or when onProgress threw): that item was taken, so it gets its one
 * result, failed with the reason and `sent: false`, and no cancel goes out for it.
 */
import { describe, expect, it } from "vitest";
import type { CancelItem } from "../../src/index.js";
import { clientFor } from "../support/client.js";
import { requestsTo, serve } from "../support/reference-server.js";

describe("cancelMany: an item handed over after the abort", () => {
  it("is reported unsent with the reason, and not sent", async () => {
    const server = await serve({ cancelDelayMs: 10 });
    const [slow, fast, late] = server
      .createRuns(3, { threadId: "thread_late_item", status: "in_progress" })
      .map((r) => ({ threadId: r.thread_id, runId: r.id })) as [CancelItem, CancelItem, CancelItem];
    // The slow cancel stays in flight past the abort, so the loop is still running when the late
    // item arrives.
    server.inject({ kind: "delay", ms: 300, match: { runId: slow.runId } });
    let release: ((result: IteratorResult<CancelItem>) => void) | undefined;
    const queue = [slow, fast];
    const source: AsyncIterableIterator<CancelItem> = {
      [Symbol.asyncIterator]() {
        return this;
      },
      next() {
        const item = queue.shift();
        if (item !== undefined) return Promise.resolve({ value: item, done: false });
        return new Promise((resolve) => (release = resolve));
      },
    };
    const controller = new AbortController();
    const reason = new Error("stop");
    const results = [];
    let thrown: unknown;
    try {
      for await (const r of clientFor(server).runs.cancelMany(source, {
        concurrency: 4,
        signal: controller.signal,
      })) {
        results.push(r);
        if (r.item === fast) {
          controller.abort(reason);
          release?.({ value: late, done: false });
        }
      }
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBe(reason);
    const byRun = new Map(results.map((r) => [r.item.runId, r]));
    expect(results).toHaveLength(3);
    expect(byRun.get(fast.runId)).toMatchObject({ ok: true });
    expect(byRun.get(late.runId)).toEqual({ item: late, ok: false, error: reason, sent: false });
    expect(requestsTo(server, "POST", `${late.runId}/cancel`)).toHaveLength(0);
  });

  it("after onProgress threw: is reported unsent with the callback's error, and not sent", async () => {
    const server = await serve({ cancelDelayMs: 10 });
    const [slow, fast, late] = server
      .createRuns(3, { threadId: "thread_late_item", status: "in_progress" })
      .map((r) => ({ threadId: r.thread_id, runId: r.id })) as [CancelItem, CancelItem, CancelItem];
    server.inject({ kind: "delay", ms: 300, match: { runId: slow.runId } });
    let release: ((result: IteratorResult<CancelItem>) => void) | undefined;
    const queue = [slow, fast];
    const source: AsyncIterableIterator<CancelItem> = {
      [Symbol.asyncIterator]() {
        return this;
      },
      next() {
        const item = queue.shift();
        if (item !== undefined) return Promise.resolve({ value: item, done: false });
        return new Promise((resolve) => (release = resolve));
      },
    };
    const boom = new Error("progress bar broke");
    const results = [];
    let thrown: unknown;
    try {
      for await (const r of clientFor(server).runs.cancelMany(source, {
        concurrency: 4,
        onProgress: () => {
          throw boom;
        },
      })) {
        results.push(r);
        // The slow cancel is still in flight: the loop goes on while the late item arrives.
        if (r.item === fast) release?.({ value: late, done: false });
      }
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBe(boom);
    const byRun = new Map(results.map((r) => [r.item.runId, r]));
    expect(results).toHaveLength(3);
    expect(byRun.get(slow.runId)).toMatchObject({ ok: true });
    expect(byRun.get(late.runId)).toEqual({ item: late, ok: false, error: boom, sent: false });
    expect(requestsTo(server, "POST", `${late.runId}/cancel`)).toHaveLength(0);
  });
});
