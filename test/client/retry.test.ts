import { describe, expect, it } from "vitest";
import {
  BadRequestError,
  ConnectionError,
  InternalServerError,
  RateLimitError,
  responseInfo,
} from "../../src/index.js";
import { clientFor, rejection } from "../support/client.js";
import {
  json,
  okRun,
  resetBeforeHeaders,
  resetMidBody,
  sequence,
  startServer,
  status,
} from "../support/scripted-server.js";
import { sleep } from "../support/time.js";

describe("retries, with counted attempts", () => {
  it("429 with Retry-After: 1 waits about a second, then succeeds", async () => {
    const server = await startServer(
      sequence(status(429, "slow down", { "retry-after": "1" }), okRun()),
    );
    const started = Date.now();
    const run = await clientFor(server).runs.cancel("thread_1", "run_1");
    const elapsed = Date.now() - started;
    expect(run.id).toBe("run_1");
    expect(server.requests).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(900);
    const [first, second] = server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(900);
    expect(responseInfo(run)?.attempts).toBe(2);
  });

  it("429 with an HTTP-date Retry-After waits until that date", async () => {
    // HTTP dates have whole seconds: ask for ~2 s so the wait is at least ~1 s after truncation.
    const server = await startServer(
      sequence(
        (_req, res) =>
          json(
            res,
            429,
            { error: { message: "later" } },
            {
              "retry-after": new Date(Date.now() + 2000).toUTCString(),
            },
          ),
        okRun(),
      ),
    );
    const started = Date.now();
    await clientFor(server).runs.get("t", "r");
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("429 with retry-after-ms waits that many milliseconds (and wins over Retry-After)", async () => {
    const server = await startServer(
      sequence(status(429, "slow down", { "retry-after-ms": "300", "retry-after": "30" }), okRun()),
    );
    const started = Date.now();
    await clientFor(server).runs.get("t", "r");
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(250);
    // 30 s were not waited out.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("429 asking for a wait over maxRetryAfterMs is thrown at once, carrying the wait", async () => {
    const server = await startServer(status(429, "come back tomorrow", { "retry-after": "5" }));
    const started = Date.now();
    const error = await rejection(
      clientFor(server, { maxRetryAfterMs: 1000 }).runs.cancel("t", "r"),
    );
    expect(Date.now() - started).toBeLessThan(2500);
    expect(error).toBeInstanceOf(RateLimitError);
    const e = error as RateLimitError;
    expect(e.retryAfterMs).toBe(5000);
    expect(e.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
    expect(e.message).toContain("5000");
  });

  it("429 with an over-the-cap retry-after-ms: one attempt, wait carried", async () => {
    const server = await startServer(status(429, "busy", { "retry-after-ms": "120000" }));
    const error = (await rejection(clientFor(server).runs.get("t", "r"))) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(120_000);
    expect(server.requests).toHaveLength(1);
  });

  it("503 then 200 succeeds on the second attempt", async () => {
    const server = await startServer(sequence(status(503, "overloaded"), okRun()));
    const run = await clientFor(server).runs.cancel("thread_1", "run_1");
    expect(run.status).toBe("cancelling");
    expect(server.requests).toHaveLength(2);
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "POST"]);
    expect(responseInfo(run)?.attempts).toBe(2);
  });

  it("each retryable status is retried up to maxRetries", async () => {
    for (const code of [408, 409, 500, 502, 504]) {
      const server = await startServer(sequence(status(code), status(code), okRun()));
      const run = await clientFor(server).runs.get("t", "r");
      expect(run.id, `status ${code}`).toBe("r");
      expect(server.requests, `status ${code}`).toHaveLength(3);
    }
  });

  it("gives up after maxRetries (default 2): three attempts in all", async () => {
    const server = await startServer(status(503));
    const error = (await rejection(clientFor(server).runs.get("t", "r"))) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
  });

  it("a connection reset mid-body (headers sent, socket destroyed) is retried", async () => {
    const server = await startServer(sequence(resetMidBody, okRun()));
    const run = await clientFor(server).runs.get("t", "r");
    expect(run.id).toBe("r");
    expect(server.requests).toHaveLength(2);
  });

  it("a connection reset before headers is retried", async () => {
    const server = await startServer(sequence(resetBeforeHeaders, resetBeforeHeaders, okRun()));
    const run = await clientFor(server).runs.cancel("t", "r");
    expect(run.id).toBe("r");
    expect(server.requests).toHaveLength(3);
  });

  it("resets on every attempt end in a ConnectionError that keeps its cause", async () => {
    const server = await startServer(resetBeforeHeaders);
    const error = await rejection(clientFor(server, { maxRetries: 1 }).runs.get("t", "r"));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).cause).toBeDefined();
    expect(server.requests).toHaveLength(2);
  });

  it("x-should-retry: false on a 503 means one attempt", async () => {
    const server = await startServer(status(503, "down", { "x-should-retry": "false" }));
    const error = (await rejection(clientFor(server).runs.cancel("t", "r"))) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it("x-should-retry: true on a 400 retries it", async () => {
    const server = await startServer(
      sequence(status(400, "try again", { "x-should-retry": "true" }), okRun()),
    );
    const run = await clientFor(server).runs.get("t", "r");
    expect(run.id).toBe("r");
    expect(server.requests).toHaveLength(2);
  });

  it("a plain 400 is not retried", async () => {
    const server = await startServer(status(400));
    const error = (await rejection(clientFor(server).runs.get("t", "r"))) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(server.requests).toHaveLength(1);
  });

  it("maxRetries: 0 makes one attempt", async () => {
    const server = await startServer(status(503));
    const error = (await rejection(
      clientFor(server, { maxRetries: 0 }).runs.get("t", "r"),
    )) as InternalServerError;
    expect(error.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it("maxRetries per call overrides the client's, both ways", async () => {
    const server = await startServer(status(503));
    const client = clientFor(server, { maxRetries: 0 });
    const more = (await rejection(
      client.runs.get("t", "r", { maxRetries: 3 }),
    )) as InternalServerError;
    expect(more.attempts).toBe(4);
    expect(server.requests).toHaveLength(4);

    const server2 = await startServer(status(503));
    const client2 = clientFor(server2, { maxRetries: 5 });
    await rejection(client2.runs.cancel("t", "r", { maxRetries: 0 }));
    expect(server2.requests).toHaveLength(1);
  });

  it("backoff grows between attempts (exponential, from retryBaseDelayMs)", async () => {
    const server = await startServer(status(503));
    await rejection(
      clientFor(server, { retryBaseDelayMs: 100, retryMaxDelayMs: 10_000, maxRetries: 2 }).runs.get(
        "t",
        "r",
      ),
    );
    const [a, b, c] = server.requests.map((r) => r.at);
    // Jitter shortens by at most a quarter: >= 75 ms, then >= 150 ms (minus timer slack).
    expect(b! - a!).toBeGreaterThanOrEqual(60);
    expect(c! - b!).toBeGreaterThanOrEqual(130);
  });

  it("bad retry options are refused with RangeError naming the option, no request sent", async () => {
    const server = await startServer();
    const client = clientFor(server);
    await expect(client.runs.get("t", "r", { maxRetries: -1 })).rejects.toThrow(RangeError);
    await expect(client.runs.get("t", "r", { maxRetries: 1.5 })).rejects.toThrow(/maxRetries/);
    await expect(client.runs.get("t", "r", { timeoutMs: 0 })).rejects.toThrow(/timeoutMs/);
    expect(() => clientFor(server, { maxRetries: -1 })).toThrow(/maxRetries/);
    expect(server.requests).toHaveLength(0);
  });

  it("a wait beyond setTimeout's range (allowed by maxRetryAfterMs) is waited, not skipped", async () => {
    const server = await startServer(
      sequence(status(429, "later", { "retry-after-ms": "3000000000" }), okRun()),
    );
    const controller = new AbortController();
    const client = clientFor(server, { maxRetryAfterMs: Number.MAX_SAFE_INTEGER });
    const pending = client.runs.get("t", "r", { signal: controller.signal });
    await sleep(300);
    // Still waiting out the 35 days the server asked for.
    expect(server.requests).toHaveLength(1);
    controller.abort(new Error("enough"));
    await expect(pending).rejects.toThrow("enough");
  });

  it("options that are not an object are a TypeError, nothing sent", async () => {
    const server = await startServer();
    const client = clientFor(server);
    await expect(client.runs.cancel("t", "r", "run_2" as unknown as object)).rejects.toThrow(
      TypeError,
    );
    await expect(client.runs.get("t", "r", null as unknown as object)).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });
});
