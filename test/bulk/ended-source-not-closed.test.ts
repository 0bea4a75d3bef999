/**
 * A source that has said it is done is not closed again when the loop is left afterwards: as in a
 * `for...of`, `return()` is for a source stopped early (a cursor's `return()` may release a
 * connection that is no longer its own).
 */
import { describe, expect, it } from "vitest";
import type { CancelItem } from "../../src/index.js";
import { clientFor } from "../support/client.js";
import { serve } from "../support/reference-server.js";

describe("cancelMany: a source that ended", () => {
  it("is not closed by a break after its end", async () => {
    const server = await serve({ cancelDelayMs: 10 });
    const items: CancelItem[] = server
      .createRuns(2, { threadId: "thread_ended", status: "in_progress" })
      .map((r) => ({ threadId: r.thread_id, runId: r.id }));
    let next = 0;
    let done = false;
    let returns = 0;
    const source: IterableIterator<CancelItem> = {
      [Symbol.iterator]() {
        return this;
      },
      next() {
        const item = items[next++];
        if (item === undefined) {
          done = true;
          return { value: undefined, done: true };
        }
        return { value: item, done: false };
      },
      return() {
        returns++;
        return { value: undefined, done: true };
      },
    };
    for await (const _ of clientFor(server).runs.cancelMany(source, { concurrency: 4 })) {
      // Both items were taken at once, and the source said it was done.
      expect(done).toBe(true);
      break;
    }
    expect(returns).toBe(0);
  });

  it("is closed by a break before its end", async () => {
    const server = await serve({ cancelDelayMs: 10 });
    const items: CancelItem[] = server
      .createRuns(3, { threadId: "thread_open", status: "in_progress" })
      .map((r) => ({ threadId: r.thread_id, runId: r.id }));
    let returns = 0;
    const inner = items[Symbol.iterator]();
    const source: IterableIterator<CancelItem> = {
      [Symbol.iterator]() {
        return this;
      },
      next: () => inner.next(),
      return() {
        returns++;
        return { value: undefined, done: true };
      },
    };
    for await (const _ of clientFor(server).runs.cancelMany(source, { concurrency: 1 })) break;
    expect(returns).toBe(1);
  });
});
