/**
 * What cancelMany and cancelActive refuse at the call, each message saying which call, which
 * argument or option, the rule and the value as given: a misspelt option names the method it was
 * passed to, `maxRequestsPerSecond` is checked like the others, and `items` that are not iterable
 * (null, a string) are refused as such, not with a JavaScript error about the `in` operator.
 */
import { describe, expect, it } from "vitest";
import type { CancelActiveOptions, CancelItem, CancelManyOptions } from "../../src/index.js";
import { clientFor, failure } from "../support/client.js";
import { serve } from "../support/reference-server.js";

async function setup() {
  const server = await serve();
  const [run] = server.createRuns(1, { threadId: "thread_checks", status: "in_progress" });
  const items: CancelItem[] = [{ threadId: run!.thread_id, runId: run!.id }];
  return { server, client: clientFor(server), items };
}

describe("checks at the call", () => {
  it("a misspelt option names the method it was given to", async () => {
    const { server, client, items } = await setup();
    const many = await failure(() =>
      client.runs.cancelMany(items, { concurency: 2 } as unknown as CancelManyOptions),
    );
    expect((many as Error).message).toMatch(/^cancelMany: "concurency" is not an option/);
    const active = await failure(() =>
      client.runs.cancelActive("thread_checks", {
        concurency: 2,
      } as unknown as CancelActiveOptions),
    );
    expect((active as Error).message).toMatch(/^cancelActive: "concurency" is not an option/);
    expect(server.stats.requests).toBe(0);
  });

  it.each([
    [0, RangeError, /maxRequestsPerSecond must be a finite number > 0, got 0/],
    ["10", TypeError, /maxRequestsPerSecond must be a finite number > 0, got the string "10"/],
  ] as const)("refuses maxRequestsPerSecond %j, naming it", async (value, type, message) => {
    const { server, client, items } = await setup();
    const options = { maxRequestsPerSecond: value } as unknown as CancelManyOptions;
    for (const call of [
      () => client.runs.cancelMany(items, options),
      () => client.runs.cancelActive("thread_checks", options),
    ]) {
      const error = await failure(call);
      expect(error).toBeInstanceOf(type);
      expect((error as Error).message).toMatch(message);
    }
    expect(server.stats.requests).toBe(0);
  });

  it.each([
    [
      null,
      /items must be an array, an iterable or an async iterable of \{ threadId, runId \}, got null/,
    ],
    [
      "run_1",
      /items must be an array, an iterable or an async iterable of \{ threadId, runId \}, got the string "run_1"/,
    ],
  ] as const)("refuses items %j at the call", async (items, message) => {
    const { server, client } = await setup();
    const error = await failure(() => client.runs.cancelMany(items as unknown as CancelItem[]));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(message);
    expect(server.stats.requests).toBe(0);
  });
});
