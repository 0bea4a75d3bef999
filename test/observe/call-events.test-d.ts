/**
 * The call fields at the type level: `callId` on every event, `final` on `onResponse` and
 * `onRetry` events (not on `onRequest`, where the attempt has not ended), and the OpenTelemetry
 * example's hooks fit `createClient`.
 */
import type { Tracer } from "@opentelemetry/api";
import { describe, expectTypeOf, it } from "vitest";
import { tracingHooks } from "../../examples/opentelemetry.js";
import { createClient } from "../../src/index.js";
import type { ClientHooks, RequestEvent, ResponseEvent, RetryEvent } from "../../src/index.js";

describe("call fields", () => {
  it("callId is a number on every event; final a boolean once an attempt has ended", () => {
    expectTypeOf<RequestEvent["callId"]>().toEqualTypeOf<number>();
    expectTypeOf<ResponseEvent["callId"]>().toEqualTypeOf<number>();
    expectTypeOf<RetryEvent["callId"]>().toEqualTypeOf<number>();
    expectTypeOf<ResponseEvent["final"]>().toEqualTypeOf<boolean>();
    expectTypeOf<RetryEvent["final"]>().toEqualTypeOf<boolean>();
    const onRequest = (event: RequestEvent) => {
      // @ts-expect-error: a request has not ended, so it is not final or not
      void event.final;
    };
    void onRequest;
  });

  it("tracingHooks(tracer) is a ClientHooks that createClient takes", () => {
    expectTypeOf(tracingHooks).parameter(0).toEqualTypeOf<Tracer>();
    expectTypeOf(tracingHooks).returns.toEqualTypeOf<ClientHooks>();
    const tracer = {} as Tracer;
    createClient({ apiKey: "k", hooks: tracingHooks(tracer) });
  });
});
