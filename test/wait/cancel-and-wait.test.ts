/**
 * `cancelAndWait` and `cancelActive` against the reference server: the cancel that finishes, the
 * races with a run that ends on its own, lost answers, and a thread cleared across pages.
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
    const started = performance.now();
    await expect(
      clientFor(server).runs.cancelAndWait(run.thread_id, run.id, { ...WAIT, timeoutMs: 10_000 }),
    ).rejects.toThrow(/Cannot cancel run with status 'paused_for_review'/);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(requestsTo(server, "GET", run.id)).toHaveLength(0);
  });

  it("rejects with NotFoundError for an unknown run", async () => {
    const server = await serve();
    await expect(
      clientFor(server).runs.cancelAndWait("thread_x", "run_missing", WAIT),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses bad options before sending the cancel", async () => {
    const server = await serve();
    const run = server.createRun({ status: "in_progress" });
    await expect(
      clientFor(server).runs.cancelAndWait(run.thread_id, run.id, { maxIntervalMs: 0 }),
    ).rejects.toThrow(RangeError);
    expect(server.stats.requests).toBe(0);
    expect(server.run(run.thread_id, run.id)?.status).toBe("in_progress");
  });
});

describe("cancelActive", () => {
  it("stops every active run of a thread across three pages", async () => {
    const server = await serve({ cancelDelayMs: 100 });
    const threadId = "thread_pages";
    const mix: [RunStatus, number][] = [
      ["in_progress", 70],
      ["completed", 40],
      ["queued", 50],
      ["failed", 20],
      ["requires_action", 30],
      ["cancelled", 10],
      ["expired", 10],
    ];
    for (const [status, n] of mix) server.createRuns(n, { threadId, status });
    // Cancelling runs come from real cancels (a run seeded as "cancelling" never moves on). Some
    // may already be cancelled by the time cancelActive lists: they may or may not be in its result.
    const client = clientFor(server);
    const wereCancelling = new Set<string>();
    for (const r of server.createRuns(20, { threadId, status: "in_progress" })) {
      await client.runs.cancel(threadId, r.id);
      wereCancelling.add(r.id);
    }
    server.resetStats();
    const before = server.runs(threadId);
    expect(before).toHaveLength(250);
    const untouched = before.filter((r) => !wereCancelling.has(r.id));
    const mustStop = new Set(
      untouched.filter((r) => !TERMINAL_STATUSES.has(r.status)).map((r) => r.id),
    );
    expect(mustStop.size).toBe(150);
    const terminalBefore = new Map(
      untouched.filter((r) => TERMINAL_STATUSES.has(r.status)).map((r) => [r.id, r.status]),
    );

    const stopped = await client.runs.cancelActive(threadId, { ...WAIT, concurrency: 16 });

    const stoppedIds = stopped.map((r) => r.id);
    expect(new Set(stoppedIds).size).toBe(stoppedIds.length);
    for (const id of mustStop) expect(stoppedIds).toContain(id);
    for (const id of stoppedIds) expect(mustStop.has(id) || wereCancelling.has(id)).toBe(true);
    for (const run of stopped) expect(isTerminalStatus(run.status)).toBe(true);
    const after = server.runs(threadId);
    expect(after.filter((r) => !TERMINAL_STATUSES.has(r.status))).toEqual([]);
    // Runs that had ended were left as they were.
    for (const r of after) {
      if (terminalBefore.has(r.id)) expect(r.status).toBe(terminalBefore.get(r.id));
    }
    const lists = requestsTo(server, "GET", `/threads/${threadId}/runs`);
    // At least the three pages of the first round and one re-list showing nothing active.
    expect(lists.length).toBeGreaterThanOrEqual(4);
    for (const list of lists) expect(list.path).toContain("limit=100");
  });

  it("resolves [] for a thread with no active run", async () => {
    const server = await serve();
    server.createRuns(5, { threadId: "thread_done", status: "completed" });
    server.createRuns(0, { threadId: "thread_empty" }); // known, with no run (unknown is a 404)
    expect(await clientFor(server).runs.cancelActive("thread_done", WAIT)).toEqual([]);
    expect(await clientFor(server).runs.cancelActive("thread_empty", WAIT)).toEqual([]);
    expect(requestsTo(server, "POST", "/cancel")).toHaveLength(0);
  });

  it("catches runs created during the first round by listing again", async () => {
    const server = await serve({ cancelDelayMs: 30 });
    const threadId = "thread_busy";
    server.createRuns(3, { threadId, status: "in_progress" });
    let created: string | undefined;
    const stopped = await clientFor(server).runs.cancelActive(threadId, {
      ...WAIT,
      concurrency: 1,
      onStatus: () => {
        // A run started by someone else while the first round is under way.
        created ??= server.createRun({ threadId, status: "queued" }).id;
      },
    });
    expect(created).toBeDefined();
    expect(stopped.map((r) => r.id)).toContain(created);
    expect(stopped).toHaveLength(4);
    expect(server.runs(threadId).every((r) => r.status === "cancelled")).toBe(true);
  });

  it("stops a run whose cancel answer was lost", async () => {
    const server = await serve({ cancelDelayMs: 20 });
    const threadId = "thread_lossy";
    const [run] = server.createRuns(1, { threadId, status: "in_progress" });
    server.inject({ kind: "handle-then-status", status: 502, match: { operation: "cancelRun" } });
    const stopped = await clientFor(server).runs.cancelActive(threadId, WAIT);
    expect(stopped.map((r) => [r.id, r.status])).toEqual([[run!.id, "cancelled"]]);
  });
});
