/**
 * `cancelActive` against the reference server: it cancels every active run of a thread through
 * cancelMany's paced, concurrent machinery, waits for them all by re-listing the thread (never one
 * GET per run), keeps going when a run fails, and then rejects with one CancelActiveError saying
 * which runs stopped and which did not.
 */
import { describe, expect, it } from "vitest";
import {
  CancelActiveError,
  InternalServerError,
  ThreadRunError,
  TimeoutError,
  isTerminalStatus,
  type CancelProgress,
  type RunStatus,
} from "../../src/index.js";
import { TERMINAL_STATUSES } from "../../src/testing/index.js";
import { clientFor, rejection } from "../support/client.js";
import { loopbackTwin } from "../support/fake-clock.js";
import { requestsTo, serve } from "../support/reference-server.js";
import { sleep } from "../support/time.js";
import { watchUnhandledRejections } from "../support/unhandled.js";

const WAIT = { intervalMs: 10, maxIntervalMs: 40 } as const;

const active = (server: Awaited<ReturnType<typeof serve>>, threadId: string) =>
  server.runs(threadId).filter((r) => !TERMINAL_STATUSES.has(r.status));

describe("cancelActive", () => {
  it("a run that fails every time does not stop the others: one CancelActiveError says which", async () => {
    const server = await serve({ cancelDelayMs: 20 });
    const threadId = "thread_one_bad";
    const runs = server.createRuns(20, { threadId, status: "in_progress" });
    const bad = runs[7]!;
    server.inject({
      kind: "status",
      status: 500,
      times: 10_000,
      match: { operation: "cancelRun", runId: bad.id },
    });
    const progress: CancelProgress[] = [];
    const error = await rejection(
      clientFor(server).runs.cancelActive(threadId, {
        ...WAIT,
        maxRetries: 1,
        concurrency: 4,
        onProgress: (p) => progress.push({ ...p }),
      }),
    );
    expect(error).toBeInstanceOf(CancelActiveError);
    expect(error).toBeInstanceOf(ThreadRunError);
    const e = error as CancelActiveError;
    expect(e.name).toBe("CancelActiveError");
    expect(e.failures).toHaveLength(1);
    expect(e.failures[0]!.runId).toBe(bad.id);
    expect(e.failures[0]!.error).toBeInstanceOf(InternalServerError);
    expect(e.stopped.map((r) => r.id).sort()).toEqual(
      runs
        .filter((r) => r.id !== bad.id)
        .map((r) => r.id)
        .sort(),
    );
    for (const run of e.stopped) expect(run.status).toBe("cancelled");
    expect(e.message).toContain("1 of 20");
    expect(e.message).toContain(bad.id);
    expect(e.message).toContain("19 stopped");
    // Every healthy run was stopped; only the bad one is still active.
    expect(active(server, threadId).map((r) => r.id)).toEqual([bad.id]);
    // Its cancel was tried once and retried once (maxRetries: 1), not again in later rounds.
    expect(requestsTo(server, "POST", `${bad.id}/cancel`)).toHaveLength(2);
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(progress.at(-1)).toEqual({ done: 20, failed: 1, total: 20 });
  });

  it("waits by re-listing the thread, one list call per 100 runs, never one GET per run", async () => {
    const server = await serve({ cancelDelayMs: 150 });
    const threadId = "thread_list_wait";
    server.createRuns(150, { threadId, status: "in_progress" });
    const stopped = await clientFor(server).runs.cancelActive(threadId, WAIT);
    expect(stopped).toHaveLength(150);
    expect(stopped.every((r) => r.status === "cancelled")).toBe(true);
    expect(active(server, threadId)).toEqual([]);
    expect(requestsTo(server, "POST", "/cancel")).toHaveLength(150);
    // No GET of a single run.
    expect(
      server.requests.filter((r) => r.method === "GET" && /\/runs\/[^/?]+/.test(r.path)),
    ).toEqual([]);
    const lists = requestsTo(server, "GET", `/threads/${threadId}/runs`);
    const firstPages = lists.filter((r) => !r.path.includes("after="));
    // Each look at the thread is two pages (150 runs, 100 per page), and there were a few.
    expect(lists.length).toBe(2 * firstPages.length);
    expect(firstPages.length).toBeGreaterThanOrEqual(2);
    for (const list of lists) expect(list.path).toContain("limit=100");
  });

  it("a run whose cancel failed but that stopped anyway counts as stopped", async () => {
    const server = await serve({ cancelDelayMs: 10 });
    const threadId = "thread_stops_anyway";
    const [bad, good] = server.createRuns(2, { threadId, status: "in_progress" });
    server.inject({
      kind: "status",
      status: 500,
      times: 10_000,
      match: { operation: "cancelRun", runId: bad!.id },
    });
    const stopped = await clientFor(server).runs.cancelActive(threadId, {
      ...WAIT,
      maxRetries: 0,
      onProgress: (p) => {
        // The run completes on its own right after its cancel failed.
        if (p.failed === 1) server.setStatus(threadId, bad!.id, "completed");
      },
    });
    expect(Object.fromEntries(stopped.map((r) => [r.id, r.status]))).toEqual({
      [bad!.id]: "completed",
      [good!.id]: "cancelled",
    });
  });

  // Its fake-clock twin: cancel-active-deadline-cuts-pause.test.ts.
  loopbackTwin(
    "at the deadline, the runs still stopping are failures with a TimeoutError carrying the run",
    async () => {
      const server = await serve({ cancelDelayMs: 60_000 });
      const threadId = "thread_slow_stop";
      server.createRuns(3, { threadId, status: "in_progress" });
      const error = await rejection(
        clientFor(server).runs.cancelActive(threadId, { ...WAIT, timeoutMs: 1000 }),
      );
      expect(error).toBeInstanceOf(CancelActiveError);
      const e = error as CancelActiveError;
      expect(e.stopped).toEqual([]);
      expect(e.failures).toHaveLength(3);
      for (const { error: cause } of e.failures) {
        expect(cause).toBeInstanceOf(TimeoutError);
        expect((cause as TimeoutError).run?.status).toBe("cancelling");
      }
      expect(e.message).toContain("3 of 3");
    },
  );

  it("when the thread cannot be listed again, the runs still stopping fail with that error and none is lost", async () => {
    const server = await serve({ cancelDelayMs: 60_000 });
    const threadId = "thread_list_breaks";
    const runs = server.createRuns(3, { threadId, status: "in_progress" });
    const error = await rejection(
      clientFor(server).runs.cancelActive(threadId, {
        ...WAIT,
        maxRetries: 1,
        onProgress: (p) => {
          // After the first look and its cancels, every later look fails (after its retry).
          if (p.done === p.total) {
            server.inject({
              kind: "status",
              status: 500,
              times: 10_000,
              match: { operation: "listRuns" },
            });
          }
        },
      }),
    );
    expect(error).toBeInstanceOf(CancelActiveError);
    const e = error as CancelActiveError;
    expect(e.stopped).toEqual([]);
    expect(e.failures.map((f) => f.runId).sort()).toEqual(runs.map((r) => r.id).sort());
    for (const { error: cause } of e.failures) expect(cause).toBeInstanceOf(InternalServerError);
    expect(e.message).toContain("3 of 3");
    // Every run was cancelled once; the look that broke was tried twice, then given up.
    expect(requestsTo(server, "POST", "/cancel")).toHaveLength(3);
    expect(requestsTo(server, "GET", `/threads/${threadId}/runs`)).toHaveLength(3);
  });

  it("takes a deadline beyond setTimeout's range (~24.8 days) as far away, not as passed", async () => {
    const server = await serve({ cancelDelayMs: 10 });
    const threadId = "thread_far_deadline";
    server.createRuns(2, { threadId, status: "in_progress" });
    const stopped = await clientFor(server).runs.cancelActive(threadId, {
      ...WAIT,
      timeoutMs: 2 ** 31 + 1000,
    });
    expect(stopped.map((r) => r.status)).toEqual(["cancelled", "cancelled"]);
  });

  it("when the first look fails, it rejects with that look's error: nothing is known yet", async () => {
    const server = await serve();
    const threadId = "thread_never_listed";
    server.createRuns(2, { threadId, status: "in_progress" });
    server.inject({ kind: "status", status: 500, times: 10, match: { operation: "listRuns" } });
    const error = await rejection(
      clientFor(server).runs.cancelActive(threadId, { ...WAIT, maxRetries: 1 }),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(requestsTo(server, "POST", "/cancel")).toEqual([]);
  });

  it("rejects with a TimeoutError when the thread cannot even be listed before the deadline", async () => {
    const server = await serve();
    const threadId = "thread_unlisted";
    server.createRuns(2, { threadId, status: "in_progress" });
    server.inject({ kind: "delay", ms: 5_000, times: 100, match: { operation: "listRuns" } });
    const error = await rejection(
      clientFor(server).runs.cancelActive(threadId, { ...WAIT, timeoutMs: 200 }),
    );
    // Not [] ("nothing was active"): nothing is known about the thread.
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toMatch(
      /thread_unlisted could not be listed within 200 ms/,
    );
    expect(requestsTo(server, "POST", "/cancel")).toHaveLength(0);
  });

  it("rejects with the signal's reason on abort while waiting", async () => {
    const server = await serve({ cancelDelayMs: 60_000 });
    const threadId = "thread_abort";
    server.createRuns(3, { threadId, status: "in_progress" });
    const controller = new AbortController();
    const reason = new Error("stop");
    setTimeout(() => controller.abort(reason), 100);
    const error = await rejection(
      clientFor(server).runs.cancelActive(threadId, { ...WAIT, signal: controller.signal }),
    );
    expect(error).toBe(reason);
  });

  it("sends nothing after an abort", async () => {
    const server = await serve();
    const threadId = "thread_abort_quiet";
    server.createRuns(3, { threadId, status: "in_progress" });
    const controller = new AbortController();
    const reason = new Error("stop");
    const error = await rejection(
      clientFor(server).runs.cancelActive(threadId, {
        ...WAIT,
        signal: controller.signal,
        // Called as the first look at the thread is read, before any cancel: nothing is in flight.
        onStatus: () => controller.abort(reason),
      }),
    );
    expect(error).toBe(reason);
    await sleep(100);
    expect(server.requests.map((r) => r.method)).toEqual(["GET"]);
    expect(active(server, threadId)).toHaveLength(3);
  });

  it.each(["onStatus", "onProgress"] as const)(
    "rejects with the error of a throwing %s, with no unhandled rejection",
    async (callback) => {
      const unhandled = watchUnhandledRejections();
      const server = await serve({ cancelDelayMs: 10 });
      const threadId = "thread_callback";
      server.createRuns(10, { threadId, status: "in_progress" });
      const boom = new Error(`${callback} broke`);
      const error = await rejection(
        clientFor(server).runs.cancelActive(threadId, {
          ...WAIT,
          concurrency: 2,
          [callback]: () => {
            throw boom;
          },
        }),
      );
      expect(error).toBe(boom);
      await unhandled.expectNone();
    },
  );

  it("bounds its rounds when active runs keep appearing, and says so", async () => {
    const server = await serve({ cancelDelayMs: 10 });
    const threadId = "thread_runaway";
    server.createRuns(1, { threadId, status: "queued" });
    // Someone starts a new run each time one of ours is seen queued.
    const error = await rejection(
      clientFor(server).runs.cancelActive(threadId, {
        ...WAIT,
        onStatus: (run) => {
          if (run.status === "queued") server.createRun({ threadId, status: "queued" });
        },
      }),
    );
    expect(error).toBeInstanceOf(CancelActiveError);
    const e = error as CancelActiveError;
    expect(e.stopped.length).toBeGreaterThanOrEqual(10);
    expect(e.failures.length).toBeGreaterThanOrEqual(1);
    expect(String((e.failures[0]!.error as Error).message)).toMatch(/still active after 10 rounds/);
  });

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
    // Only the active runs were cancelled; the ones already cancelling were waited for.
    expect(requestsTo(server, "POST", "/cancel")).toHaveLength(150);
    const lists = requestsTo(server, "GET", `/threads/${threadId}/runs`);
    // At least the three pages of the first look and three more showing nothing active.
    expect(lists.length).toBeGreaterThanOrEqual(6);
    for (const list of lists) expect(list.path).toContain("limit=100");
  });

  it("resolves [] for a thread with no active run", async () => {
    const server = await serve();
    server.createRuns(5, { threadId: "thread_done", status: "completed" });
    expect(await clientFor(server).runs.cancelActive("thread_done", WAIT)).toEqual([]);
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
