/**
 * The burst the pace's mirror keeps (5 ms of the pace, at least 2) follows the pace down when a
 * 429 that was in flight at the first refusal lowers it: its shorter wait is the token bucket's
 * next token, one request per wait. Exact virtual time: the ramp reaches 1600/s by 125 ms. A pace
 * the headers set keeps the burst they allow.
 */
import { describe, expect, it } from "vitest";
import { ADMIT, PaceDriver, refuse } from "./pace-driver.js";

describe("the burst after a 429 in flight lowers the pace", () => {
  it("is 5 ms of the lowered pace (2 at once at 500/s after an idle), not of the pace before it (5)", () => {
    const driver = new PaceDriver();
    driver.sendUntil(125);
    const first = driver.send(null);
    const inFlight = driver.send(null);
    driver.answer(first, refuse({ "retry-after-ms": "1" }));
    expect(driver.pace.rate).toBe(1000); // one request per ms: a burst of 5
    driver.answer(inFlight, refuse({ "retry-after-ms": "2" }));
    expect(driver.pace.rate).toBe(500);

    // Idle until 200, then six asked at once: 2.5 in hand, then one every 2 ms.
    for (let i = 0; i < 6; i++) driver.send(ADMIT, 200);
    expect(driver.sentAt.slice(-6)).toEqual([200, 200, 201, 203, 205, 207]);
  });

  it("told by headers, stays what the server's limit allows (its limit less the reserve)", () => {
    const driver = new PaceDriver();
    // 60 a window, 10 left, full again in 2.5 s: 20/s, and up to 58 in hand.
    driver.send({
      refused: false,
      headers: {
        "x-ratelimit-limit-requests": "60",
        "x-ratelimit-remaining-requests": "10",
        "x-ratelimit-reset-requests": "2.5s",
      },
    });
    const first = driver.send(null);
    const inFlight = driver.send(null);
    driver.answer(first, refuse({ "retry-after-ms": "30" }));
    driver.answer(inFlight, refuse({ "retry-after-ms": "30" }));
    expect(driver.pace.rate).toBe(20);
    for (let i = 0; i < 80; i++) driver.send(ADMIT, 10_000);
    expect(driver.sentAt.filter((t) => t === 10_000)).toHaveLength(58);
  });
});
