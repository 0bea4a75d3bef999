/**
 * A bulk job on the real clock, over loopback: before the server has answered anything, no more
 * than 4 cancels go out, whatever the job's concurrency (the pacer's slow start); each answer lets
 * more go, and every item gets its result.
 */
import { describe, expect, it } from "vitest";
import type { CancelResult } from "../../src/index.js";
import { clientFor } from "../support/client.js";
import { idsFrom, json, startServer, wireRun } from "../support/scripted-server.js";
import { sleep, until } from "../support/time.js";

describe("a bulk job's first requests on the wire", () => {
  it("are at most 4 until an answer comes back, with a concurrency of 8", async () => {
    const held: (() => void)[] = [];
    const server = await startServer((req, res) => {
      held.push(() => json(res, 200, wireRun({ ...idsFrom(req.path), status: "cancelling" })));
    });
    const items = Array.from({ length: 8 }, (_, i) => ({
      threadId: "thread_1",
      runId: `run_${i}`,
    }));
    const results: CancelResult<(typeof items)[number]>[] = [];
    const job = (async () => {
      for await (const result of clientFor(server).runs.cancelMany(items, { concurrency: 8 })) {
        results.push(result);
      }
    })();
    await until(() => server.requests.length >= 4);
    await sleep(100); // time for more to arrive, were any sent
    expect(server.requests).toHaveLength(4);
    while (results.length < items.length) {
      for (const answer of held.splice(0)) answer();
      await sleep(5);
    }
    await job;
    expect(results.map((r) => r.ok)).toEqual(items.map(() => true));
    expect(server.requests).toHaveLength(8);
  });
});
