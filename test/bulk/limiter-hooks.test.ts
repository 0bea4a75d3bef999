/**
 * The transport's attempt hooks, which the bulk pacer learns from: `afterAttempt` sees every
 * attempt's end (successful answers with their headers, error answers, connection errors), once
 * per attempt `beforeAttempt` let through, and may choose the wait before a retry.
 */
import { describe, expect, it } from "vitest";
import { resolveOptions } from "../../src/options.js";
import { Runs } from "../../src/runs.js";
import { createTransport, type AttemptEnd, type AttemptHooks } from "../../src/transport.js";
import { KEY, rejection } from "../support/client.js";
import {
  okRun,
  resetBeforeHeaders,
  sequence,
  startServer,
  status,
} from "../support/scripted-server.js";

/** Runs on `url` whose every attempt is reported to `ends` (and `tickets`, in order). */
function watched(url: string, choose?: (end: AttemptEnd) => number | undefined) {
  const ends: { ticket: unknown; status: number | undefined; end: AttemptEnd }[] = [];
  let issued = 0;
  const hooks: AttemptHooks = {
    beforeAttempt: () => ++issued,
    afterAttempt(ticket, end) {
      ends.push({ ticket, status: end.answer?.status, end });
      return choose?.(end);
    },
  };
  const transport = createTransport(
    resolveOptions({ apiKey: KEY, baseUrl: url, retryBaseDelayMs: 5, retryMaxDelayMs: 20 }),
  );
  return { runs: new Runs(transport, hooks), ends, issued: () => issued };
}

describe("attempt hooks", () => {
  it("see every answer, successful ones included, with its headers", async () => {
    const server = await startServer((req, res) => {
      res.setHeader("x-ratelimit-remaining-requests", "41");
      return okRun()(req, res, 1);
    });
    const { runs, ends } = watched(server.url);
    await runs.cancel("thread_a", "run_a");
    expect(ends).toHaveLength(1);
    expect(ends[0]?.status).toBe(200);
    expect(ends[0]?.end.answer?.headers.get("x-ratelimit-remaining-requests")).toBe("41");
    expect(ends[0]?.end.retryDelayMs).toBeUndefined();
  });

  it("see a connection error and a 503 as ends without an answer / with one, each once", async () => {
    const server = await startServer(sequence(resetBeforeHeaders, status(503), okRun()));
    const { runs, ends, issued } = watched(server.url);
    await runs.cancel("thread_a", "run_a");
    expect(ends.map((e) => e.status)).toEqual([undefined, 503, 200]);
    // Each end is handed the ticket its own beforeAttempt gave.
    expect(ends.map((e) => e.ticket)).toEqual([1, 2, 3]);
    expect(issued()).toBe(3);
    expect(ends[0]?.end.retryDelayMs).toBeGreaterThan(0);
    expect(ends[1]?.end.retries).toBe(2);
  });

  it("choose the wait before a retry: a server's Retry-After of 60 s becomes none", async () => {
    const server = await startServer(
      sequence(status(429, "slow down", { "retry-after": "60" }), okRun()),
    );
    const { runs, ends } = watched(server.url, () => 0);
    await runs.cancel("thread_a", "run_a");
    expect(ends.map((e) => e.status)).toEqual([429, 200]);
    expect(ends[0]?.end.retryDelayMs).toBe(60_000);
    // The retry came at once, not a minute later (the test's own time limit is 20 s).
    expect(server.requests).toHaveLength(2);
  });

  it("cannot make the transport retry what it would not (a 404)", async () => {
    const server = await startServer(status(404, "No run found"));
    const { runs, ends } = watched(server.url, () => 0);
    await rejection(runs.cancel("thread_a", "run_a"));
    expect(ends.map((e) => e.end.retryDelayMs)).toEqual([undefined]);
    expect(server.requests).toHaveLength(1);
  });

  it("are told of an attempt that ended in a thrown credential error, so a slot is not lost", async () => {
    const server = await startServer(okRun());
    const ends: AttemptEnd[] = [];
    const transport = createTransport(
      resolveOptions({
        apiKey: () => Promise.reject(new Error("vault is down")),
        baseUrl: server.url,
      }),
    );
    const runs = new Runs(transport, {
      beforeAttempt: () => undefined,
      afterAttempt: (_ticket, end) => void ends.push(end),
    });
    const error = await rejection(runs.cancel("thread_a", "run_a"));
    expect((error as Error).message).toBe("vault is down");
    expect(ends).toHaveLength(1);
    expect(ends[0]?.answer).toBeUndefined();
  });
});
