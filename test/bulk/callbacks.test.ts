/**
 * A user callback cannot break cancelMany: a throwing (or rejecting) onProgress stops the taking of
 * new items, every item already taken still yields its one result, and then the iteration throws
 * the callback's error. Nothing escapes as an unhandled rejection.
 */
import { describe, expect, it } from "vitest";
import type { CancelItem, CancelResult } from "../../src/index.js";
import { clientFor } from "../support/client.js";
import { serve } from "../support/reference-server.js";
import { watchUnhandledRejections } from "../support/unhandled.js";

async function seeded(count: number) {
  const server = await serve({ cancelDelayMs: 10 });
  const items: CancelItem[] = server
    .createRuns(count, { threadId: "thread_cb", status: "in_progress" })
    .map((r) => ({ threadId: r.thread_id, runId: r.id }));
  return { server, items };
}

/** Drains the iteration; answers the results and what it threw (`undefined` when it ended). */
async function drain<Item extends CancelItem>(
  iteration: AsyncIterable<CancelResult<Item>>,
): Promise<{ results: CancelResult<Item>[]; thrown: unknown }> {
  const results: CancelResult<Item>[] = [];
  try {
    for await (const result of iteration) results.push(result);
  } catch (thrown) {
    return { results, thrown };
  }
  return { results, thrown: undefined };
}

describe("cancelMany: a callback that fails", () => {
  const boom = new Error("progress bar broke");
  it.each([
    [
      "throws",
      (): void => {
        throw boom;
      },
    ],
    [
      "returns a rejected promise",
      async (): Promise<void> => {
        throw boom;
      },
    ],
  ] as const)(
    "onProgress that %s on its 3rd call: items taken finish, then its error is thrown",
    async (_, fail) => {
      const unhandled = watchUnhandledRejections();
      const { server, items } = await seeded(100);
      let calls = 0;
      const { results, thrown } = await drain(
        clientFor(server).runs.cancelMany(items, {
          concurrency: 4,
          onProgress: () => (++calls === 3 ? fail() : undefined),
        }),
      );
      expect(thrown).toBe(boom);
      // It stopped taking items soon after (3 done, at most 3 more in flight, and one pull).
      expect(results.length).toBeGreaterThanOrEqual(3);
      expect(results.length).toBeLessThanOrEqual(3 + 4);
      // Each item taken was cancelled once and reported once; the others were left alone.
      expect(new Set(results.map((r) => r.item.runId)).size).toBe(results.length);
      expect(results.every((r) => r.ok)).toBe(true);
      const touched = server.runs("thread_cb").filter((r) => r.status !== "in_progress");
      expect(touched.map((r) => r.id).sort()).toEqual(results.map((r) => r.item.runId).sort());
      // A callback that failed is not called again.
      expect(calls).toBe(3);
      await unhandled.expectNone();
    },
  );

  it("every item pulled from a lazy source yields exactly one result after onProgress throws", async () => {
    const unhandled = watchUnhandledRejections();
    const { server, items } = await seeded(50);
    let pulled = 0;
    let closed = false;
    async function* source() {
      try {
        for (const item of items) {
          pulled++;
          yield item;
        }
      } finally {
        closed = true;
      }
    }
    const boom = new Error("boom");
    const { results, thrown } = await drain(
      clientFor(server).runs.cancelMany(source(), {
        concurrency: 3,
        onProgress: (p) => {
          if (p.done === 1) throw boom;
        },
      }),
    );
    expect(thrown).toBe(boom);
    expect(results).toHaveLength(pulled);
    expect(pulled).toBeLessThan(50);
    expect(closed).toBe(true);
    expect(server.stats.requests).toBe(pulled);
    await unhandled.expectNone();
  });
});
