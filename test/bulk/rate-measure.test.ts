/**
 * How the pacer measures a token bucket's rate between two of its refusals: over the requests sent
 * after capacity came back, not over the answers that happened to come back in that time. Right
 * after a burst, answers to requests sent before the refusal (admitted on the bucket's last
 * tokens) are still arriving; counted, they made the rate read 10-20% over the server's, and that
 * reading became a floor the pace was never cut below: refused a little all through the job.
 */
import { describe, expect, it } from "vitest";
import { PacerRate } from "../../src/pacer-rate.js";
import type { RateHeaders } from "../../src/rate-headers.js";

/** A 429 naming its wait in ms, as the reference server and OpenAI send it. */
const refusal: RateHeaders = {
  limit: undefined,
  remaining: undefined,
  resetMs: undefined,
  retryAfterMs: 2,
  coarse: false,
};
const admitted: RateHeaders = { ...refusal, retryAfterMs: undefined };

/** The server's bucket refills 400 per second: one request every 2.5 ms. */
const SERVER_RATE = 400;
const EVERY_MS = 1000 / SERVER_RATE;

describe("the rate measured between two refusals of a token bucket", () => {
  it("counts the requests sent since capacity came back, not answers to earlier ones", () => {
    const pace = new PacerRate(Number.POSITIVE_INFINITY, 0);
    let seq = 0;
    const send = (at: number) => {
      pace.take(at, false, ++seq);
      return { seq, sentAt: at };
    };

    // A burst at 1600/s runs into the bucket: the first refusal, then the 12 requests sent just
    // before it, admitted on the bucket's last tokens, answer after it (a busy event loop).
    const burst = Array.from({ length: 13 }, (_, i) => send(i * 0.6));
    pace.refused(burst[0]!.seq, seq, refusal, 9);
    burst.slice(1).forEach((r, i) => pace.passed(r.seq, seq, admitted, 10 + i, r.sentAt));

    // Then 200 ms at the server's own rate, every request admitted a moment after it was sent.
    let at = 11;
    for (; at < 211; at += EVERY_MS) {
      const r = send(at);
      pace.passed(r.seq, seq, admitted, at + 1, r.sentAt);
    }
    // The bucket refuses again: the span between the two refusals is measured.
    pace.refused(send(at).seq, seq, refusal, at + 1);

    // A stretch where as many are refused as admitted (too few to measure): the pace halves, but
    // not below the best rate measured so far. That floor must not be above the server's rate.
    const start = at + 3;
    for (let i = 0; i < 6; i++) {
      const sent = send(start + i * 10);
      pace.passed(sent.seq, seq, admitted, sent.sentAt + 1, sent.sentAt);
      pace.refused(send(start + i * 10 + 5).seq, seq, refusal, start + i * 10 + 6);
    }
    pace.refused(send(start + 110).seq, seq, refusal, start + 111);

    expect(pace.rate).toBeLessThanOrEqual(SERVER_RATE);
    // ...and close to it: the floor keeps the pace from being halved far below the server.
    expect(pace.rate).toBeGreaterThanOrEqual(0.9 * SERVER_RATE);
  });
});
