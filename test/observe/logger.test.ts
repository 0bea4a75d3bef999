/**
 * The client's log: `logger` and `logLevel` (or THREADRUN_LOG), what each level writes, one line
 * each with a structured object, checked options, and a logger that throws never breaks a call.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createClient } from "../../src/index.js";
import { KEY, clientFor, failure, rejection } from "../support/client.js";
import { captureLogger } from "../support/logger.js";
import { okRun, sequence, startServer, status } from "../support/scripted-server.js";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const slowDown = (ms: string) => status(503, "busy", { "retry-after-ms": ms });

describe("log levels", () => {
  it("writes nothing on a happy call at the default level (warn)", async () => {
    const server = await startServer(sequence(slowDown("1"), okRun()));
    const logger = captureLogger();
    await clientFor(server, { logger }).runs.cancel("t", "r");
    expect(logger.lines).toEqual([]);
  });

  it("info: every retry, with the attempt, the reason, the wait and its source, the request id", async () => {
    const server = await startServer(sequence(slowDown("7"), okRun()));
    const logger = captureLogger();
    await clientFor(server, { logger, logLevel: "info" }).runs.cancel("t", "r");
    expect(logger.lines.map((l) => [l.level, l.message])).toEqual([
      [
        "info",
        "threadrun: retrying POST /v1/threads/t/runs/r/cancel in 7 ms (retry-after-ms): attempt 1 got 503, request id req_test",
      ],
    ]);
    expect(logger.lines[0]?.data).toMatchObject({
      method: "POST",
      attempt: 1,
      status: 503,
      delayMs: 7,
      delaySource: "retry-after-ms",
      reason: { status: 503 },
      requestId: "req_test",
    });
  });

  it("debug: every request and response, with method, path, status, request id and duration", async () => {
    const server = await startServer(sequence(slowDown("1"), okRun()));
    const logger = captureLogger();
    await clientFor(server, { logger, logLevel: "debug" }).runs.get("t", "r");
    const messages = logger.lines.map((l) => `${l.level} ${l.message}`);
    expect(messages).toHaveLength(5);
    expect(messages[0]).toBe("debug threadrun: GET /v1/threads/t/runs/r, attempt 1");
    expect(messages[1]).toMatch(
      /^debug threadrun: GET \/v1\/threads\/t\/runs\/r: 503 in \d+ ms, request id req_test$/,
    );
    expect(messages[2]).toMatch(/^info threadrun: retrying GET/);
    expect(messages[3]).toBe("debug threadrun: GET /v1/threads/t/runs/r, attempt 2");
    expect(messages[4]).toMatch(/: 200 in \d+ ms, request id req_test$/);
    expect(logger.lines[4]?.data).toMatchObject({ status: 200, attempt: 2, retryCount: 1 });
    expect((logger.lines[4]?.data as { durationMs: number }).durationMs).toBeGreaterThanOrEqual(0);
  });

  it("warn: a server wait over maxRetryAfterMs, which fails the call at once", async () => {
    const server = await startServer(status(429, "later", { "retry-after": "120" }));
    const logger = captureLogger();
    await rejection(clientFor(server, { logger }).runs.cancel("t", "r"));
    expect(logger.lines.map((l) => [l.level, l.message])).toEqual([
      [
        "warn",
        "threadrun: POST /v1/threads/t/runs/r/cancel: 429 not retried, the server asked to wait 120000 ms (over maxRetryAfterMs 60000)",
      ],
    ]);
    expect(logger.lines[0]?.data).toMatchObject({ retryAfterMs: 120_000, maxRetryAfterMs: 60_000 });
  });

  it("warn: a bulk job slowed down by 429s, once per job", async () => {
    const server = await startServer(
      sequence(
        ...Array.from({ length: 3 }, () => status(429, "slow", { "retry-after-ms": "1" })),
        okRun(),
      ),
    );
    const logger = captureLogger();
    const items = [1, 2, 3, 4].map((n) => ({ threadId: "t", runId: `r${n}` }));
    const results = [];
    for await (const result of clientFor(server, { logger }).runs.cancelMany(items, {
      concurrency: 1,
    }))
      results.push(result);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(logger.lines.map((l) => l.level)).toEqual(["warn"]);
    expect(logger.lines[0]?.message).toMatch(
      /^threadrun: bulk job slowed down by a 429: the pacer spaces every worker's requests$/,
    );
  });

  it("error and off write nothing for a retry or a wait over the cap", async () => {
    for (const logLevel of ["error", "off"] as const) {
      const server = await startServer(
        sequence(slowDown("1"), status(429, "later", { "retry-after": "120" })),
      );
      const logger = captureLogger();
      await rejection(clientFor(server, { logger, logLevel }).runs.cancel("t", "r"));
      expect(logger.lines).toEqual([]);
    }
  });

  it("every line is one line with a structured object as the second argument", async () => {
    const server = await startServer(sequence(slowDown("1"), okRun()));
    const logger = captureLogger();
    await clientFor(server, { logger, logLevel: "debug" }).runs.cancel("t", "r");
    expect(logger.lines.length).toBeGreaterThan(0);
    for (const line of logger.lines) {
      expect(line.message).not.toMatch(/[\r\n]/);
      expect(line.argumentCount).toBe(2);
      expect(typeof line.data).toBe("object");
    }
  });

  it("the logger defaults to console", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const server = await startServer(sequence(slowDown("1"), okRun()));
    await clientFor(server, { logLevel: "info" }).runs.cancel("t", "r");
    expect(info).toHaveBeenCalledTimes(1);
    expect(info.mock.calls[0]?.[0]).toMatch(/^threadrun: retrying POST/);
  });

  it("a logger that throws does not break the call", async () => {
    const server = await startServer(sequence(slowDown("1"), okRun()));
    const boom = () => {
      throw new Error("logger down");
    };
    const logger = { debug: boom, info: boom, warn: boom, error: boom };
    const run = await clientFor(server, { logger, logLevel: "debug" }).runs.cancel("t", "r");
    expect(run.id).toBe("r");
  });
});

describe("THREADRUN_LOG", () => {
  it("sets the level when the option is absent", async () => {
    vi.stubEnv("THREADRUN_LOG", "info");
    const server = await startServer(sequence(slowDown("1"), okRun()));
    const logger = captureLogger();
    await clientFor(server, { logger }).runs.cancel("t", "r");
    expect(logger.lines.map((l) => l.level)).toEqual(["info"]);
  });

  it("the option wins over it", async () => {
    vi.stubEnv("THREADRUN_LOG", "debug");
    const server = await startServer(sequence(slowDown("1"), okRun()));
    const logger = captureLogger();
    await clientFor(server, { logger, logLevel: "warn" }).runs.cancel("t", "r");
    expect(logger.lines).toEqual([]);
  });

  it("an invalid value is a TypeError naming THREADRUN_LOG and the allowed values", async () => {
    vi.stubEnv("THREADRUN_LOG", "verbose");
    const error = await failure(() => createClient({ apiKey: KEY }));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(
      'createClient: THREADRUN_LOG must be one of "off", "error", "warn", "info", "debug", got the string "verbose"',
    );
  });
});

describe("options are checked", () => {
  it("a logLevel not in the list names the allowed values", async () => {
    const error = await failure(() => createClient({ apiKey: KEY, logLevel: "trace" as never }));
    expect((error as Error).message).toBe(
      'createClient: logLevel must be one of "off", "error", "warn", "info", "debug", got the string "trace"',
    );
  });

  it("a logger missing a method names it", async () => {
    const logger = { debug() {}, info() {}, error() {} };
    const error = await failure(() => createClient({ apiKey: KEY, logger: logger as never }));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(
      "createClient: logger.warn must be a function (a logger has debug, info, warn and error methods: console and pino fit), got undefined",
    );
  });

  it("a logger that is not an object is refused", async () => {
    const error = await failure(() => createClient({ apiKey: KEY, logger: "console" as never }));
    expect((error as Error).message).toMatch(/^createClient: logger.error must be a function/);
  });
});
