/**
 * cancelMany over loopback HTTP against each kind of rate limiter (bench/lib/limiters.ts, here at
 * 50 requests per second so that 60 runs meet the limit): every run gets exactly one result, none
 * fails, and the 429s stay bounded. How fast is the benchmark's business (bulk-limiters), not a
 * test's; the goals in virtual time are limiter-fake-clock.test.ts's.
 */
import { describe, expect, it } from "vitest";
import { LimitedCancels, limiterCases, type LimiterCase } from "../../bench/lib/limiters.js";
import type { CancelItem } from "../../src/index.js";
import { clientFor } from "../support/client.js";
import { idsFrom, json, startServer, wireRun } from "../support/scripted-server.js";

const RATE = 50;
const RUNS = 60;
const CONCURRENCY = 16;

/** A loopback server answering cancels behind the case's limiter. */
async function limitedServer(limiterCase: LimiterCase) {
  const endpoint = new LimitedCancels(limiterCase, performance.now(), (threadId, runId) =>
    wireRun({ id: runId, thread_id: threadId, status: "cancelling" }),
  );
  const server = await startServer((req, res) => {
    const { thread_id: threadId = "", id: runId = "" } = idsFrom(req.path);
    const reply = endpoint.cancel(performance.now(), threadId, runId);
    const admitted = reply.reset || reply.status !== 429;
    const answer = () => {
      if (admitted) endpoint.finish(performance.now());
      if (reply.reset) res.socket?.destroy();
      else json(res, reply.status, reply.body, reply.headers);
    };
    if (reply.holdMs > 0) setTimeout(answer, reply.holdMs);
    else answer();
  });
  return { server, stats: endpoint.stats };
}

describe(`cancelMany against each limiter over loopback (${RUNS} runs, ${RATE}/s)`, () => {
  for (const limiterCase of limiterCases(RATE)) {
    it(`${limiterCase.name}: one result per run, none failed, 429s bounded`, async () => {
      const { server, stats } = await limitedServer(limiterCase);
      const items: CancelItem[] = Array.from({ length: RUNS }, (_, i) => ({
        threadId: `thread_${i % 3}`,
        runId: `run_${i}`,
      }));
      const results = new Map<string, number>();
      let failed = 0;
      for await (const result of clientFor(server).runs.cancelMany(items, {
        concurrency: CONCURRENCY,
      })) {
        results.set(result.item.runId, (results.get(result.item.runId) ?? 0) + 1);
        if (result.ok) expect(result.run.id).toBe(result.item.runId);
        else failed++;
      }
      expect(failed).toBe(0);
      expect(results.size).toBe(RUNS);
      expect([...results.values()].every((n) => n === 1)).toBe(true);
      // The server's own count: fewer 429s than runs, so never a storm per refusal, and with
      // headers that say what is left, at most one round of the workers in flight. On a shared
      // loopback machine the exact count follows the scheduler, so the bound is loose here; the
      // issue's 3% goal, at 2,000 runs, is the fake-clock tests' and the benchmark's.
      const bound = limiterCase.headers === "openai" ? CONCURRENCY : RUNS - 1;
      expect(stats.refused).toBeLessThanOrEqual(bound);
    });
  }
});
