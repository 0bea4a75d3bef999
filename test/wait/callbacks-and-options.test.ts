/**
 * `wait` and `cancelAndWait`: a throwing or rejecting onStatus rejects the call with its error (no
 * unhandled rejection, no poll after it); their options are checked completely at the call.
 */
import { describe, expect, it } from "vitest";
import type { WaitOptions } from "../../src/index.js";
import { clientFor, failure, rejection } from "../support/client.js";
import { requestsTo, serve } from "../support/reference-server.js";
import { sleep } from "../support/time.js";
import { watchUnhandledRejections } from "../support/unhandled.js";

const boom = new Error("status display broke");
const CALLBACKS = [
  [
    "throws",
    (): void => {
      throw boom;
    },
  ],
  [
    "returns a rejected promise",
    async (): Promise<void> => {
      throw boom;
    },
  ],
] as const;

describe("onStatus that fails", () => {
  it.each(CALLBACKS)(
    "wait: an onStatus that %s rejects the wait with its error",
    async (_, fail) => {
      const unhandled = watchUnhandledRejections();
      const server = await serve();
      const run = server.createRun({ status: "in_progress" });
      const error = await rejection(
        clientFor(server).runs.wait(run.thread_id, run.id, { intervalMs: 10, onStatus: fail }),
      );
      expect(error).toBe(boom);
      // No poll after the first: the wait ended there.
      await sleep(60);
      expect(requestsTo(server, "GET", `/runs/${run.id}`)).toHaveLength(1);
      await unhandled.expectNone();
    },
  );

  it.each(CALLBACKS)(
    "cancelAndWait: an onStatus that %s rejects with its error (the cancel was sent)",
    async (_, fail) => {
      const unhandled = watchUnhandledRejections();
      const server = await serve({ cancelDelayMs: 50 });
      const run = server.createRun({ status: "in_progress" });
      const error = await rejection(
        clientFor(server).runs.cancelAndWait(run.thread_id, run.id, {
          intervalMs: 10,
          onStatus: fail,
        }),
      );
      expect(error).toBe(boom);
      expect(requestsTo(server, "POST", "/cancel")).toHaveLength(1);
      await unhandled.expectNone();
    },
  );

  it("an async onStatus is awaited before the next poll", async () => {
    const server = await serve();
    const run = server.createRun({ status: "in_progress" });
    const events: string[] = [];
    await clientFor(server).runs.wait(run.thread_id, run.id, {
      intervalMs: 5,
      onStatus: async (r) => {
        events.push(`start ${r.status}`);
        // The next poll would see the run completed: it must wait until this callback is done.
        if (r.status === "in_progress") server.setStatus(run.thread_id, run.id, "completed");
        await sleep(80);
        events.push(`end ${r.status}`);
      },
    });
    expect(events).toEqual([
      "start in_progress",
      "end in_progress",
      "start completed",
      "end completed",
    ]);
  });
});

const BAD: [string, Record<string, unknown>, typeof TypeError, RegExp][] = [
  [
    "a misspelt key",
    { intervalMS: 10 },
    TypeError,
    /"intervalMS" is not an option; did you mean "intervalMs"\?/,
  ],
  ["another library's name", { pollIntervalMs: 10 }, TypeError, /did you mean "intervalMs"\?/],
  [
    "timeoutMs as a string",
    { timeoutMs: "1000" },
    TypeError,
    /timeoutMs must be a number of ms > 0, got the string "1000"/,
  ],
  [
    "intervalMs -1",
    { intervalMs: -1 },
    RangeError,
    /intervalMs must be a number of ms > 0, got -1/,
  ],
  [
    "maxIntervalMs NaN",
    { maxIntervalMs: Number.NaN },
    RangeError,
    /maxIntervalMs must be a number of ms > 0, got NaN/,
  ],
  [
    "onStatus not a function",
    { onStatus: "log" },
    TypeError,
    /onStatus must be a function, got the string "log"/,
  ],
  [
    "signal not a signal",
    { signal: "stop" },
    TypeError,
    /signal must be an AbortSignal, got the string "stop"/,
  ],
  [
    "request.maxRetries -1",
    { request: { maxRetries: -1 } },
    RangeError,
    /request\.maxRetries must be a whole number >= 0, got -1/,
  ],
  [
    "request.timeout",
    { request: { timeout: 5 } },
    TypeError,
    /request: "timeout" is not an option; did you mean "timeoutMs"\?/,
  ],
  [
    "request.signal",
    { request: { signal: new AbortController().signal } },
    TypeError,
    /request: "signal" is not an option/,
  ],
  [
    "request.headers with a bad value",
    { request: { headers: { "x-n": 1 } } },
    TypeError,
    /request\.headers: header "x-n" must be a string or null/,
  ],
];

describe("wait options", () => {
  it.each(BAD)("wait refuses %s at the call", async (_, options, type, message) => {
    const server = await serve();
    const run = server.createRun({ status: "in_progress" });
    const client = clientFor(server);
    const error = await failure(() =>
      client.runs.wait(run.thread_id, run.id, options as WaitOptions),
    );
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toMatch(message);
    expect(server.stats.requests).toBe(0);
  });

  it.each(BAD)(
    "cancelAndWait refuses %s before sending the cancel",
    async (_, options, type, message) => {
      const server = await serve();
      const run = server.createRun({ status: "in_progress" });
      const client = clientFor(server);
      expect(() =>
        client.runs.cancelAndWait(run.thread_id, run.id, options as WaitOptions),
      ).toThrow(type);
      expect(() =>
        client.runs.cancelAndWait(run.thread_id, run.id, options as WaitOptions),
      ).toThrow(message);
      expect(server.stats.requests).toBe(0);
      expect(server.run(run.thread_id, run.id)?.status).toBe("in_progress");
    },
  );

  it("accepts explicit undefined for every option", async () => {
    const server = await serve();
    const run = server.createRun({ status: "completed" });
    const result = await clientFor(server).runs.wait(run.thread_id, run.id, {
      intervalMs: undefined,
      maxIntervalMs: undefined,
      timeoutMs: undefined,
      signal: undefined,
      onStatus: undefined,
      request: undefined,
    });
    expect(result.status).toBe("completed");
  });

  it("options that are not an object are refused", async () => {
    const server = await serve();
    const client = clientFor(server);
    expect(() => client.runs.wait("thread_1", "run_1", 500 as unknown as WaitOptions)).toThrow(
      /options must be an object, got 500/,
    );
  });
});

describe("list options", () => {
  it.each([
    ["a misspelt key", { limt: 10 }, TypeError, /"limt" is not an option; did you mean "limit"\?/],
    [
      "timeoutMs as a string",
      { timeoutMs: "1000" },
      TypeError,
      /timeoutMs must be a number of ms > 0, got the string "1000"/,
    ],
    [
      "maxRetries -1",
      { maxRetries: -1 },
      RangeError,
      /maxRetries must be a whole number >= 0, got -1/,
    ],
  ] as const)("list refuses %s at the call", async (_, options, type, message) => {
    const server = await serve();
    const client = clientFor(server);
    const error = await failure(() => client.runs.list("thread_1", options as never));
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toMatch(message);
    expect(server.stats.requests).toBe(0);
  });
});
