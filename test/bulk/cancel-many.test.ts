/**
 * `cancelMany` semantics against the reference server: streaming from a lazy source, progress,
 * abort, early stop, bad items and runs that had already ended.
 */
import { describe, expect, it } from "vitest";
import { NotFoundError, type CancelItem, type CancelProgress } from "../../src/index.js";
import { clientFor } from "../support/client.js";
import { serve } from "../support/reference-server.js";
import { sleep } from "../support/time.js";

async function seeded(count: number, status: "in_progress" | "completed" = "in_progress") {
  const server = await serve({ cancelDelayMs: 10 });
  const items: CancelItem[] = server
    .createRuns(count, { threadId: "thread_many", status })
    .map((r) => ({ threadId: r.thread_id, runId: r.id }));
  return { server, items };
}

describe("cancelMany", () => {
  it("streams results from a lazy async source before it is exhausted, in flat memory", async () => {
    const { server, items } = await seeded(100);
    let yielded = 0;
    let finished = false;
    async function* source() {
      try {
        for (const item of items) {
          yielded++;
          yield item;
        }
      } finally {
        finished = true;
      }
    }
    let consumed = 0;
    let yieldedAtFirst = -1;
    let maxAhead = 0;
    for await (const result of clientFor(server).runs.cancelMany(source(), { concurrency: 4 })) {
      if (consumed === 0) yieldedAtFirst = yielded;
      consumed++;
      expect(result.ok).toBe(true);
      maxAhead = Math.max(maxAhead, yielded - consumed);
      // A slow consumer: back-pressure must hold the source back, not buffer it.
      if (consumed % 50 === 0) await sleep(20);
    }
    expect(consumed).toBe(100);
    expect(yieldedAtFirst).toBeLessThan(100);
    // Items taken but not yet handed out stay within a small multiple of the concurrency.
    expect(maxAhead).toBeLessThanOrEqual(4 * 3 + 1);
    expect(finished).toBe(true);
  });

  it("reports progress with done, failed and total", async () => {
    const { server, items } = await seeded(20);
    const withMissing = [...items, { threadId: "thread_many", runId: "run_missing" }];
    const progress: CancelProgress[] = [];
    const results = [];
    for await (const r of clientFor(server).runs.cancelMany(withMissing, {
      onProgress: (p) => progress.push({ ...p }),
    })) {
      results.push(r);
    }
    expect(progress).toHaveLength(21);
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(progress.at(-1)).toEqual({ done: 21, failed: 1, total: 21 });
    const missing = results.find((r) => r.item.runId === "run_missing");
    expect(missing?.ok).toBe(false);
    expect(missing && !missing.ok && missing.error).toBeInstanceOf(NotFoundError);
  });

  it("reports total as undefined for an iterable source", async () => {
    const { server, items } = await seeded(3);
    let last: CancelProgress | undefined;
    const source = new Set(items);
    for await (const _ of clientFor(server).runs.cancelMany(source, {
      onProgress: (p) => (last = p),
    })) {
      // drain
    }
    expect(last).toEqual({ done: 3, failed: 0, total: undefined });
  });

  it("stops taking items on abort, accounts for each taken item once, then throws the reason", async () => {
    const { server, items } = await seeded(500);
    const controller = new AbortController();
    const reason = new Error("incident over");
    let pulled = 0;
    async function* source() {
      for (const item of items) {
        pulled++;
        yield item;
      }
    }
    const seen = new Set<string>();
    let count = 0;
    const error = await (async () => {
      for await (const r of clientFor(server).runs.cancelMany(source(), {
        concurrency: 4,
        signal: controller.signal,
      })) {
        count++;
        seen.add(r.item.runId);
        if (count === 20) controller.abort(reason);
      }
    })().catch((e: unknown) => e);
    expect(error).toBe(reason);
    expect(seen.size).toBe(count);
    expect(count).toBeGreaterThanOrEqual(20);
    expect(pulled).toBeLessThan(500);
    // Every pulled item got its result (ok, or failed with the reason while in flight).
    expect(count).toBe(pulled);
  });

  it("does not hang when the consumer breaks early, and stops cancelling soon after", async () => {
    const { server, items } = await seeded(400);
    let closed = false;
    async function* source() {
      try {
        yield* items;
      } finally {
        closed = true;
      }
    }
    let count = 0;
    for await (const _ of clientFor(server).runs.cancelMany(source(), { concurrency: 4 })) {
      if (++count === 3) break;
    }
    expect(count).toBe(3);
    await sleep(100);
    const cancels = server.stats.requests;
    await sleep(100);
    expect(server.stats.requests).toBe(cancels);
    expect(cancels).toBeLessThan(3 + 4 * 3 + 1);
    expect(closed).toBe(true);
  });

  it("turns bad items into error results, not a crash", async () => {
    const { server, items } = await seeded(2);
    const bad = [
      items[0]!,
      { threadId: "thread_many" } as unknown as CancelItem,
      null as unknown as CancelItem,
      { threadId: "thread_many", runId: ".." },
      items[1]!,
    ];
    const results = [];
    for await (const r of clientFor(server).runs.cancelMany(bad)) results.push(r);
    expect(results).toHaveLength(5);
    const failed = results.filter((r) => !r.ok);
    expect(failed).toHaveLength(3);
    for (const r of failed) expect(!r.ok && r.error).toBeInstanceOf(TypeError);
    expect(results.filter((r) => r.ok).map((r) => r.item)).toEqual(
      expect.arrayContaining([items[0], items[1]]),
    );
    // Bad ids never reach the server: only the two good cancels did.
    expect(server.stats.requests).toBe(2);
  });

  it("counts an already-ended run as ok, with the run as it is", async () => {
    const { server, items } = await seeded(3, "completed");
    const results = [];
    for await (const r of clientFor(server).runs.cancelMany(items)) results.push(r);
    expect(results).toHaveLength(3);
    for (const r of results) {
      expect(r.ok).toBe(true);
      expect(r.ok && r.run.status).toBe("completed");
    }
  });

  it("a 429 under the shared pacer does not use up an item's retries", async () => {
    const { server, items } = await seeded(3);
    const target = items[1]!;
    // Six refusals for one item, far more than maxRetries: 2 would allow for a 5xx.
    server.inject({
      kind: "status",
      status: 429,
      times: 6,
      headers: { "retry-after-ms": "5" },
      match: { runId: target.runId },
    });
    const results = [];
    for await (const result of clientFor(server).runs.cancelMany(items, { maxRetries: 2 })) {
      results.push(result);
    }
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.find((r) => r.item.runId === target.runId)?.ok).toBe(true);
    expect(server.run(target.threadId, target.runId)?.status).toMatch(/^cancell/);
  });

  it("still gives up on an item after maxRetries of 5xx", async () => {
    const { server, items } = await seeded(2);
    const target = items[0]!;
    server.inject({ kind: "status", status: 503, times: 10, match: { runId: target.runId } });
    const results = [];
    for await (const result of clientFor(server, { retryBaseDelayMs: 1 }).runs.cancelMany(items, {
      maxRetries: 2,
    })) {
      results.push(result);
    }
    const failed = results.filter((r) => !r.ok);
    expect(failed.map((r) => r.item.runId)).toEqual([target.runId]);
  });

  it.each([1, 3, 8])("keeps at most concurrency %i cancels in flight, and uses them", async (n) => {
    // Each answer is held back 20 ms, so requests overlap only as far as the client lets them;
    // four rounds of n and a few more.
    const server = await serve({ cancelDelayMs: 10, latencyMs: 20 });
    const items = server
      .createRuns(4 * n + 4, { threadId: "thread_conc", status: "in_progress" })
      .map((r) => ({ threadId: r.thread_id, runId: r.id }));
    let count = 0;
    for await (const r of clientFor(server).runs.cancelMany(items, { concurrency: n })) {
      expect(r.ok).toBe(true);
      count++;
    }
    expect(count).toBe(4 * n + 4);
    expect(server.stats.maxConcurrent).toBeLessThanOrEqual(n);
    if (n > 1) expect(server.stats.maxConcurrent).toBeGreaterThan(1);
  });

  it("keeps extra fields of an item on its result", async () => {
    const { server, items } = await seeded(2);
    const tagged = items.map((item, i) => ({ ...item, row: i }));
    const rows: number[] = [];
    for await (const r of clientFor(server).runs.cancelMany(tagged)) rows.push(r.item.row);
    expect(rows.sort()).toEqual([0, 1]);
  });
});
