/**
 * The `hooks` option: onRequest, onResponse and onRetry see every attempt with one plain object
 * each, the same with fetch and with nodeHttp(); a hook that throws or rejects never breaks the
 * request (its error is logged at `error`, dropped at "off"); the option is checked.
 */
import { describe, expect, it } from "vitest";
import { createClient } from "../../src/index.js";
import { KEY, clientFor, failure } from "../support/client.js";
import { captureLogger } from "../support/logger.js";
import { until } from "../support/time.js";
import {
  okRun,
  resetBeforeHeaders,
  sequence,
  startServer,
  status,
} from "../support/scripted-server.js";
import { SENDERS } from "../support/senders.js";

describe.each(SENDERS)("hooks with %s", (_name, sender) => {
  it("see every attempt in order: request, response, retry", async () => {
    const server = await startServer(
      sequence(resetBeforeHeaders, status(503, "busy", { "retry-after-ms": "3" }), okRun()),
    );
    const seen: [string, Record<string, unknown>][] = [];
    const client = clientFor(server, {
      ...sender(),
      hooks: {
        onRequest: (event) => void seen.push(["request", { ...event }]),
        onResponse: (event) => void seen.push(["response", { ...event }]),
        onRetry: (event) => void seen.push(["retry", { ...event }]),
      },
    });
    await client.runs.cancel("t", "r");
    const url = `${server.url}/threads/t/runs/r/cancel`;
    const callId = seen[0]![1]["callId"];
    const base = (attempt: number) => ({
      method: "POST",
      url,
      attempt,
      retryCount: attempt - 1,
      callId,
    });
    expect(seen.map(([kind]) => kind)).toEqual([
      "request",
      "response",
      "retry",
      "request",
      "response",
      "retry",
      "request",
      "response",
    ]);
    expect(seen[0]![1]).toEqual(base(1));
    expect(seen[1]![1]).toMatchObject({ ...base(1), requestId: null });
    expect(seen[1]![1]["status"]).toBeUndefined();
    expect((seen[1]![1]["error"] as Error).name).toBe("ConnectionError");
    expect(seen[2]![1]).toMatchObject({
      ...base(1),
      reason: { error: "ConnectionError" },
      delaySource: "backoff",
    });
    expect(seen[3]![1]).toEqual(base(2));
    expect(seen[4]![1]).toMatchObject({ ...base(2), status: 503, requestId: "req_test" });
    expect(seen[4]![1]["error"]).toBeUndefined();
    expect(seen[5]![1]).toMatchObject({
      ...base(2),
      status: 503,
      delayMs: 3,
      reason: { status: 503 },
      delaySource: "retry-after-ms",
    });
    expect(seen[7]![1]).toMatchObject({ ...base(3), status: 200, requestId: "req_test" });
    for (const [kind, event] of seen) {
      if (kind !== "request") expect(event["durationMs"]).toBeGreaterThanOrEqual(0);
    }
  });

  it("a retry after `Retry-After` in seconds names that header as its delay's source", async () => {
    const server = await startServer(
      sequence(status(503, "busy", { "retry-after": "0" }), okRun()),
    );
    const retries: Record<string, unknown>[] = [];
    const client = clientFor(server, {
      ...sender(),
      hooks: { onRetry: (event) => void retries.push({ ...event }) },
    });
    await client.runs.cancel("t", "r");
    expect(retries).toEqual([
      expect.objectContaining({ status: 503, delayMs: 0, delaySource: "retry-after" }),
    ]);
  });

  it("a blank `Retry-After` is no hint: the retry waits the client's backoff", async () => {
    const server = await startServer(sequence(status(503, "busy", { "retry-after": "" }), okRun()));
    const retries: Record<string, unknown>[] = [];
    const client = clientFor(server, {
      ...sender(),
      hooks: { onRetry: (event) => void retries.push({ ...event }) },
    });
    await client.runs.cancel("t", "r");
    expect(retries).toEqual([expect.objectContaining({ status: 503, delaySource: "backoff" })]);
  });

  it("a hook that throws or rejects does not break the request; its error is logged at error", async () => {
    const server = await startServer(
      sequence(status(503, "busy", { "retry-after-ms": "1" }), okRun()),
    );
    const logger = captureLogger();
    const client = clientFor(server, {
      ...sender(),
      logger,
      hooks: {
        onRequest: () => {
          throw new Error("onRequest broke");
        },
        onResponse: () => Promise.reject(new Error("onResponse broke")) as never,
        onRetry: () => {
          throw new RangeError("onRetry broke");
        },
      },
    });
    const run = await client.runs.cancel("t", "r");
    expect(run.id).toBe("r");
    expect(server.requests).toHaveLength(2);
    // 2 onRequest, 2 onResponse (rejected later), 1 onRetry.
    await until(() => logger.lines.length === 5);
    expect(logger.lines.every((l) => l.level === "error")).toBe(true);
    const messages = logger.lines.map((l) => l.message).sort();
    expect(messages).toEqual([
      "threadrun: hooks.onRequest failed (the request went on): Error",
      "threadrun: hooks.onRequest failed (the request went on): Error",
      "threadrun: hooks.onResponse failed (the request went on): Error",
      "threadrun: hooks.onResponse failed (the request went on): Error",
      "threadrun: hooks.onRetry failed (the request went on): RangeError",
    ]);
    const errors = logger.lines.map((l) => (l.data as { error: Error }).error.message);
    expect(errors).toContain("onRetry broke");
  });

  it('a hook\'s error is dropped at logLevel "off"', async () => {
    const server = await startServer(okRun());
    const logger = captureLogger();
    let calls = 0;
    const client = clientFor(server, {
      ...sender(),
      logger,
      logLevel: "off",
      hooks: {
        onResponse: () => {
          calls++;
          throw new Error("ignored");
        },
      },
    });
    await client.runs.cancel("t", "r");
    expect(calls).toBe(1);
    expect(logger.lines).toEqual([]);
  });
});

