/**
 * Stopping cancelMany early, by abort or by `break`: it ends promptly even while its source waits
 * forever, closes the source, never sends another request, and reports each item it took once,
 * saying whether a request for it went out (`sent`), so a caller knows which ones to check.
 */
import { describe, expect, it } from "vitest";
import type { CancelItem, CancelResult } from "../../src/index.js";
import { clientFor } from "../support/client.js";
import { requestsTo, serve } from "../support/reference-server.js";
import { sleep, until } from "../support/time.js";
import { watchUnhandledRejections } from "../support/unhandled.js";

const HUNG = Symbol("hung");

/**
 * Drains the iteration, calling `each` on every result; answers the results and what the
 * iteration threw, or HUNG when it had not ended 5 s after `each` last ran (a hang detector with a
 * wide margin, not a speed check: a prompt end takes milliseconds).
 */
async function drain<Item extends CancelItem>(
  iteration: AsyncIterable<CancelResult<Item>>,
  each: (result: CancelResult<Item>) => void = () => {},
): Promise<{ results: CancelResult<Item>[]; thrown: unknown }> {
  const results: CancelResult<Item>[] = [];
  const done = (async () => {
    try {
      for await (const result of iteration) {
        results.push(result);
        each(result);
      }
    } catch (thrown) {
      return thrown;
    }
    return undefined;
  })();
  let last = results.length;
  for (;;) {
    const outcome = await Promise.race([done.then((thrown) => ({ thrown })), sleep(5_000)]);
    if (outcome !== undefined) return { results, thrown: outcome.thrown };
    if (results.length === last) return { results, thrown: HUNG };
    last = results.length;
  }
}

/** A source that hands out `items`, then waits forever (a stdin that never closes) until closed. */
function endlessSource(items: CancelItem[]) {
  let next = 0;
  let release: ((result: IteratorResult<CancelItem>) => void) | undefined;
  const state = { returned: false, pulls: 0 };
  const iterator: AsyncIterableIterator<CancelItem> = {
    [Symbol.asyncIterator]() {
      return this;
    },
    next() {
      state.pulls++;
      const item = items[next++];
      if (item !== undefined) return Promise.resolve({ value: item, done: false });
      return new Promise((resolve) => (release = resolve));
    },
    return() {
      state.returned = true;
      release?.({ value: undefined, done: true });
      return Promise.resolve({ value: undefined, done: true });
    },
  };
  return { iterator, state };
}

async function seeded(count: number, options: Parameters<typeof serve>[0] = {}) {
  const server = await serve({ cancelDelayMs: 10, ...options });
  const items: CancelItem[] = server
    .createRuns(count, { threadId: "thread_stop", status: "in_progress" })
    .map((r) => ({ threadId: r.thread_id, runId: r.id }));
  return { server, items };
}

