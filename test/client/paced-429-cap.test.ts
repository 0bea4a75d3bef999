/**
 * Behind a shared pacer (a bulk job), a 429 retry is free: it does not use up `maxRetries`. But
 * only PACED_429_RETRIES of them per request: a request answered 429 for ever still ends, with the
 * RateLimitError, instead of being retried for ever.
 */
import { describe, expect, it } from "vitest";
import { RateLimitError } from "../../src/index.js";
import { resolveOptions } from "../../src/options.js";
import { Runs } from "../../src/runs.js";
import { createTransport, type AttemptHooks } from "../../src/transport.js";
import { PACED_429_RETRIES, sharedPacer } from "../../src/with-hooks.js";
import { KEY, rejection } from "../support/client.js";
import { sequence, startServer, status } from "../support/scripted-server.js";

describe("free 429 retries behind a shared pacer", () => {
  it("stop after PACED_429_RETRIES, then count against maxRetries", async () => {
    const server = await startServer(status(429, "slow", { "retry-after-ms": "0" }));
    const transport = createTransport(
      resolveOptions({ apiKey: KEY, baseUrl: server.url, maxRetries: 1, retryBaseDelayMs: 0 }),
    );
    const passThrough: AttemptHooks = { beforeAttempt: () => 1, afterAttempt: () => undefined };
    const error = await rejection(new Runs(transport, sharedPacer(passThrough)).get("t", "r"));
    expect(error).toBeInstanceOf(RateLimitError);
    // The first attempt, the free retries, then the one retry maxRetries allows.
    expect(server.requests).toHaveLength(1 + PACED_429_RETRIES + 1);
  });

  it("count only the free ones: a 503 before them does not shorten the 429 allowance", async () => {
    const server = await startServer(
      sequence(status(503), status(429, "slow", { "retry-after-ms": "0" })),
    );
    const transport = createTransport(
      resolveOptions({ apiKey: KEY, baseUrl: server.url, maxRetries: 1, retryBaseDelayMs: 0 }),
    );
    const passThrough: AttemptHooks = { beforeAttempt: () => 1, afterAttempt: () => undefined };
    const error = await rejection(new Runs(transport, sharedPacer(passThrough)).get("t", "r"));
    expect(error).toBeInstanceOf(RateLimitError);
    // The 503 (its retry counted), the free retries, then the 429 that maxRetries no longer allows.
    expect(server.requests).toHaveLength(1 + PACED_429_RETRIES + 1);
  });
});
