import { describe, expectTypeOf, it } from "vitest";
import { startRunsServer } from "../../src/testing/index.js";
import type { ChaosOptions, RateLimitOptions, RunsServerOptions } from "../../src/testing/index.js";

/** Every key of `T` present with the value `undefined`. */
type AllUndefined<T> = { [K in keyof Required<T>]: undefined };

describe("RunsServerOptions at the type level", () => {
  it("every key accepts an explicit undefined (exactOptionalPropertyTypes)", () => {
    expectTypeOf<AllUndefined<RunsServerOptions>>().toMatchTypeOf<RunsServerOptions>();
    // requestsPerSecond is the one required field; the optional one takes undefined.
    expectTypeOf<{
      requestsPerSecond: number;
      burst: undefined;
    }>().toMatchTypeOf<RateLimitOptions>();
    expectTypeOf<AllUndefined<ChaosOptions>>().toMatchTypeOf<ChaosOptions>();

    // Values read from the environment pass as they are.
    const port = process.env["PORT"] === undefined ? undefined : Number(process.env["PORT"]);
    const options: RunsServerOptions = {
      host: undefined,
      port,
      apiKey: undefined,
      apiVersion: undefined,
      cancelDelayMs: undefined,
      latencyMs: undefined,
      rateLimit: { requestsPerSecond: 10, burst: undefined },
      pollAfterMs: undefined,
      chaos: { errorRate: undefined, resetRate: undefined, seed: undefined },
      recordRequests: undefined,
      maxRecordedRequests: undefined,
    };
    expectTypeOf(startRunsServer).parameter(0).toEqualTypeOf<RunsServerOptions | undefined>();
    void options;
  });

  it("refuses a misspelt key, a wrong value type, and a rate limit without its rate", () => {
    // @ts-expect-error `apikey` is not an option (it is `apiKey`)
    const misspelt: RunsServerOptions = { apikey: "k" };
    // @ts-expect-error latencyMs is a number of ms
    const wrongType: RunsServerOptions = { latencyMs: "5" };
    // @ts-expect-error requestsPerSecond is required
    const noRate: RunsServerOptions = { rateLimit: { burst: 5 } };
    // null is how the key check is turned off; it is not "undefined".
    const open: RunsServerOptions = { apiKey: null };
    void [misspelt, wrongType, noRate, open];
  });
});
