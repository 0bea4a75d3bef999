/**
 * Reading what a server says about its limit: OpenAI's x-ratelimit-* on every answer (the reset a
 * Go duration), gateways' generic x-ratelimit-*, and how precise a 429's wait is.
 */
import { describe, expect, it } from "vitest";
import { goDuration as formatGoDuration } from "../../bench/lib/limiters.js";
import { goDuration, readRateHeaders } from "../../src/rate-headers.js";

describe("goDuration", () => {
  it("reads Go's time.Duration strings in ms", () => {
    expect(goDuration("1s")).toBe(1000);
    expect(goDuration("17ms")).toBe(17);
    expect(goDuration("6m0s")).toBe(360_000);
    expect(goDuration("1.5s")).toBe(1500);
    expect(goDuration("250µs")).toBe(0.25);
    expect(goDuration("250us")).toBe(0.25);
    expect(goDuration("1h2m3.5s")).toBe(3_723_500);
    expect(goDuration("0s")).toBe(0);
  });

  it("refuses what is not one", () => {
    for (const text of ["", "s", "1", "1 s", "1x", "1s junk", "-1s"]) {
      expect(goDuration(text), text).toBeUndefined();
    }
  });

  it("reads back what the benchmark server writes", () => {
    for (const ms of [0.25, 2.5, 17, 999, 1000, 1500, 59_999, 360_000]) {
      expect(goDuration(formatGoDuration(ms))).toBeCloseTo(ms, 3);
    }
  });
});

describe("readRateHeaders", () => {
  it("reads OpenAI's x-ratelimit-*-requests on a successful answer", () => {
    const headers = new Headers({
      "x-ratelimit-limit-requests": "10000",
      "x-ratelimit-remaining-requests": "9999",
      "x-ratelimit-reset-requests": "6ms",
      "x-ratelimit-remaining-tokens": "1",
    });
    expect(readRateHeaders(headers)).toEqual({
      limit: 10_000,
      remaining: 9_999,
      resetMs: 6,
      retryAfterMs: undefined,
      coarse: false,
    });
  });

  it("reads a gateway's generic x-ratelimit-*, the reset in seconds or as a Unix time", () => {
    const now = 1_700_000_000_000;
    const seconds = readRateHeaders(
      new Headers({
        "x-ratelimit-limit": "60",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": "1.5",
      }),
      now,
    );
    expect(seconds).toMatchObject({ limit: 60, remaining: 0, resetMs: 1500 });
    const epoch = readRateHeaders(
      new Headers({ "x-ratelimit-remaining": "3", "x-ratelimit-reset": "1700000030" }),
      now,
    );
    expect(epoch).toMatchObject({ limit: undefined, remaining: 3, resetMs: 30_000 });
  });

  it("ignores values that are not counts", () => {
    const headers = new Headers({
      "x-ratelimit-limit-requests": "lots",
      "x-ratelimit-remaining-requests": "-1",
      "x-ratelimit-reset-requests": "soon",
    });
    expect(readRateHeaders(headers)).toMatchObject({
      limit: undefined,
      remaining: undefined,
      resetMs: undefined,
    });
  });

  it("tells a wait in whole seconds (an upper bound) from a precise one", () => {
    const now = Date.UTC(2026, 0, 1);
    const read = (init: Record<string, string>) => readRateHeaders(new Headers(init), now);
    expect(read({ "retry-after": "1" })).toMatchObject({ retryAfterMs: 1000, coarse: true });
    expect(read({ "retry-after": "0.25" })).toMatchObject({ retryAfterMs: 250, coarse: false });
    expect(read({ "retry-after": "1", "retry-after-ms": "3" })).toMatchObject({
      retryAfterMs: 3,
      coarse: false,
    });
    const date = new Date(now + 2000).toUTCString();
    expect(read({ "retry-after": date })).toMatchObject({ retryAfterMs: 2000, coarse: true });
    expect(read({})).toMatchObject({ retryAfterMs: undefined, coarse: false });
  });
});
