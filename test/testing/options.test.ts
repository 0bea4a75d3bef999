/**
 * startRunsServer checks its options completely before it listens: unknown keys (with the name
 * meant), and every value, in messages that name the option and quote the value as given.
 */
import { describe, expect, it } from "vitest";
import { startRunsServer, type RunsServerOptions } from "../../src/testing/index.js";
import { failure } from "../support/client.js";
import { call, serve } from "../support/reference-server.js";

/** What startRunsServer fails with for `options` (typed loosely: these are the mistakes). */
const refusal = (options: unknown) =>
  failure(() => startRunsServer(options as RunsServerOptions)) as Promise<Error>;

describe("RunsServerOptions are checked", () => {
  it.each([
    [{ apikey: "k" }, `startRunsServer: "apikey" is not an option; did you mean "apiKey"?`],
    [{ latency: 5 }, `startRunsServer: "latency" is not an option; did you mean "latencyMs"?`],
    [{ cancelDelay: 5 }, `did you mean "cancelDelayMs"?`],
    [{ rateLimit: { rps: 5 } }, `startRunsServer: rateLimit: "rps" is not an option`],
    [
      { rateLimit: { requestsPerSecond: 5, bursts: 5 } },
      `startRunsServer: rateLimit: "bursts" is not an option; did you mean "burst"?`,
    ],
    [
      { chaos: { errorrate: 0.1 } },
      `startRunsServer: chaos: "errorrate" is not an option; did you mean "errorRate"?`,
    ],
  ])("refuses the unknown key in %j", async (options, message) => {
    const error = await refusal(options);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain(message);
  });

  it.each([
    ["x", TypeError, `startRunsServer options must be an object, got the string "x"`],
    [{ host: "" }, TypeError, `host must be a non-empty string, got the string ""`],
    [{ port: 70_000 }, RangeError, "port must be a whole number from 0 to 65535, got 70000"],
    [
      { port: "8080" },
      TypeError,
      `port must be a whole number from 0 to 65535, got the string "8080"`,
    ],
    [{ apiKey: 42 }, TypeError, "apiKey must be a non-empty string or null, got 42"],
    [{ apiKey: "" }, TypeError, `apiKey must be a non-empty string or null, got the string ""`],
    [{ apiVersion: "" }, TypeError, `apiVersion must be a non-empty string, got the string ""`],
    [{ cancelDelayMs: -1 }, RangeError, "cancelDelayMs must be a number of ms >= 0, got -1"],
    [{ latencyMs: Number.NaN }, RangeError, "latencyMs must be a number of ms >= 0, got NaN"],
    [{ latencyMs: "5" }, TypeError, `latencyMs must be a number of ms >= 0, got the string "5"`],
    [{ pollAfterMs: -5 }, RangeError, "pollAfterMs must be a number of ms >= 0, got -5"],
    [
      { recordRequests: "yes" },
      TypeError,
      `recordRequests must be true or false, got the string "yes"`,
    ],
    [
      { maxRecordedRequests: 1.5 },
      RangeError,
      "maxRecordedRequests must be a whole number >= 0, got 1.5",
    ],
    [{ rateLimit: 100 }, TypeError, "rateLimit must be an object, got 100"],
    [
      { rateLimit: {} },
      TypeError,
      "rateLimit.requestsPerSecond must be a number > 0, got undefined",
    ],
    [
      { rateLimit: { requestsPerSecond: 0 } },
      RangeError,
      "rateLimit.requestsPerSecond must be a number > 0, got 0",
    ],
    [
      { rateLimit: { requestsPerSecond: 5, burst: 0 } },
      RangeError,
      "rateLimit.burst must be a whole number >= 1, got 0",
    ],
    [
      { chaos: { errorRate: 2 } },
      RangeError,
      "chaos.errorRate must be a number from 0 to 1, got 2",
    ],
    [
      { chaos: { resetRate: "0.1" } },
      TypeError,
      `chaos.resetRate must be a number from 0 to 1, got the string "0.1"`,
    ],
    [
      { chaos: { errorRate: 0.8, resetRate: 0.5 } },
      RangeError,
      "chaos.errorRate + chaos.resetRate must be at most 1, got 0.8 + 0.5",
    ],
    [
      { chaos: { seed: -1 } },
      RangeError,
      "chaos.seed must be a whole number from 0 to 4294967295, got -1",
    ],
  ] as const)("refuses %j", async (options, type, message) => {
    const error = await refusal(options);
    expect(error).toBeInstanceOf(type);
    expect(error.message).toBe(message);
  });

  it("takes every key as an explicit undefined, meaning its default", async () => {
    const server = await serve({
      host: undefined,
      port: undefined,
      apiVersion: undefined,
      cancelDelayMs: undefined,
      latencyMs: undefined,
      rateLimit: undefined,
      pollAfterMs: undefined,
      chaos: undefined,
      recordRequests: undefined,
      maxRecordedRequests: undefined,
    });
    const { id, thread_id } = server.createRun();
    const res = await call(server, `/threads/${thread_id}/runs/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("openai-poll-after-ms")).toBeNull();
    expect(server.requests).toHaveLength(1);

    const defaults = await startRunsServer({ apiKey: undefined });
    try {
      expect((await call(defaults, "/threads/t/runs", { key: "test-key" })).status).not.toBe(401);
      expect((await call(defaults, "/threads/t/runs", { key: "other" })).status).toBe(401);
    } finally {
      await defaults.close();
    }
  });

  it("nested options take undefined too: burst defaults to the rate, chaos rates to 0", async () => {
    const server = await serve({
      rateLimit: { requestsPerSecond: 2, burst: undefined },
      chaos: { errorRate: undefined, resetRate: undefined, seed: undefined },
    });
    server.createRun({ threadId: "t" });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(server, "/threads/t/runs")).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});