describe("hooks", () => {
  it("see the raw client's requests too", async () => {
    const server = await startServer(okRun());
    const urls: string[] = [];
    const client = clientFor(server, { hooks: { onRequest: (e) => void urls.push(e.url) } });
    await client.raw.GET("/threads/{thread_id}/runs/{run_id}", {
      params: { path: { thread_id: "t", run_id: "r" } },
    });
    expect(urls).toEqual([`${server.url}/threads/t/runs/r`]);
  });

  it("the wait a bulk job's pacer chose is reported as such", async () => {
    const server = await startServer(
      sequence(status(429, "slow", { "retry-after-ms": "50" }), okRun()),
    );
    const retries: unknown[] = [];
    const client = clientFor(server, { hooks: { onRetry: (e) => void retries.push(e) } });
    for await (const result of client.runs.cancelMany([{ threadId: "t", runId: "r" }])) {
      expect(result.ok).toBe(true);
    }
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ status: 429, delaySource: "pacer" });
  });

  it("an unknown hook name is a TypeError with the name it most likely meant", async () => {
    const error = await failure(() =>
      createClient({ apiKey: KEY, hooks: { onRetyr: () => {} } as never }),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(
      'createClient: hooks: "onRetyr" is not an option; did you mean "onRetry"?',
    );
  });

  it("a hook that is not a function is a TypeError naming it", async () => {
    const error = await failure(() =>
      createClient({ apiKey: KEY, hooks: { onRequest: "log" } as never }),
    );
    expect((error as Error).message).toBe(
      'createClient: hooks.onRequest must be a function, got the string "log"',
    );
  });

  it("hooks that are not an object are refused", async () => {
    const error = await failure(() => createClient({ apiKey: KEY, hooks: [] as never }));
    expect((error as Error).message).toBe("createClient: hooks must be an object, got an array");
  });
});
