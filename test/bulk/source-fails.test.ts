/**
 * A source that throws part-way (a file that cannot be read further, a cursor that breaks): the
 * items it handed over before still get their one result each, nothing more is taken, and then the
 * iteration throws the source's error. Alike for a sync iterable and an async one.
 */
import { describe, expect, it } from "vitest";
import type { CancelItem } from "../../src/index.js";
import { clientFor } from "../support/client.js";
import { serve } from "../support/reference-server.js";

async function seeded() {
  const server = await serve({ cancelDelayMs: 10 });
  const items: CancelItem[] = server
    .createRuns(2, { threadId: "thread_source", status: "in_progress" })
    .map((r) => ({ threadId: r.thread_id, runId: r.id }));
  return { server, items };
}

describe("cancelMany: a source that throws", () => {
  const broken = new Error("source broke");
  it.each([
    [
      "a sync iterable",
      (items: CancelItem[]): Iterable<CancelItem> =>
        (function* () {
          yield* items;
          throw broken;
        })(),
    ],
    [
      "an async iterable",
      (items: CancelItem[]): AsyncIterable<CancelItem> =>
        (async function* () {
          yield* items;
          throw broken;
        })(),
    ],
  ] as const)("%s: the items handed over finish, then its error is thrown", async (_, make) => {
    const { server, items } = await seeded();
    const results = [];
    let thrown: unknown;
    try {
      for await (const r of clientFor(server).runs.cancelMany(make(items), { concurrency: 4 })) {
        results.push(r);
      }
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBe(broken);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(results.map((r) => r.item.runId).sort()).toEqual(items.map((i) => i.runId).sort());
    expect(server.stats.requests).toBe(2);
  });
});
