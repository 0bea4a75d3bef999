/**
 * The load case: 5,000 cancels under a rate limit, with 5xx answers and connection resets
 * thrown in. What is asserted is correctness (every item exactly once, nothing failed, every run
 * stopped) and politeness (refusals bounded by a burst per second); how fast it went is a
 * benchmark's business, not a test's. And the user's own ceiling, `maxRequestsPerSecond`.
 */
import { describe, expect, it } from "vitest";
import type { CancelItem } from "../../src/index.js";
import { TERMINAL_STATUSES } from "../../src/testing/index.js";
import { clientFor, failure } from "../support/client.js";
import { serve } from "../support/reference-server.js";
import { maxInWindow, until } from "../support/time.js";

// Below what this client reaches on a loaded two-core machine, so the limit really bites.
const RATE = 1000;
const BURST = 50;

it("cancels 5,000 runs under a rate limit with 5xx and resets: each item once, none failed", async () => {
  const server = await serve({
    rateLimit: { requestsPerSecond: RATE, burst: BURST },
    chaos: { errorRate: 0.02, resetRate: 0.01, seed: 1 },
    cancelDelayMs: 20,
    maxRecordedRequests: 50_000,
  });
  const items: CancelItem[] = [];
  const wasActive = new Set<string>();
  for (let t = 0; t < 10; t++) {
    // One thread in ten has already ended: those cancels are refused, and still succeed.
    const status = t === 9 ? "completed" : t % 2 === 0 ? "in_progress" : "queued";
    for (const run of server.createRuns(500, { threadId: `thread_bulk_${t}`, status })) {
      items.push({ threadId: run.thread_id, runId: run.id });
      if (!TERMINAL_STATUSES.has(run.status)) wasActive.add(run.id);
    }
  }

  // The client's own view of every answer, to see the 429s it met over time.
  const limitedAt: number[] = [];
  const client = clientFor(server, {
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 429) limitedAt.push(performance.now());
      return response;
    },
  });

  const seen = new Set<string>();
  let results = 0;
  let failed = 0;
  for await (const result of client.runs.cancelMany(items, { concurrency: 16 })) {
    results++;
    seen.add(result.item.runId);
    if (!result.ok) failed++;
    else expect(result.run.id).toBe(result.item.runId);
  }

  expect(results).toBe(5000);
  expect(seen.size).toBe(5000);
  expect(failed).toBe(0);
  const stats = server.stats;
  // The faults really happened.
  expect(stats.resets).toBeGreaterThan(0);
  expect((stats.byStatus[500] ?? 0) + (stats.byStatus[503] ?? 0)).toBeGreaterThan(0);

  // Every run that was active ends cancelled (cancelling ones get there after cancelDelayMs).
  await until(() => server.runs().every((r) => TERMINAL_STATUSES.has(r.status)));
  for (const run of server.runs()) {
    expect(run.status).toBe(wasActive.has(run.id) ? "cancelled" : "completed");
  }

  // Polite: in no second did the client get more than a burst's worth of refusals, so it never
  // sent more than the limit plus a burst beyond what the server admitted.
  expect(maxInWindow(limitedAt)).toBeLessThanOrEqual(BURST);
  expect(stats.rateLimited).toBe(limitedAt.length);
  // Sent per second: at most the rate, the burst the bucket held, and a burst of refusals.
  expect(maxInWindow(server.requests.map((r) => r.at))).toBeLessThanOrEqual(RATE + 2 * BURST);
}, 120_000);

describe("maxRequestsPerSecond", () => {
  it("keeps a job under the user's ceiling on a server with no limit, retries included", async () => {
    const server = await serve({ chaos: { errorRate: 0.05, seed: 3 } });
    const items = server
      .createRuns(160, { threadId: "thread_ceiling" })
      .map((run) => ({ threadId: run.thread_id, runId: run.id }));
    // When the client sent each request (the server, on this busy event loop, may see them late).
    const sentAt: number[] = [];
    const client = clientFor(server, {
      fetch: (input, init) => {
        sentAt.push(performance.now());
        return fetch(input, init);
      },
    });
    let ok = 0;
    const job = client.runs.cancelMany(items, { concurrency: 16, maxRequestsPerSecond: 80 });
    for await (const result of job) if (result.ok) ok++;
    expect(ok).toBe(160);
    // Any second holds at most the ceiling, plus the 2 the pacer may send at once when its timer
    // fired late.
    expect(sentAt.length).toBeGreaterThan(160);
    expect(maxInWindow(sentAt, 1000)).toBeLessThanOrEqual(80 + 2);
  });

  it("must be a finite number > 0, named in the error with the value as given", async () => {
    const server = await serve();
    const client = clientFor(server);
    const items = [{ threadId: "thread_a", runId: "run_a" }];
    const start = (value: unknown) =>
      failure(() =>
        client.runs.cancelMany(items, { maxRequestsPerSecond: value as number }).next(),
      );
    const zero = await start(0);
    expect(zero).toBeInstanceOf(RangeError);
    expect((zero as Error).message).toBe("maxRequestsPerSecond must be a finite number > 0, got 0");
    expect(((await start(Number.POSITIVE_INFINITY)) as Error).message).toBe(
      "maxRequestsPerSecond must be a finite number > 0, got Infinity",
    );
    const text = await start("100");
    expect(text).toBeInstanceOf(TypeError);
    expect((text as Error).message).toBe(
      'maxRequestsPerSecond must be a finite number > 0, got the string "100"',
    );
    expect(server.requests).toHaveLength(0);
  });
});
