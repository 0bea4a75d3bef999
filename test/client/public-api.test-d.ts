import { describe, expectTypeOf, it } from "vitest";
import {
  ApiError,
  BadRequestError,
  RateLimitError,
  ThreadRunError,
  createClient,
  isTerminalStatus,
  responseInfo,
  runFromWire,
  runToWire,
} from "../../src/index.js";
import type {
  ClientOptions,
  ResponseInfo,
  RunPage,
  RunStatus,
  ThreadRun,
  ThreadRunClient,
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
});
