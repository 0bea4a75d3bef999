/**
 * The options types at the type level: every key of every options type accepts explicit
 * `undefined` under `exactOptionalPropertyTypes` (so a value read from the environment passes as it
 * is), and a wrong type or a misspelt key does not compile.
 */
import { describe, expectTypeOf, it } from "vitest";
import { createClient } from "../../src/index.js";
import type { ClientOptions, RequestOptions, ThreadRunClient } from "../../src/index.js";
import { nodeHttp, type NodeHttpOptions } from "../../src/node/index.js";

/** Every key of `T`, present and set to `undefined`. */
type AllUndefined<T> = { [K in keyof T]-?: undefined };

declare const client: ThreadRunClient;
declare const fromEnv: string | undefined;

describe("options types accept explicit undefined for every key", () => {
  it("ClientOptions", () => {
    expectTypeOf<AllUndefined<ClientOptions>>().toMatchTypeOf<ClientOptions>();
    expectTypeOf(createClient).toBeCallableWith({ apiKey: fromEnv, baseUrl: fromEnv });
  });

  it("RequestOptions", () => {
    expectTypeOf<AllUndefined<RequestOptions>>().toMatchTypeOf<RequestOptions>();
    expectTypeOf(client.runs.get).toBeCallableWith("t", "r", {
      signal: undefined,
      timeoutMs: undefined,
      maxRetries: undefined,
      headers: undefined,
    });
  });

  it("NodeHttpOptions", () => {
    expectTypeOf<AllUndefined<NodeHttpOptions>>().toMatchTypeOf<NodeHttpOptions>();
    expectTypeOf(nodeHttp).toBeCallableWith({
      maxSockets: undefined,
      httpAgent: undefined,
      httpsAgent: undefined,
    });
  });

  it("a header value may be undefined (left out), on the client and per call", () => {
    expectTypeOf<{ headers: { "x-tenant": undefined } }>().toMatchTypeOf<ClientOptions>();
    expectTypeOf(createClient).toBeCallableWith({ headers: { "x-tenant": fromEnv } });
    expectTypeOf(client.runs.get).toBeCallableWith("t", "r", { headers: { "x-trace": fromEnv } });
  });
});

describe("a wrong type or key does not compile", () => {
  it("ClientOptions", () => {
    // @ts-expect-error: timeoutMs is a number of ms, not a string
    void createClient({ apiKey: "k", timeoutMs: "1000" });
    // @ts-expect-error: the openai package's spelling; ours is baseUrl
    void createClient({ apiKey: "k", baseURL: "http://127.0.0.1:4010/v1" });
    // @ts-expect-error: maxRetries is a number
    void createClient({ apiKey: "k", maxRetries: "2" });
  });

  it("RequestOptions", () => {
    // @ts-expect-error: timeoutMs is a number of ms, not a string
    void client.runs.get("t", "r", { timeoutMs: "1000" });
    // @ts-expect-error: signal is an AbortSignal, not its controller
    void client.runs.get("t", "r", { signal: new AbortController() });
  });

  it("NodeHttpOptions", () => {
    // @ts-expect-error: maxSockets is a number
    void nodeHttp({ maxSockets: "8" });
    // @ts-expect-error: a misspelt key
    void nodeHttp({ maxSocket: 8 });
  });
});