describe("cancelMany: abort", () => {
  it("ends while the source waits forever: closes it, reports both items it took, throws the reason", async () => {
    const unhandled = watchUnhandledRejections();
    const { server, items } = await seeded(2);
    const { iterator, state } = endlessSource(items);
    const controller = new AbortController();
    const reason = new Error("incident over");
    // The abort comes once both answers are in, while the source waits for a third item.
    let answered = 0;
    const { results, thrown } = await drain(
      clientFor(server).runs.cancelMany(iterator, { concurrency: 4, signal: controller.signal }),
      () => {
        if (++answered === 2) controller.abort(reason);
      },
    );
    expect(thrown).toBe(reason);
    expect(state.pulls).toBe(3);
    expect(state.returned).toBe(true);
    // Both cancels were answered before the abort: they report the answer, not a failure.
    expect(results.map((r) => (r.ok ? "ok" : String(r.error)))).toEqual(["ok", "ok"]);
    expect(results.map((r) => r.item.runId).sort()).toEqual(items.map((i) => i.runId).sort());
    await unhandled.expectNone();
  });

  it("ends even when the source is an async generator stuck in an await (its return() cannot run)", async () => {
    const { server, items } = await seeded(2);
    async function* stuck() {
      yield* items;
      await new Promise(() => {});
    }
    const controller = new AbortController();
    const reason = new Error("stop");
    // The abort comes once both answers are in, while the generator is stuck.
    let answered = 0;
    const { results, thrown } = await drain(
      clientFor(server).runs.cancelMany(stuck(), { signal: controller.signal }),
      () => {
        if (++answered === 2) controller.abort(reason);
      },
    );
    expect(thrown).toBe(reason);
    expect(results.filter((r) => r.ok)).toHaveLength(2);
  });

  it("an abort at any moment still gives each item taken exactly one result", async () => {
    const { server, items } = await seeded(40);
    const { iterator, state } = endlessSource(items);
    const controller = new AbortController();
    const reason = new Error("stop");
    setTimeout(() => controller.abort(reason), 100);
    const { results, thrown } = await drain(
      clientFor(server).runs.cancelMany(iterator, { concurrency: 4, signal: controller.signal }),
    );
    expect(thrown).toBe(reason);
    expect(state.returned).toBe(true);
    // Every pull but a pending one (at most one at a time) handed over an item that was reported.
    const taken = Math.min(state.pulls, items.length);
    expect(results.length === taken || results.length === taken - 1).toBe(true);
    expect(new Set(results.map((r) => r.item.runId)).size).toBe(results.length);
    for (const r of results) {
      if (!r.ok) expect(r).toMatchObject({ error: reason, sent: expect.any(Boolean) });
    }
  });

  it("says which aborted items had a request sent (sent: true) and which did not", async () => {
    // b is refused with 429 and told to wait 5 s: it waits to retry, and the shared pacer holds
    // back every other request meanwhile, so c, taken when a's slow answer comes, waits unsent.
    // The abort comes as a's result is read.
    const { server, items } = await seeded(3);
    const [a, b, c] = items as [CancelItem, CancelItem, CancelItem];
    server.inject({ kind: "delay", ms: 200, match: { runId: a.runId } });
    server.inject({
      kind: "status",
      status: 429,
      headers: { "retry-after-ms": "5000" },
      match: { runId: b.runId },
    });
    const controller = new AbortController();
    const reason = new Error("stop");
    const { results, thrown } = await drain(
      clientFor(server).runs.cancelMany([a, b, c], { concurrency: 2, signal: controller.signal }),
      (result) => {
        if (result.item === a) controller.abort(reason);
      },
    );
    expect(thrown).toBe(reason);
    const byRun = new Map(results.map((r) => [r.item.runId, r]));
    expect(results).toHaveLength(3);
    expect(byRun.get(a.runId)).toMatchObject({ ok: true });
    expect(byRun.get(b.runId)).toMatchObject({ ok: false, error: reason, sent: true });
    expect(byRun.get(c.runId)).toMatchObject({ ok: false, error: reason, sent: false });
    expect(requestsTo(server, "POST", `${c.runId}/cancel`)).toHaveLength(0);
  });

  it("an item whose request was in flight at the abort fails with sent: true (the cancel may have landed)", async () => {
    const { server, items } = await seeded(2);
    const [fast, slow] = items as [CancelItem, CancelItem];
    // The server handles the cancel (it lands) and holds its answer back.
    server.inject({ kind: "delay", ms: 10_000, match: { runId: slow.runId } });
    const controller = new AbortController();
    const reason = new Error("stop");
    void until(() => requestsTo(server, "POST", `${slow.runId}/cancel`).length === 1).then(() =>
      controller.abort(reason),
    );
    const { results, thrown } = await drain(
      clientFor(server).runs.cancelMany(items, { signal: controller.signal }),
    );
    expect(thrown).toBe(reason);
    const byRun = new Map(results.map((r) => [r.item.runId, r]));
    expect(byRun.get(fast.runId)).toMatchObject({ ok: true });
    expect(byRun.get(slow.runId)).toMatchObject({ ok: false, error: reason, sent: true });
    expect(server.run(slow.threadId, slow.runId)?.status).toMatch(/^cancell/);
  });

  it("an item the server had answered (the run had already ended) reports that answer, not the abort", async () => {
    const server = await serve();
    const [done] = server.createRuns(1, { threadId: "thread_stop", status: "completed" });
    const item = { threadId: done!.thread_id, runId: done!.id };
    // The cancel is refused at once (the run completed); the GET that fetches the run is slow.
    server.inject({ kind: "delay", ms: 300, match: { operation: "getRun" } });
    const controller = new AbortController();
    const reason = new Error("stop");
    void until(() => requestsTo(server, "GET", item.runId).length === 1).then(() =>
      controller.abort(reason),
    );
    const { results, thrown } = await drain(
      clientFor(server).runs.cancelMany([item], { signal: controller.signal }),
    );
    expect(thrown).toBe(reason);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ ok: true, run: { status: "completed" } });
  });
});

describe("cancelMany: break", () => {
  it("sends no request after the loop is left, not even a retry of an item in flight", async () => {
    const { server, items } = await seeded(6);
    const [failing, ...others] = items as [CancelItem, ...CancelItem[]];
    // The failing item is retried every 30 ms (maxRetries 10) while the others finish.
    server.inject({
      kind: "status",
      status: 503,
      times: 1000,
      headers: { "retry-after-ms": "30" },
      match: { runId: failing.runId },
    });
    let closed = false;
    async function* source() {
      try {
        yield failing;
        yield* others;
      } finally {
        closed = true;
      }
    }
    const client = clientFor(server);
    for await (const result of client.runs.cancelMany(source(), { concurrency: 2 })) {
      expect(result.ok).toBe(true);
      await until(() => requestsTo(server, "POST", `${failing.runId}/cancel`).length >= 2);
      break;
    }
    const atBreak = server.stats.requests;
    await sleep(200);
    // The attempt in flight at the break may still arrive; no retry or new item after it.
    expect(server.stats.requests).toBeLessThanOrEqual(atBreak + 1);
    expect(closed).toBe(true);
  });
});
