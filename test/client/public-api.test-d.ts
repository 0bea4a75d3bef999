import { describe, expectTypeOf, it } from "vitest";
import {
  ApiError,
  BadRequestError,
  CancelActiveError,
  RateLimitError,
  ThreadRunError,
  createClient,
  isTerminalStatus,
  responseInfo,
  runFromWire,
  runToWire,
} from "../../src/index.js";
import type * as threadrun from "../../src/index.js";
import type {
  CancelActiveFailure,
  CancelActiveOptions,
  CancelItem,
  CancelManyOptions,
  CancelResult,
  ClientOptions,
  ListRunsOptions,
  RequestOptions,
  ResponseInfo,
  RunPage,
  Runs,
  RunStatus,
  ThreadRun,
  ThreadRunClient,
  WaitOptions,
  WireRun,
} from "../../src/index.js";

declare const client: ThreadRunClient;
declare const signal: AbortSignal;

describe("the public API, at the type level", () => {
  it("cancel, get and list resolve with ThreadRun", () => {
    expectTypeOf(createClient).returns.toEqualTypeOf<ThreadRunClient>();
    expectTypeOf(client.runs.cancel).returns.resolves.toEqualTypeOf<ThreadRun>();
    expectTypeOf(client.runs.get).returns.resolves.toEqualTypeOf<ThreadRun>();
    expectTypeOf(client.runs.cancel).parameters.toEqualTypeOf<
      [threadId: string, runId: string, options?: Parameters<typeof client.runs.cancel>[2]]
    >();
    const list = client.runs.list("thread_1", { limit: 10, order: "asc" });
    expectTypeOf(list).toMatchTypeOf<AsyncIterable<ThreadRun>>();
    expectTypeOf(list.all).returns.resolves.toEqualTypeOf<ThreadRun[]>();
    expectTypeOf(list.pages).returns.toEqualTypeOf<AsyncIterableIterator<RunPage>>();
  });

  it("ThreadRun has Date timestamps and camelCase names", () => {
    expectTypeOf<ThreadRun["createdAt"]>().toEqualTypeOf<Date>();
    expectTypeOf<ThreadRun["cancelledAt"]>().toEqualTypeOf<Date | null>();
    expectTypeOf<ThreadRun["completedAt"]>().toEqualTypeOf<Date | null>();
    expectTypeOf<ThreadRun["threadId"]>().toEqualTypeOf<string>();
    expectTypeOf<ThreadRun["metadata"]>().toEqualTypeOf<Record<string, string> | null>();
    expectTypeOf<ThreadRun>().not.toHaveProperty("created_at");
    expectTypeOf<WireRun["created_at"]>().toEqualTypeOf<number>();
  });

  it("status accepts the known literals and stays open for new ones", () => {
    expectTypeOf<"cancelling">().toMatchTypeOf<RunStatus>();
    expectTypeOf<"cancelled">().toMatchTypeOf<RunStatus>();
    expectTypeOf<"requires_action">().toMatchTypeOf<RunStatus>();
    expectTypeOf<ThreadRun["status"]>().toEqualTypeOf<RunStatus>();
    expectTypeOf(isTerminalStatus).parameter(0).toEqualTypeOf<RunStatus>();
    const status: RunStatus = "in_progress";
    expectTypeOf(status).toMatchTypeOf<string>();
  });

  it("helpers and errors", () => {
    expectTypeOf(runFromWire).returns.toEqualTypeOf<ThreadRun>();
    expectTypeOf(runToWire).returns.toEqualTypeOf<WireRun>();
    expectTypeOf(responseInfo).returns.toEqualTypeOf<ResponseInfo | undefined>();
    expectTypeOf<ResponseInfo["requestId"]>().toEqualTypeOf<string | null>();
    expectTypeOf<BadRequestError>().toMatchTypeOf<ApiError>();
    expectTypeOf<ApiError>().toMatchTypeOf<ThreadRunError>();
    expectTypeOf<RateLimitError["retryAfterMs"]>().toEqualTypeOf<number | null>();
    expectTypeOf<ApiError["requestId"]>().toEqualTypeOf<string | null>();
    expectTypeOf<ApiError["status"]>().toEqualTypeOf<number>();
  });

  it("apiKey is a string, a (sync or async) token function, or null", () => {
    expectTypeOf<{ apiKey: () => Promise<string> }>().toMatchTypeOf<ClientOptions>();
    expectTypeOf<{ apiKey: () => string }>().toMatchTypeOf<ClientOptions>();
    expectTypeOf<{ apiKey: null }>().toMatchTypeOf<ClientOptions>();
    expectTypeOf<{ apiKey: 42 }>().not.toMatchTypeOf<ClientOptions>();
  });

  it("misuse does not compile", () => {
    // @ts-expect-error: the options object where the run id goes (the openai v5 argument order)
    void client.runs.cancel("thread_1", { signal });
    // @ts-expect-error: the options object where the run id goes, on get too
    void client.runs.get("thread_1", { signal });
    // @ts-expect-error: a run id is a string, not a number
    void client.runs.cancel("thread_1", 123);
    // @ts-expect-error: a thread id is a string, not a number
    void client.runs.get(1, "run_1");
    // @ts-expect-error: the run id is required
    void client.runs.cancel("thread_1");
    // @ts-expect-error: unknown option keys on createClient
    void createClient({ apiKey: "k", retries: 3 });
    // @ts-expect-error: misspelled option on a call
    void client.runs.cancel("thread_1", "run_1", { timeout: 5 });
    // @ts-expect-error: limit is a number
    void client.runs.list("thread_1", { limit: "10" });
    // @ts-expect-error: order is asc or desc
    void client.runs.list("thread_1", { order: "newest" });
    // @ts-expect-error: apiKey is not a number
    void createClient({ apiKey: 42 });
    // @ts-expect-error: a header value is a string or null
    void createClient({ apiKey: "k", headers: { "x-n": 1 } });
    // @ts-expect-error: ThreadRun has no such field (no index signature hides typos)
    void runFromWire({}).nonexistent;
  });

  it("client.runs is a Runs, a type only: instances come from createClient", () => {
    expectTypeOf(client.runs).toEqualTypeOf<Runs>();
    expectTypeOf<typeof threadrun>().not.toHaveProperty("Runs");
    expectTypeOf<typeof threadrun>().not.toHaveProperty("RunsClient");
    // The retry machinery is internal: no option takes a policy, and RateLimitError carries the wait.
    expectTypeOf<typeof threadrun>().not.toHaveProperty("decideRetry");
    expectTypeOf<typeof threadrun>().not.toHaveProperty("retryAfterMs");
  });

  it("wait, cancelAndWait, cancelActive and cancelMany", () => {
    expectTypeOf(client.runs.wait).returns.resolves.toEqualTypeOf<ThreadRun>();
    expectTypeOf(client.runs.cancelAndWait).returns.resolves.toEqualTypeOf<ThreadRun>();
    expectTypeOf(client.runs.cancelActive).returns.resolves.toEqualTypeOf<ThreadRun[]>();
    const items = [{ threadId: "t", runId: "r", row: 1 }];
    const results = client.runs.cancelMany(items);
    expectTypeOf(results).toMatchTypeOf<AsyncIterable<CancelResult<(typeof items)[number]>>>();
    type Result = CancelResult<CancelItem & { row: number }>;
    expectTypeOf<Extract<Result, { ok: true }>["run"]>().toEqualTypeOf<ThreadRun>();
    expectTypeOf<Extract<Result, { ok: false }>["sent"]>().toEqualTypeOf<boolean>();
    expectTypeOf<Result["item"]["row"]>().toEqualTypeOf<number>();
    expectTypeOf<CancelActiveError["stopped"]>().toEqualTypeOf<ThreadRun[]>();
    expectTypeOf<CancelActiveError["failures"]>().toEqualTypeOf<CancelActiveFailure[]>();
    expectTypeOf<CancelActiveFailure>().toEqualTypeOf<{ runId: string; error: unknown }>();
    expectTypeOf<CancelActiveError>().toMatchTypeOf<ThreadRunError>();
    // Callbacks may be async.
    void client.runs.wait("t", "r", { onStatus: async () => {} });
    void client.runs.cancelMany(items, { onProgress: async () => {} });
  });

  it("every options type accepts explicit undefined for every key", () => {
    const wait: Required<{ [K in keyof WaitOptions]: undefined }> = {
      intervalMs: undefined,
      maxIntervalMs: undefined,
      timeoutMs: undefined,
      signal: undefined,
      onStatus: undefined,
      request: undefined,
    };
    expectTypeOf(wait).toMatchTypeOf<WaitOptions>();
    const many: Required<{ [K in keyof CancelManyOptions]: undefined }> = {
      concurrency: undefined,
      signal: undefined,
      onProgress: undefined,
      maxRetries: undefined,
      request: undefined,
      maxRequestsPerSecond: undefined,
    };
    expectTypeOf(many).toMatchTypeOf<CancelManyOptions>();
    const active: Required<{ [K in keyof CancelActiveOptions]: undefined }> = {
      ...wait,
      ...many,
    };
    expectTypeOf(active).toMatchTypeOf<CancelActiveOptions>();
    const list: Required<{ [K in keyof ListRunsOptions]: undefined }> = {
      limit: undefined,
      order: undefined,
      after: undefined,
      before: undefined,
      signal: undefined,
      timeoutMs: undefined,
      maxRetries: undefined,
      headers: undefined,
    };
    expectTypeOf(list).toMatchTypeOf<ListRunsOptions>();
    expectTypeOf<{ timeoutMs: undefined }>().toMatchTypeOf<RequestOptions>();
    void client.runs.cancelMany([], { concurrency: undefined, request: { timeoutMs: undefined } });
    void client.runs.cancelActive("t", { concurrency: undefined, intervalMs: undefined });
    void client.runs.wait("t", "r", { timeoutMs: undefined, request: { headers: undefined } });
    void client.runs.list("t", { limit: undefined, order: undefined });
  });

  it("wrong option types do not compile", () => {
    // @ts-expect-error: concurrency is a number
    void client.runs.cancelMany([], { concurrency: "4" });
    // @ts-expect-error: the signal goes at the top level, not in request
    void client.runs.cancelMany([], { request: { signal } });
    // @ts-expect-error: maxRetries goes at the top level, not in request
    void client.runs.cancelMany([], { request: { maxRetries: 2 } });
    // @ts-expect-error: misspelt option
    void client.runs.cancelMany([], { concurency: 4 });
    // @ts-expect-error: timeoutMs is a number of ms
    void client.runs.wait("t", "r", { timeoutMs: "1000" });
    // @ts-expect-error: onStatus is a function
    void client.runs.cancelAndWait("t", "r", { onStatus: true });
    // @ts-expect-error: intervalMs is a number of ms
    void client.runs.cancelActive("t", { intervalMs: "10" });
    // @ts-expect-error: an item needs a runId
    void client.runs.cancelMany([{ threadId: "t" }]);
  });
});
