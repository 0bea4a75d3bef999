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
import { sleep, until } from "../support/time.js";

describe("retries, with counted attempts", () => {
  it("429 with retry-after-ms: 30 waits that long (not the backoff), then succeeds", async () => {
    const server = await startServer(
      sequence(status(429, "slow down", { "retry-after-ms": "30" }), okRun()),
    );
    // A 1 ms backoff: a gap of 30 ms can only come from the server's hint.
    const client = clientFor(server, { retryBaseDelayMs: 1, retryMaxDelayMs: 1 });
    const run = await client.runs.cancel("thread_1", "run_1");
    expect(run.id).toBe("run_1");
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests;
    // Timers may fire a millisecond or two early against Date.now().
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(27);
    expect(responseInfo(run)?.attempts).toBe(2);
  });

  it("retry-after-ms wins over Retry-After", async () => {
    // Were Retry-After (50 min) used, it would be over maxRetryAfterMs and fail at once.
    const server = await startServer(
      sequence(
        status(429, "slow down", { "retry-after-ms": "20", "retry-after": "3000" }),
        okRun(),
      ),
    );
    const run = await clientFor(server).runs.get("t", "r");
    expect(run.id).toBe("r");
    expect(server.requests).toHaveLength(2);
  });

  it("Retry-After is read as seconds: 1 is over a 999 ms cap, at once, carrying 1000 ms", async () => {
    const server = await startServer(status(429, "slow down", { "retry-after": "1" }));
    const error = await rejection(
      clientFor(server, { maxRetryAfterMs: 999 }).runs.cancel("t", "r"),
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(1000);
    expect(server.requests).toHaveLength(1);
  });

  it("Retry-After as an HTTP date is read against the clock: 30 s ahead is over a 10 s cap", async () => {
    const server = await startServer(
      status(429, "later", { "retry-after": new Date(Date.now() + 30_000).toUTCString() }),
    );
    const error = await rejection(
      clientFor(server, { maxRetryAfterMs: 10_000 }).runs.get("t", "r"),
    );
    expect(error).toBeInstanceOf(RateLimitError);
    // HTTP dates have whole seconds: the wait is up to a second (plus the trip) under 30 s.
    const wait = (error as RateLimitError).retryAfterMs!;
    expect(wait).toBeGreaterThan(28_000);
    expect(wait).toBeLessThanOrEqual(30_000);
    expect(server.requests).toHaveLength(1);
  });

  it("Retry-After as an HTTP date already past retries at once, then succeeds", async () => {
    const server = await startServer(
      sequence(
        status(503, "back now", { "retry-after": new Date(Date.now() - 60_000).toUTCString() }),
        okRun(),
      ),
    );
    // A 60 s backoff: were the date ignored, the retry would not come before the test times out.
    const client = clientFor(server, { retryBaseDelayMs: 60_000, retryMaxDelayMs: 60_000 });
    const run = await client.runs.get("t", "r");
    expect(run.id).toBe("r");
    expect(server.requests).toHaveLength(2);
    expect(responseInfo(run)?.attempts).toBe(2);
  });

  it("a malformed Retry-After is ignored: the backoff is waited instead", async () => {
    // Read as a date, "later 5" would be in 2001: a retry at once.
    const server = await startServer(
      sequence(status(503, "busy", { "retry-after": "later 5" }), okRun()),
    );
    const client = clientFor(server, { retryBaseDelayMs: 30, retryMaxDelayMs: 30 });
    const run = await client.runs.get("t", "r");
    expect(run.id).toBe("r");
    const [first, second] = server.requests;
    // The backoff with its jitter: 30 ms less up to a quarter, less timer slack.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(20);
  });

  it("429 asking for a wait over maxRetryAfterMs is thrown at once, carrying the wait", async () => {
    const server = await startServer(status(429, "come back tomorrow", { "retry-after": "5" }));
    const error = await rejection(
      clientFor(server, { maxRetryAfterMs: 1000 }).runs.cancel("t", "r"),
    );
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
      clientFor(server, { retryBaseDelayMs: 20, retryMaxDelayMs: 10_000, maxRetries: 2 }).runs.get(
        "t",
        "r",
      ),
    );
    const [a, b, c] = server.requests.map((r) => r.at);
    // Jitter shortens by at most a quarter: >= 15 ms, then >= 30 ms (less timer slack). A second
    // wait that did not double would be at most 20 ms.
    expect(b! - a!).toBeGreaterThanOrEqual(13);
    expect(c! - b!).toBeGreaterThanOrEqual(28);
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
    // The 429 is out; a skipped wait (setTimeout's overflow fires at once) retries within ms.
    await until(() => server.closedAt.length === 1);
    await sleep(100);
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
