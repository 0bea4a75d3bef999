/**
 * The options of cancelMany and cancelActive are checked completely, at the call, before any
 * request: unknown keys (with the right name when one is close), the bounds of concurrency, the
 * per-request options, and values of the wrong type, each message naming the option, the rule and
 * the value as given.
 */
import { describe, expect, it } from "vitest";
import type { CancelActiveOptions, CancelManyOptions } from "../../src/index.js";
import { clientFor, failure } from "../support/client.js";
import { serve } from "../support/reference-server.js";

async function setup() {
  const server = await serve();
  const [run] = server.createRuns(1, { threadId: "thread_opts", status: "in_progress" });
  const items = [{ threadId: run!.thread_id, runId: run!.id }];
  return { server, client: clientFor(server), items };
}

/** Bad options, the error class and the message each must give. */
const BAD: [string, Record<string, unknown>, typeof TypeError, RegExp][] = [
  [
    "a misspelt key",
    { concurency: 4 },
    TypeError,
    /"concurency" is not an option; did you mean "concurrency"\?/,
  ],
  [
    "another library's spelling",
    { abortSignal: new AbortController().signal },
    TypeError,
    /"abortSignal" is not an option; did you mean "signal"\?/,
  ],
  [
    "concurrency -1",
    { concurrency: -1 },
    RangeError,
    /concurrency must be a whole number from 1 to 1024, got -1/,
  ],
  [
    "concurrency 0",
    { concurrency: 0 },
    RangeError,
    /concurrency must be a whole number from 1 to 1024, got 0/,
  ],
  [
    "concurrency 2e6",
    { concurrency: 2e6 },
    RangeError,
    /concurrency must be a whole number from 1 to 1024, got 2000000/,
  ],
  [
    "concurrency as a string",
    { concurrency: "4" },
    TypeError,
    /concurrency must be a whole number from 1 to 1024, got the string "4"/,
  ],
  [
    "maxRetries 1.5",
    { maxRetries: 1.5 },
    RangeError,
    /maxRetries must be a whole number >= 0, got 1.5/,
  ],
  [
    "onProgress not a function",
    { onProgress: "log" },
    TypeError,
    /onProgress must be a function, got the string "log"/,
  ],
  [
    "signal not a signal",
    { signal: {} },
    TypeError,
    /signal must be an AbortSignal, got an object/,
  ],
  [
    "request.timeoutMs -1",
    { request: { timeoutMs: -1 } },
    RangeError,
    /request\.timeoutMs must be a number of ms > 0, got -1/,
  ],
  [
    "request.timeoutMs as a string",
    { request: { timeoutMs: "1000" } },
    TypeError,
    /request\.timeoutMs must be a number of ms > 0, got the string "1000"/,
  ],
  [
    "an unknown key in request",
    { request: { timeout: 5 } },
    TypeError,
    /request: "timeout" is not an option; did you mean "timeoutMs"\?/,
  ],
  [
    "signal inside request (it goes at the top level)",
    { request: { signal: new AbortController().signal } },
    TypeError,
    /request: "signal" is not an option/,
  ],
  [
    "request not an object",
    { request: "fast" },
    TypeError,
    /request must be an object, got the string "fast"/,
  ],
];

describe("cancelMany options", () => {
  it.each(BAD)("refuses %s at the call, before any request", async (_, options, type, message) => {
    const { server, client, items } = await setup();
    const error = await failure(() => client.runs.cancelMany(items, options as CancelManyOptions));
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toMatch(message);
    expect(server.stats.requests).toBe(0);
  });

  it("refuses options that are not an object, and items that are not iterable", async () => {
    const { client, items } = await setup();
    expect(() => client.runs.cancelMany(items, 16 as unknown as CancelManyOptions)).toThrow(
      /options must be an object, got 16/,
    );
    expect(() => client.runs.cancelMany({} as unknown as typeof items)).toThrow(
      /items must be an array, an iterable or an async iterable/,
    );
  });

  it("accepts explicit undefined for every option", async () => {
    const { server, client, items } = await setup();
    const results = [];
    for await (const r of client.runs.cancelMany(items, {
      concurrency: undefined,
      signal: undefined,
      onProgress: undefined,
      maxRetries: undefined,
      request: undefined,
    })) {
      results.push(r);
    }
    expect(results.map((r) => r.ok)).toEqual([true]);
    expect(server.stats.requests).toBe(1);
  });

  it("takes the largest concurrency for two items without trouble", async () => {
    const { client, items } = await setup();
    const results = [];
    for await (const r of client.runs.cancelMany(items, { concurrency: 1024 })) results.push(r);
    expect(results).toHaveLength(1);
  });
});

describe("cancelActive options", () => {
  it.each(BAD)("refuses %s at the call, before any request", async (_, options, type, message) => {
    const { server, client } = await setup();
    const error = await failure(() =>
      client.runs.cancelActive("thread_opts", options as CancelActiveOptions),
    );
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toMatch(message);
    expect(server.stats.requests).toBe(0);
  });

  it.each([
    [
      "intervalMs as a string",
      { intervalMs: "10" },
      TypeError,
      /intervalMs must be a number of ms > 0, got the string "10"/,
    ],
    [
      "timeoutMs as a string",
      { timeoutMs: "1000" },
      TypeError,
      /timeoutMs must be a number of ms > 0, got the string "1000"/,
    ],
    [
      "maxIntervalMs 0",
      { maxIntervalMs: 0 },
      RangeError,
      /maxIntervalMs must be a number of ms > 0, got 0/,
    ],
    ["onStatus not a function", { onStatus: 1 }, TypeError, /onStatus must be a function, got 1/],
  ] as const)("refuses %s (a wait option) at the call", async (_, options, type, message) => {
    const { server, client } = await setup();
    const error = await failure(() =>
      client.runs.cancelActive("thread_opts", options as unknown as CancelActiveOptions),
    );
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toMatch(message);
    expect(server.stats.requests).toBe(0);
  });
});
