/**
 * The transport's log lines where the tests of test/observe do not look: a retry after a
 * connection error (no request id to name), a call given up during its retry wait, a hook that
 * throws something that is not an Error, and the edge of the over-the-cap warning.
 */
import { describe, expect, it } from "vitest";
import { RateLimitError } from "../../src/index.js";
import { clientFor, rejection } from "../support/client.js";
import { captureLogger } from "../support/logger.js";
import {
  okRun,
  resetBeforeHeaders,
  sequence,
  startServer,
  status,
} from "../support/scripted-server.js";
import { until } from "../support/time.js";

describe("the transport's log lines", () => {
  it("info: a retry after a connection error names the error and no request id", async () => {
    const server = await startServer(sequence(resetBeforeHeaders, okRun()));
    const logger = captureLogger();
    await clientFor(server, {
      logger,
      logLevel: "info",
      retryBaseDelayMs: 8,
      retryMaxDelayMs: 8,
    }).runs.get("t", "r");
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]!.level).toBe("info");
    expect(logger.lines[0]!.message).toMatch(
      /^threadrun: retrying GET \/v1\/threads\/t\/runs\/r in \d+ ms \(backoff\): attempt 1 got ConnectionError$/,
    );
    expect(logger.lines[0]!.data).toMatchObject({
      attempt: 1,
      requestId: null,
      reason: { error: "ConnectionError" },
      delaySource: "backoff",
    });
  });

  it("info: a retry of an error status without a server hint says the wait is the backoff", async () => {
    const server = await startServer(sequence(status(503), okRun()));
    const logger = captureLogger();
    await clientFor(server, {
      logger,
      logLevel: "info",
      retryBaseDelayMs: 8,
      retryMaxDelayMs: 8,
    }).runs.get("t", "r");
    expect(logger.lines.map((line) => [line.level, line.message])).toEqual([
      [
        "info",
        expect.stringMatching(
          /^threadrun: retrying GET \/v1\/threads\/t\/runs\/r in \d+ ms \(backoff\): attempt 1 got 503, request id req_test$/,
        ),
      ],
    ]);
    expect(logger.lines[0]!.data).toMatchObject({
      delaySource: "backoff",
      reason: { status: 503 },
    });
  });

  it("debug: an attempt without an answer says so, with the error's name", async () => {
    const server = await startServer(resetBeforeHeaders);
    const logger = captureLogger();
    await rejection(
      clientFor(server, { logger, logLevel: "debug", maxRetries: 0 }).runs.get("t", "r"),
    );
    expect(logger.lines.map((line) => line.level)).toEqual(["debug", "debug"]);
    expect(logger.lines[1]!.message).toMatch(
      /^threadrun: GET \/v1\/threads\/t\/runs\/r: no response \(ConnectionError\) in \d+ ms$/,
    );
    expect(logger.lines[1]!.data).toMatchObject({ attempt: 1, final: true, requestId: null });
  });

  it("debug: a call aborted while it waits for its retry says it gave up before the next attempt", async () => {
    const server = await startServer(status(503, "busy", { "retry-after-ms": "30000" }));
    const logger = captureLogger();
    const controller = new AbortController();
    const call = clientFor(server, { logger, logLevel: "debug", maxRetryAfterMs: 60_000 }).runs.get(
      "t",
      "r",
      { signal: controller.signal },
    );
    await until(() => logger.lines.some((line) => line.level === "info"));
    controller.abort();
    expect((await rejection(call)) as Error).toHaveProperty("name", "AbortError");
    expect(logger.lines.at(-1)).toMatchObject({
      level: "debug",
      message: "threadrun: GET /v1/threads/t/runs/r: gave up before attempt 2 (AbortError)",
      data: {
        method: "GET",
        url: `${server.url}/threads/t/runs/r`,
        attempt: 1,
        retryCount: 0,
        final: true,
        requestId: null,
        durationMs: 0,
      },
    });
    const callId = (logger.lines[0]!.data as { callId: number }).callId;
    expect(logger.lines.at(-1)!.data).toHaveProperty("callId", callId);
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ["a string", "broke"],
    ["null", null],
    ["undefined", undefined],
    ["an object without a name", { code: 7 }],
    ["an error with an empty name", Object.assign(new Error("broke"), { name: "" })],
    ["an object whose name is not a string", { name: 42 }],
  ])("a hook that throws %s: the call goes on, the line names it Error", async (_what, thrown) => {
    const server = await startServer(okRun());
    const logger = captureLogger();
    const client = clientFor(server, {
      logger,
      hooks: {
        onRequest: () => {
          throw thrown;
        },
      },
    });
    expect((await client.runs.get("t", "r")).id).toBe("r");
    expect(logger.lines.map((line) => [line.level, line.message])).toEqual([
      ["error", "threadrun: hooks.onRequest failed (the request went on): Error"],
    ]);
  });

  it("warn: only a server wait over maxRetryAfterMs is warned about, not one equal to it", async () => {
    for (const [askedMs, warned] of [
      [50, false],
      [51, true],
    ] as const) {
      const server = await startServer(status(429, "slow", { "retry-after-ms": String(askedMs) }));
      const logger = captureLogger();
      const client = clientFor(server, { logger, maxRetries: 0, maxRetryAfterMs: 50 });
      const error = await rejection(client.runs.get("t", "r"));
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).retryAfterMs).toBe(askedMs);
      expect(logger.lines.map((line) => line.level)).toEqual(warned ? ["warn"] : []);
    }
  });
});
