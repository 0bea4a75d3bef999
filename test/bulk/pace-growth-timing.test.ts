/**
 * When the pace grows after a cut, to the ms: back up by 25% once 250 ms have passed since the cut
 * and since the last step, and with no refusal for 500 ms a probe, then one every 250 ms. The
 * pacer's rate side is driven directly on exact times, every request having waited for its slot:
 * the pace is looked at every 25 ms and more, at a request's start.
 */
import { describe, expect, it } from "vitest";
import { PacerRate } from "../../src/pacer-rate.js";
import type { RateHeaders } from "../../src/rate-headers.js";

const tokenWait: RateHeaders = {
  limit: undefined,
  remaining: undefined,
  resetMs: undefined,
  retryAfterMs: 2,
  coarse: false,
};

function story() {
  const pace = new PacerRate(Number.POSITIVE_INFINITY, 0);
  let seq = 0;
  /** A request that waited for its slot starts at `at`. */
  const start = (at: number) => {
    pace.take(at, true, ++seq);
    return seq;
  };
  /** The answer to request `which`, a 429 naming `waitMs`, arriving at `at`. */
  const answerRefused = (which: number, at: number, waitMs = 2) =>
    pace.refused(which, seq, { ...tokenWait, retryAfterMs: waitMs }, at);
  const refused = (at: number, waitMs = 2) => answerRefused(start(at), at, waitMs);
  // The first request refused: one token per 2 ms says nothing below the start's 100/s.
  refused(0);
  expect(pace.rate).toBe(100);
  return { pace, start, refused, answerRefused };
}

describe("when the pace grows after a cut", () => {
  it("halved: back up by 25% exactly 250 ms after the cut, and again exactly 250 ms after that", () => {
    const { pace, start, refused } = story();
    // Refused 3 times within 100 ms (one episode), then at 110: halved, to grow back to 90/s.
    for (const at of [10, 20, 30, 110]) refused(at);
    expect(pace.rate).toBe(50);
    start(335);
    expect(pace.rate).toBe(50);
    start(360);
    expect(pace.rate).toBe(62.5);
    start(585);
    expect(pace.rate).toBe(62.5);
    start(610);
    expect(pace.rate).toBe(78.125);
  });

  it("eased (no quick recovery above 90% of before): a probe by 10% exactly 500 ms after, another exactly 250 ms later", () => {
    const { pace, start, refused } = story();
    refused(110); // alone after 100 ms: eased by 5%
    expect(pace.rate).toBe(95);
    start(585);
    expect(pace.rate).toBe(95);
    start(610);
    expect(pace.rate).toBeCloseTo(95 * 1.1, 10);
    start(835);
    expect(pace.rate).toBeCloseTo(95 * 1.1, 10);
    start(860);
    expect(pace.rate).toBeCloseTo(95 * 1.1 * 1.1, 10);
  });

  it("a probe refused 57 ms into a span (the cut before named a long wait) is taken back, not halved", () => {
    const { pace, start, refused, answerRefused } = story();
    const inFlight = [100, 103, 106].map(start);
    refused(110, 450); // alone: eased by 5%, everyone paused until 560
    expect(pace.rate).toBe(95);
    for (const [i, which] of inFlight.entries()) answerRefused(which, 115 + i);
    start(610); // 500 ms after the cut: a probe
    expect(pace.rate).toBeCloseTo(95 * 1.1, 10);
    refused(615); // 3 refused and none admitted since 560, but only 57 ms of span
    expect(pace.rate).toBe(95);
  });
});
