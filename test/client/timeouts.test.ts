import { describe, expect, it } from "vitest";
import { TimeoutError, ThreadRunError } from "../../src/index.js";
import { startRunsServer } from "../../src/testing/index.js";
import { clientFor, rejection } from "../support/client.js";
import {
  okRun,
  sequence,
  stallBody,
  stallHeaders,
  startServer,
} from "../support/scripted-server.js";
import { sleep } from "../support/time.js";

/** Polls until `check` holds, up to `ms`. */
async function eventually(check: () => boolean, ms = 3000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await sleep(10);
  }
  return true;
}

// The transport has two paths: with a caller's signal it aborts through an AbortController;
// without one it races a timer and cancels the body. Both must behave the same.
const PATHS = [
  { name: "without a caller signal", signal: () => ({}) },
  { name: "with a caller signal", signal: () => ({ signal: new AbortController().signal }) },
] as const;

describe.each(PATHS)("per-attempt timeouts, $name", ({ signal }) => {
  it("a stalled body times out after timeoutMs, on each attempt", async () => {
    const server = await startServer(stallBody);
    const client = clientFor(server, { timeoutMs: 80, maxRetries: 1 });
    const started = Date.now();
    const error = await rejection(client.runs.get("t", "r", signal()));
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ThreadRunError);
    expect((error as TimeoutError).timeoutMs).toBe(80);
    expect((error as TimeoutError).message).toContain("GET /v1/threads/t/runs/r");
    expect(server.requests).toHaveLength(2);
    // Two full time limits, less timer slack.
    expect(elapsed).toBeGreaterThanOrEqual(150);
  });

  it("a timed-out body releases its connection (the server sees it close)", async () => {
    const server = await startServer(stallBody);
    const client = clientFor(server, { timeoutMs: 100, maxRetries: 0 });
    await rejection(client.runs.get("t", "r", signal()));
    // The body would stall forever: only the client letting go closes it.
    expect(await eventually(() => server.closedAt.length === 1)).toBe(true);
  });

  it("stalled headers time out after timeoutMs, on each attempt", async () => {
    const server = await startServer(stallHeaders);
    const client = clientFor(server, { timeoutMs: 80, maxRetries: 2 });
    const started = Date.now();
    const error = await rejection(client.runs.cancel("t", "r", signal()));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(3);
    // Three full time limits, less timer slack.
    expect(Date.now() - started).toBeGreaterThanOrEqual(225);
  });

  it("a timeout then a good answer succeeds", async () => {
    const server = await startServer(sequence(stallBody, okRun()));
    const run = await clientFor(server, { timeoutMs: 150 }).runs.cancel("t", "r", signal());
    expect(run.id).toBe("r");
    expect(server.requests).toHaveLength(2);
  });

  it("per-call timeoutMs overrides the client's", async () => {
    const server = await startServer(stallHeaders);
    const client = clientFor(server, { timeoutMs: 60_000, maxRetries: 0 });
    const error = await rejection(client.runs.get("t", "r", { ...signal(), timeoutMs: 100 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(100);
  });

  it("reference server: slow body and slow headers faults time out and are retried", async () => {
    const server = await startRunsServer({ apiKey: null });
    try {
      const run = server.createRun();
      server.inject({ kind: "delay", ms: 0, bodyDelayMs: 3000, times: 1 });
      server.inject({ kind: "delay", ms: 3000, times: 1 });
      const client = clientFor(server, { apiKey: null, timeoutMs: 150, maxRetries: 2 });
      const got = await client.runs.get(run.thread_id, run.id, signal());
      expect(got.id).toBe(run.id);
      expect(server.requests).toHaveLength(3);
    } finally {
      await server.close();
    }
  });
});

describe("very long time limits", () => {
  it("a timeoutMs beyond setTimeout's range means a long wait, not an instant timeout", async () => {
    const server = await startServer(async (req, res, attempt) => {
      await sleep(30);
      return okRun()(req, res, attempt);
    });
    const client = clientFor(server, { timeoutMs: Number.MAX_SAFE_INTEGER });
    const run = await client.runs.get("t", "r");
    expect(run.id).toBe("r");
    const withSignal = await client.runs.get("t", "r", {
      signal: new AbortController().signal,
      timeoutMs: 2 ** 31,
    });
    expect(withSignal.id).toBe("r");
    expect(server.requests).toHaveLength(2);
  });
});
