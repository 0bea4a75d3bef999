/**
 * `cancelAndWait` against the reference server: the cancel that finishes, the races with a run
 * that ends on its own, and lost answers. (cancelActive: test/bulk/cancel-active.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { NotFoundError, isTerminalStatus, type RunStatus } from "../../src/index.js";
import { TERMINAL_STATUSES } from "../../src/testing/index.js";
import { clientFor } from "../support/client.js";
import { requestsTo, serve } from "../support/reference-server.js";
import { sleep } from "../support/time.js";

const WAIT = { intervalMs: 10, maxIntervalMs: 40 } as const;

describe("cancelAndWait", () => {
  it("cancels and resolves once the run is cancelled", async () => {
    const server = await serve({ cancelDelayMs: 100 });
    const run = server.createRun({ status: "in_progress" });
    const seen: string[] = [];
    const result = await clientFor(server).runs.cancelAndWait(run.thread_id, run.id, {
      ...WAIT,
      onStatus: (r) => seen.push(r.status),
    });
    expect(result.status).toBe("cancelled");
    expect(seen).toEqual(["cancelling", "cancelled"]);
    expect(server.run(run.thread_id, run.id)?.status).toBe("cancelled");
  });

  it("resolves completed when the run completes before the cancel lands", async () => {
    // The first cancel attempt meets a 503 (not handled); during the retry's backoff the run
    // completes on its own, so the retried cancel is refused: the run stopped, which is the goal.
    const server = await serve({ cancelDelayMs: 5_000 });
    const run = server.createRun({ status: "in_progress", completeAfterMs: 30 });
    server.inject({ kind: "status", status: 503, match: { operation: "cancelRun" } });
    const result = await clientFor(server, {
      retryBaseDelayMs: 150,
      retryMaxDelayMs: 1000,
    }).runs.cancelAndWait(run.thread_id, run.id, WAIT);
    expect(result.status).toBe("completed");
    expect(requestsTo(server, "POST", "/cancel")).toHaveLength(2);
  });

  it("resolves completed when the run had completed before the call", async () => {
    const server = await serve({ cancelDelayMs: 5_000 });
    const run = server.createRun({ status: "in_progress", completeAfterMs: 5 });
    await sleep(50);
    const result = await clientFor(server).runs.cancelAndWait(run.thread_id, run.id, WAIT);
    expect(result.status).toBe("completed");
  });

  it.each(["cancelled", "failed", "expired", "incomplete", "completed"] as const)(
    "resolves an already-%s run as it is, without throwing",
    async (status) => {
      const server = await serve();
      const run = server.createRun({ status });
      const result = await clientFor(server).runs.cancelAndWait(run.thread_id, run.id, WAIT);
      expect(result.status).toBe(status);
      expect(result.id).toBe(run.id);
    },
  );

  it("waits out a run that was already cancelling", async () => {
    const server = await serve({ cancelDelayMs: 100 });
    const run = server.createRun({ status: "in_progress" });
    const client = clientFor(server);
    await client.runs.cancel(run.thread_id, run.id);
    const result = await client.runs.cancelAndWait(run.thread_id, run.id, WAIT);
    expect(result.status).toBe("cancelled");
  });

  it("resolves cancelled when the cancel's answer is lost (handle-then-status)", async () => {
    const server = await serve({ cancelDelayMs: 50 });
    const run = server.createRun({ status: "in_progress" });
    server.inject({ kind: "handle-then-status", status: 500, match: { operation: "cancelRun" } });
    const result = await clientFor(server).runs.cancelAndWait(run.thread_id, run.id, WAIT);
    expect(result.status).toBe("cancelled");
    // The retry met "already cancelling" and was not reported as a failure.
    expect(requestsTo(server, "POST", "/cancel")).toHaveLength(2);
  });

  it("rejects at once when the server refuses to cancel a run in a status it does not know", async () => {
    // Waiting would never end: the run is not stopping, and the server will not stop it.
    const server = await serve();
    const run = server.createRun({ status: "paused_for_review" });
    await expect(
      clientFor(server).runs.cancelAndWait(run.thread_id, run.id, { ...WAIT, timeoutMs: 10_000 }),
    ).rejects.toThrow(/Cannot cancel run with status 'paused_for_review'/);
    // It did not wait: not one poll.
    expect(requestsTo(server, "GET", run.id)).toHaveLength(0);
  });

  it("rejects with NotFoundError for an unknown run", async () => {
    const server = await serve();
    await expect(
      clientFor(server).runs.cancelAndWait("thread_x", "run_missing", WAIT),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses bad options at the call, before sending the cancel", async () => {
    const server = await serve();
    const run = server.createRun({ status: "in_progress" });
    expect(() =>
      clientFor(server).runs.cancelAndWait(run.thread_id, run.id, { maxIntervalMs: 0 }),
    ).toThrow(RangeError);
    expect(server.stats.requests).toBe(0);
    expect(server.run(run.thread_id, run.id)?.status).toBe("in_progress");
  });
});
