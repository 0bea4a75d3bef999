/**
 * A 5xx or a reset is one request's trouble: the pacer picks its retry's wait, a short backoff
 * that doubles with each retry (25 ms, then 50, 100...), less up to a quarter at random, and never
 * longer than the transport's own; the other workers go on at the same pace. A 429 is everyone's:
 * its request waits in the pacer's queue (no wait of its own), and the pacer counts it.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AttemptEnd } from "../../src/transport.js";
import { end, paced } from "./paced.js";

/** A 503 (or, with `status` undefined, a reset) on its `retries`-th retry, the transport's wait `retryDelayMs`. */
function fault(retries: number, retryDelayMs: number | undefined, status?: number): AttemptEnd {
  const answer =
    status === undefined
      ? undefined
      : { ok: false, status, statusText: "", headers: new Headers() };
  return { answer, retryDelayMs, retries };
}

afterEach(() => vi.restoreAllMocks());

describe("the wait before a retry after a fault", () => {
  it("is 25 ms, doubling with each retry, for a 503 and for a reset alike", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { pacer, ask } = paced();
    const waits = [];
    for (const retries of [0, 1, 2, 3, 4]) {
      waits.push(pacer.afterAttempt(await ask(), fault(retries, 10_000, 503)));
      waits.push(pacer.afterAttempt(await ask(), fault(retries, 10_000)));
    }
    expect(waits).toEqual([25, 25, 25, 25, 50, 50, 100, 100, 200, 200]);
  });

  it("is up to a quarter shorter at random, rounded to whole ms", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.999);
    const { pacer, ask } = paced();
    expect(pacer.afterAttempt(await ask(), fault(1, 10_000, 503))).toBe(19); // 25 × 0.75
    expect(pacer.afterAttempt(await ask(), fault(3, 10_000, 503))).toBe(75); // 100 × 0.75
  });

  it("is never longer than the transport's own wait, and none when the transport will not retry", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { pacer, ask } = paced();
    expect(pacer.afterAttempt(await ask(), fault(4, 30, 503))).toBe(30);
    expect(pacer.afterAttempt(await ask(), fault(1, undefined, 500))).toBeUndefined();
    expect(pacer.afterAttempt(await ask(), fault(1, undefined))).toBeUndefined();
    expect(pacer.afterAttempt(await ask(), end(200))).toBeUndefined();
  });

  it("a 503 that names its wait in ms keeps it (the pacer chooses none)", async () => {
    const { pacer, ask } = paced();
    const named = end(503, { "retry-after-ms": "700" }, 700);
    expect(pacer.afterAttempt(await ask(), named)).toBeUndefined();
  });
});

describe("a 429", () => {
  it("is retried through the pacer's queue at once (a wait of 0), and counted", async () => {
    const { pacer, ask } = paced();
    expect(pacer.afterAttempt(await ask(), end(429, { "retry-after-ms": "5" }))).toBe(0);
    expect(pacer.afterAttempt(await ask(), end(503))).toBeGreaterThan(0);
    expect(pacer.afterAttempt(await ask(), end(429))).toBe(0);
    expect(pacer.rateLimited).toBe(2);
  });
});
