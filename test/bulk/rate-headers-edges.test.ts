/**
 * The edges of reading a server's rate-limit headers: which header wins when a server sends both
 * spellings, blank and odd values, the Unix-time reset, every Go duration unit, and when a wait is
 * precise (the pacer pauses for it) or only an upper bound (the pacer tries again after a slot).
 */
import { describe, expect, it } from "vitest";
import { goDuration, readRateHeaders } from "../../src/rate-headers.js";

const NOW = 1_700_000_000_000;
const read = (init: Record<string, string>) => readRateHeaders(new Headers(init), NOW);

describe("readRateHeaders at the edges", () => {
  it("prefers OpenAI's -requests headers to the generic ones when a server sends both", () => {
    const both = read({
      "x-ratelimit-limit-requests": "500",
      "x-ratelimit-remaining-requests": "499",
      "x-ratelimit-reset-requests": "120ms",
      "x-ratelimit-limit": "60",
      "x-ratelimit-remaining": "3",
      "x-ratelimit-reset": "30",
    });
    expect(both).toMatchObject({ limit: 500, remaining: 499, resetMs: 120 });
  });

  it("reads counts with spaces around them and a count of 0, and ignores blank or infinite ones", () => {
    expect(read({ "x-ratelimit-limit": " 7 ", "x-ratelimit-remaining": "0" })).toMatchObject({
      limit: 7,
      remaining: 0,
    });
    expect(read({ "x-ratelimit-limit": "Infinity", "x-ratelimit-remaining": "  " })).toMatchObject({
      limit: undefined,
      remaining: undefined,
    });
  });

  it("reads a reset of 0, ignores a blank or negative one, and takes 10^9 s and more as a Unix time", () => {
    expect(read({ "x-ratelimit-reset": "0" }).resetMs).toBe(0);
    expect(read({ "x-ratelimit-reset": " 2 " }).resetMs).toBe(2000);
    expect(read({ "x-ratelimit-reset": "" }).resetMs).toBeUndefined();
    expect(read({ "x-ratelimit-reset": "-1" }).resetMs).toBeUndefined();
    // 10^9 s is 2001-09-09: a Unix time long past, so the limit is full again now.
    expect(read({ "x-ratelimit-reset": "1000000000" }).resetMs).toBe(0);
    // Just below 10^9 it is a (very long) number of seconds.
    expect(read({ "x-ratelimit-reset": "999999999" }).resetMs).toBe(999_999_999_000);
    expect(read({ "x-ratelimit-reset": String(NOW / 1000 + 1.5) }).resetMs).toBe(1500);
  });

  it("takes a whole number of seconds as an upper bound, even written 1.0, and a fraction as precise", () => {
    expect(read({ "retry-after": "1.0" })).toMatchObject({ retryAfterMs: 1000, coarse: true });
    expect(read({ "retry-after": "2.000" })).toMatchObject({ retryAfterMs: 2000, coarse: true });
    expect(read({ "retry-after": " 0.5 " })).toMatchObject({ retryAfterMs: 500, coarse: false });
    expect(read({ "retry-after": ".5" })).toMatchObject({ retryAfterMs: 500, coarse: false });
    expect(read({ "retry-after": "1.05" })).toMatchObject({ retryAfterMs: 1050, coarse: false });
    expect(read({ "retry-after": "0.50" })).toMatchObject({ retryAfterMs: 500, coarse: false });
    expect(read({ "retry-after": "1.5e3" })).toMatchObject({
      retryAfterMs: 1_500_000,
      coarse: true,
    });
    expect(read({ "retry-after": "5." })).toMatchObject({ retryAfterMs: 5000, coarse: true });
    expect(read({ "retry-after": "0.5x" }).coarse).toBe(false); // not a wait at all
    expect(read({ "retry-after": "x1.5" }).retryAfterMs).toBeUndefined();
  });

  it("takes retry-after-ms as precise however it is written", () => {
    expect(read({ "retry-after-ms": "20" })).toMatchObject({ retryAfterMs: 20, coarse: false });
    expect(read({ "retry-after-ms": "1000" })).toMatchObject({ retryAfterMs: 1000, coarse: false });
  });

  it.each([
    ["blank", ""],
    ["not a number", "soon"],
    ["negative", "-5"],
  ])(
    "takes Retry-After in whole seconds as an upper bound when retry-after-ms beside it is %s",
    (_name, ms) => {
      expect(read({ "retry-after-ms": ms, "retry-after": "2" })).toMatchObject({
        retryAfterMs: 2000,
        coarse: true,
      });
    },
  );
});

describe("goDuration, every unit and form", () => {
  it("reads ns, both spellings of µs, h, and numbers written .5 or 1.", () => {
    expect(goDuration("1500000ns")).toBe(1.5);
    expect(goDuration("3\u00b5s")).toBe(0.003); // MICRO SIGN
    expect(goDuration("3\u03bcs")).toBe(0.003); // GREEK SMALL LETTER MU
    expect(goDuration("2h")).toBe(7_200_000);
    expect(goDuration("3m")).toBe(180_000);
    expect(goDuration(".5s")).toBe(500);
    expect(goDuration(".55s")).toBe(550);
    expect(goDuration("1.s")).toBe(1000);
  });

  it("refuses a unit with no number, a number with no unit at the end, and a stray dot", () => {
    for (const text of ["ms", "1s2", "1s.", ".s", "1.5.5s", " 1s"]) {
      expect(goDuration(text), text).toBeUndefined();
    }
  });
});
