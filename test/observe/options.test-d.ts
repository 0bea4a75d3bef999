/**
 * The logging and hook options at the type level: each hook receives its event type, events are
 * exported, `console` fits `logger`, and a misspelt hook, a level not in the list or a logger
 * missing a method does not compile.
 */
import { describe, expectTypeOf, it } from "vitest";
import { createClient } from "../../src/index.js";
import type {
  AttemptRecord,
  ClientHooks,
  DelaySource,
  LogLevel,
  Logger,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
} from "../../src/index.js";

describe("logging and hooks types", () => {
  it("each hook receives its event", () => {
    expectTypeOf<
      Parameters<NonNullable<ClientHooks["onRequest"]>>[0]
    >().toEqualTypeOf<RequestEvent>();
    expectTypeOf<
      Parameters<NonNullable<ClientHooks["onResponse"]>>[0]
    >().toEqualTypeOf<ResponseEvent>();
    expectTypeOf<Parameters<NonNullable<ClientHooks["onRetry"]>>[0]>().toEqualTypeOf<RetryEvent>();
    createClient({
      hooks: {
        onRequest: (event) => {
          expectTypeOf(event.attempt).toEqualTypeOf<number>();
          expectTypeOf(event.retryCount).toEqualTypeOf<number>();
          expectTypeOf(event.url).toEqualTypeOf<string>();
        },
        onResponse: (event) => {
          expectTypeOf(event.status).toEqualTypeOf<number | undefined>();
          expectTypeOf(event.requestId).toEqualTypeOf<string | null>();
          expectTypeOf(event.durationMs).toEqualTypeOf<number>();
        },
        onRetry: (event) => {
          expectTypeOf(event.delayMs).toEqualTypeOf<number>();
          expectTypeOf(event.delaySource).toEqualTypeOf<DelaySource>();
          expectTypeOf(event.reason).toEqualTypeOf<{ status: number } | { error: string }>();
        },
      },
    });
  });

  it("console fits logger, and the levels are the five names", () => {
    expectTypeOf(console).toMatchTypeOf<Logger>();
    expectTypeOf<LogLevel>().toEqualTypeOf<"off" | "error" | "warn" | "info" | "debug">();
    createClient({ logger: console, logLevel: "debug" });
  });

  it("history entries are plain data", () => {
    expectTypeOf<AttemptRecord["status"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<AttemptRecord["waitedMs"]>().toEqualTypeOf<number>();
  });

  it("mistakes do not compile", () => {
    // @ts-expect-error: onRetyr is not a hook
    createClient({ hooks: { onRetyr: () => {} } });
    // @ts-expect-error: "verbose" is not a level
    createClient({ logLevel: "verbose" });
    // @ts-expect-error: a logger needs debug, info, warn and error
    createClient({ logger: { info() {}, warn() {}, error() {} } });
  });
});
