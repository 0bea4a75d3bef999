/**
 * `client.runs.wait` against the reference server over real HTTP: every status path, the deadline,
 * abort, onStatus, the server's poll hint and the backoff. Timings are loose on purpose: these
 * assert what happens, and bound counts, never how fast.
 */
import { describe, expect, it } from "vitest";
import { TimeoutError, type ThreadRun } from "../../src/index.js";
import { clientFor } from "../support/client.js";
import { loopbackTwin } from "../support/fake-clock.js";
import { requestsTo, serve } from "../support/reference-server.js";
import { sleep, until } from "../support/time.js";

describe("wait", () => {
  it("follows queued → in_progress → completed, calling onStatus once per status", async () => {
    const server = await serve();
    const run = server.createRun({ status: "queued" });
    const polls = () => requestsTo(server, "GET", `/runs/${run.id}`).length;
    const seen: string[] = [];
    const waiting = clientFor(server).runs.wait(run.thread_id, run.id, {
      intervalMs: 10,
      maxIntervalMs: 20,
      onStatus: (r) => seen.push(r.status),
    });
    // Each status is held for several polls, whatever the machine's load.
    await until(() => polls() >= 3);
    server.setStatus(run.thread_id, run.id, "in_progress");
    const before = polls();
    await until(() => polls() >= before + 3);
    server.setStatus(run.thread_id, run.id, "completed");
    const result = await waiting;
    expect(result.status).toBe("completed");
    expect(result.completedAt).toBeInstanceOf(Date);
    expect(seen).toEqual(["queued", "in_progress", "completed"]);
    // Many polls saw the same status; onStatus still ran once per status.
    expect(requestsTo(server, "GET", `/runs/${run.id}`).length).toBeGreaterThan(seen.length);
  });

  it("resolves at requires_action, which waiting cannot change", async () => {
    const server = await serve();
    const run = server.createRun({ status: "in_progress", requiresActionAfterMs: 80 });
    const result = await clientFor(server).runs.wait(run.thread_id, run.id, { intervalMs: 10 });
    expect(result.status).toBe("requires_action");
    expect(result.requiredAction?.submitToolOutputs?.toolCalls).toHaveLength(1);
    expect(server.run(run.thread_id, run.id)?.status).toBe("requires_action");
  });

  it("follows cancelling → cancelled", async () => {
    const server = await serve({ cancelDelayMs: 150 });
    const run = server.createRun({ status: "in_progress" });
    const client = clientFor(server);
    const cancelling = await client.runs.cancel(run.thread_id, run.id);
    expect(cancelling.status).toBe("cancelling");
    const seen: string[] = [];
    const result = await client.runs.wait(run.thread_id, run.id, {
      intervalMs: 10,
      maxIntervalMs: 20,
      onStatus: (r) => seen.push(r.status),
    });
    expect(result.status).toBe("cancelled");
    expect(result.cancelledAt).toBeInstanceOf(Date);
    expect(seen).toEqual(["cancelling", "cancelled"]);
  });

  it.each(["failed", "expired", "incomplete"] as const)(
    "resolves when the run ends %s",
    async (status) => {
      const server = await serve();
      const run = server.createRun({ status: "in_progress" });
      const seen: string[] = [];
      const waiting = clientFor(server).runs.wait(run.thread_id, run.id, {
        intervalMs: 10,
        onStatus: (r) => seen.push(r.status),
      });
      // The run ends once the wait has seen it in progress, whatever the machine's load.
      await until(() => seen.length === 1);
      server.setStatus(run.thread_id, run.id, status);
      const result = await waiting;
      expect(result.status).toBe(status);
      expect(seen).toEqual(["in_progress", status]);
    },
  );

  it("keeps polling an unknown status, sleeping between polls", async () => {
    const server = await serve();
    const run = server.createRun({ status: "in_progress" });
    server.setStatus(run.thread_id, run.id, "paused_for_review");
    const seen: string[] = [];
    const started = Date.now();
    const error = await clientFor(server)
      .runs.wait(run.thread_id, run.id, {
        intervalMs: 25,
        maxIntervalMs: 25,
        timeoutMs: 500,
        onStatus: (r) => seen.push(r.status),
      })
      .catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).run?.status).toBe("paused_for_review");
    expect(seen).toEqual(["paused_for_review"]);
    const polls = requestsTo(server, "GET", `/runs/${run.id}`).length;
    // At most one poll per interval (plus the first): a spin would make thousands.
    expect(polls).toBeGreaterThanOrEqual(2);
    expect(polls).toBeLessThanOrEqual(Math.ceil(elapsed / 25) + 2);
  });

  it("rejects at the deadline with a TimeoutError carrying the last run seen", async () => {
    const server = await serve();
    const run = server.createRun({ status: "in_progress" });
    const started = Date.now();
    const error = await clientFor(server)
      .runs.wait(run.thread_id, run.id, { intervalMs: 20, timeoutMs: 300 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    const timeout = error as TimeoutError;
    expect(timeout.timeoutMs).toBe(300);
    expect(timeout.run?.id).toBe(run.id);
    expect(timeout.run?.status).toBe("in_progress");
    expect(timeout.message).toContain("in_progress");
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    // The deadline stops the waiting, not the run.
    expect(server.run(run.thread_id, run.id)?.status).toBe("in_progress");
  });

  it("stops on abort with the signal's reason and leaves the run alone", async () => {
    const server = await serve();
    const run = server.createRun({ status: "in_progress" });
    const controller = new AbortController();
    const reason = new Error("user went away");
    setTimeout(() => controller.abort(reason), 100);
    // What the client sent, and whether the abort had come first: a poll in flight at the abort
    // may still reach the server just after it (bytes sent are sent), but none may start after.
    let sent = 0;
    let sentAfterAbort = 0;
    const client = clientFor(server, {
      hooks: {
        onRequest: () => {
          sent++;
          if (controller.signal.aborted) sentAfterAbort++;
        },
      },
    });
    const error = await client.runs
      .wait(run.thread_id, run.id, { intervalMs: 20, signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBe(reason);
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(sentAfterAbort).toBe(0);
    await sleep(100);
    expect(requestsTo(server, "GET", `/runs/${run.id}`).length).toBeLessThanOrEqual(sent);
    expect(requestsTo(server, "POST", "/cancel")).toHaveLength(0);
    expect(server.run(run.thread_id, run.id)?.status).toBe("in_progress");
  });

  it("rejects at once for a signal aborted before the call", async () => {
    const server = await serve();
    const run = server.createRun({ status: "in_progress" });
    const reason = new Error("already aborted");
    await expect(
      clientFor(server).runs.wait(run.thread_id, run.id, { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    expect(server.stats.requests).toBe(0);
  });

  it("honours openai-poll-after-ms over its own interval", async () => {
    const server = await serve({ pollAfterMs: 100 });
    const run = server.createRun({ status: "in_progress", completeAfterMs: 450 });
    const started = Date.now();
    const result = await clientFor(server).runs.wait(run.thread_id, run.id, {
      intervalMs: 5,
      maxIntervalMs: 5,
    });
    const elapsed = Date.now() - started;
    expect(result.status).toBe("completed");
    const polls = requestsTo(server, "GET", `/runs/${run.id}`).length;
    // Every 5 ms would be ~90 polls; every 100 ms is ~5.
    expect(polls).toBeGreaterThanOrEqual(3);
    expect(polls).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
  });

  // Its fake-clock twin, with the exact pauses: poll-backoff.test.ts.
  loopbackTwin("backs off: pauses grow from intervalMs up to maxIntervalMs", async () => {
    const server = await serve();
    const run = server.createRun({ status: "in_progress" });
    await clientFor(server)
      .runs.wait(run.thread_id, run.id, { intervalMs: 10, maxIntervalMs: 60, timeoutMs: 1200 })
      .catch((e: unknown) => e);
    const at = requestsTo(server, "GET", `/runs/${run.id}`).map((r) => r.at);
    const gaps = at.slice(1).map((t, i) => t - at[i]!);
    expect(gaps.length).toBeGreaterThanOrEqual(8);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    const early = median(gaps.slice(0, 3));
    // The last pause is cut short by the deadline: leave it out.
    const late = median(gaps.slice(-6, -1));
    expect(late).toBeGreaterThan(early);
    // Capped: 10, 15, 22, 34, 51, 60, 60, ... Arrival times at the server jitter on a loaded
    // machine, so the bound keeps slack below the 60 ms cap.
    expect(late).toBeGreaterThanOrEqual(35);
    // Uncapped growth would give ~9 polls in 1.2 s; no backoff at all (10 ms) over 60.
    expect(gaps.length).toBeGreaterThanOrEqual(12);
    expect(gaps.length).toBeLessThan(40);
  });

  it("refuses a bad id or option at the call, before any request", async () => {
    const server = await serve();
    const client = clientFor(server);
    expect(() => client.runs.wait("..", "run_1")).toThrow(/threadId/);
    expect(() => client.runs.wait("thread_1", "run_1", { intervalMs: -1 })).toThrow(RangeError);
    expect(server.stats.requests).toBe(0);
  });

  it("passes the run object to onStatus", async () => {
    const server = await serve();
    const run = server.createRun({ status: "completed" });
    const seen: ThreadRun[] = [];
    const result = await clientFor(server).runs.wait(run.thread_id, run.id, {
      onStatus: (r) => seen.push(r),
    });
    expect(seen).toEqual([result]);
  });
});
