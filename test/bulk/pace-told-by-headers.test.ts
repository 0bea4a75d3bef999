/**
 * A server that states its limit in x-ratelimit-* headers on every answer (OpenAI's style): the
 * pace mirrors it exactly, on virtual time. What is left, less a reserve (3% of the limit, at
 * least 2) and the requests sent since the answer's own request, goes at once; then the rate
 * (limit - remaining) / reset. No ramp and no probing: the server said what it allows.
 */
import { describe, expect, it } from "vitest";
import { ADMIT, PaceDriver, refuse, type Answer } from "./pace-driver.js";

/** An admitted answer with OpenAI's headers. */
function stating(limit: number, remaining: number, reset: string): Answer {
  return {
    refused: false,
    headers: {
      "x-ratelimit-limit-requests": String(limit),
      "x-ratelimit-remaining-requests": String(remaining),
      "x-ratelimit-reset-requests": reset,
    },
  };
}

describe("a pace told by x-ratelimit-* headers", () => {
  it("lets what is left less 2 go at once, then keeps to (limit - remaining) / reset", () => {
    const driver = new PaceDriver();
    // 60 a window, 10 left, full again in 2.5 s: 20/s; 8 in hand.
    driver.send(stating(60, 10, "2.5s"));
    for (let i = 0; i < 10; i++) driver.send();
    expect(driver.pace.rate).toBe(20);
    expect(driver.sentAt).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 50, 100]);
  });

  it("keeps 3% of a large limit in reserve", () => {
    const driver = new PaceDriver();
    driver.send(stating(1000, 500, "1s"));
    for (let i = 0; i < 480; i++) driver.send();
    expect(driver.pace.rate).toBe(500);
    // 500 left less 30: 470 more at once, the next a slot of 500/s later.
    expect(driver.sentAt.filter((t) => t === 0)).toHaveLength(471);
    expect(driver.sentAt.at(471)).toBe(2);
  });

  it("counts the requests sent after the answer's own as already spent, and ignores an older answer that comes late", () => {
    const driver = new PaceDriver();
    for (let i = 0; i < 3; i++) driver.send(null); // at 0, 10 and 20, unanswered
    driver.answer(3, stating(60, 10, "2.5s")); // the latest: 8 in hand
    driver.answer(1, stating(60, 50, "2.5s")); // sent before it: says nothing newer
    driver.answer(2, stating(60, 50, "2.5s"));
    for (let i = 0; i < 9; i++) driver.send();
    expect(driver.sentAt).toEqual([0, 10, 20, 20, 20, 20, 20, 20, 20, 20, 20, 70]);

    const earlier = new PaceDriver();
    for (let i = 0; i < 3; i++) earlier.send(null);
    earlier.answer(1, stating(60, 10, "2.5s")); // two were sent after it: 6 in hand
    for (let i = 0; i < 7; i++) earlier.send();
    expect(earlier.sentAt).toEqual([0, 10, 20, 20, 20, 20, 20, 20, 20, 70]);
  });

  it("does not ramp or probe: a full limit with no reset keeps the starting pace", () => {
    const driver = new PaceDriver();
    driver.send(stating(60, 60, "0s"));
    driver.sendUntil(2000);
    expect(driver.pace.rate).toBe(100);
    // 58 in hand at once (the limit less 2), then 100/s.
    expect(driver.sentBetween(0, 1)).toBe(59);
    expect(driver.sentBetween(1000, 2000)).toBe(100);
  });

  it("goes no slower than one request every 2 s, and no faster than the user's ceiling", () => {
    const slow = new PaceDriver();
    slow.send(stating(60, 59, "1h"));
    expect(slow.pace.rate).toBe(0.5);
    const capped = new PaceDriver(30);
    capped.send(stating(60, 10, "1s"));
    expect(capped.pace.rate).toBe(30);
  });

  it("a 429 only pauses for its wait: the rate stays what the headers said", () => {
    const driver = new PaceDriver();
    driver.send(stating(60, 10, "2.5s"));
    driver.send(refuse({ "retry-after-ms": "30" }));
    expect(driver.pace.rate).toBe(20);
    driver.send();
    // Nothing in hand after the refusal: a slot of 20/s after the 30 ms pause.
    expect(driver.now).toBe(30 + 50);
  });

  it("after a 429, keeps mirroring the server's limit: a quiet spell fills it to the limit less the reserve", () => {
    const driver = new PaceDriver();
    driver.send(stating(60, 10, "2.5s"));
    driver.send(refuse({ "retry-after-ms": "30" }));
    driver.send(ADMIT, 10_000);
    for (let i = 0; i < 80; i++) driver.send();
    expect(driver.sentAt.filter((t) => t === 10_000)).toHaveLength(58);
  });

  it("refused again and again with nothing admitted between (remaining 0, no wait): the pause doubles each time", () => {
    const driver = new PaceDriver();
    for (let i = 0; i < 4; i++) driver.send(stating(60, 10, "2.5s"));
    const gaps: number[] = [];
    for (let i = 0; i < 6; i++) {
      const before = driver.now;
      driver.send({ ...stating(60, 0, "3s"), refused: true });
      gaps.push(driver.now - before);
    }
    // 2 below nothing left (the reserve): three slots of 20/s, after a pause of one slot (50 ms)
    // that doubles with each refusal.
    expect(gaps.slice(1)).toEqual([150 + 50, 150 + 100, 150 + 200, 150 + 400, 150 + 800]);
  });

  it("takes no rate from a reset of 0, from a limit with nothing used, or from a count with no limit", () => {
    for (const headers of [
      stating(60, 10, "0s"),
      stating(60, 60, "1s"),
      {
        refused: false,
        headers: { "x-ratelimit-remaining-requests": "10", "x-ratelimit-reset-requests": "1s" },
      },
    ]) {
      const driver = new PaceDriver();
      driver.send(headers);
      expect(driver.pace.rate).toBe(100);
    }
  });

  it("a token's wait in ms still bounds a pace the headers set high", () => {
    const driver = new PaceDriver();
    driver.send(stating(10_000, 8_000, "1s")); // 2000/s
    expect(driver.pace.rate).toBe(2000);
    driver.send(refuse({ "retry-after-ms": "2" })); // a bucket of at most 1000/s
    expect(driver.pace.rate).toBe(1000);
  });

  it("a count of what is left with no limit: what is left less 2 goes at once, then the pace", () => {
    const driver = new PaceDriver();
    driver.send({ refused: false, headers: { "x-ratelimit-remaining-requests": "10" } });
    for (let i = 0; i < 10; i++) driver.send();
    expect(driver.sentAt).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 20]);
  });
});
