/**
 * A token bucket's wait bounds the pace below 1000 / (wait - 1) per second: it only ever lowers
 * the pace. A wait whose bound is exactly the pace changes nothing, even right after a stalled
 * server answered a backlog (half of what it admitted in the last second is then above the pace).
 * Exact virtual time: the ramp at 1600/s by 125 ms, a 429 with `retry-after-ms: 1` (1000/s).
 */
import { describe, expect, it } from "vitest";
import { ADMIT, PaceDriver, refuse } from "./pace-driver.js";

const waitMs = (ms: number) => refuse({ "retry-after-ms": String(ms) });

describe("a wait that bounds the pace at exactly its rate", () => {
  it("leaves the pace as it is, not raised to half of a backlog just admitted", () => {
    const driver = new PaceDriver();
    driver.sendUntil(125);
    driver.send(waitMs(1));
    expect(driver.pace.rate).toBe(1000);
    const inFlight = driver.send(null); // its answer comes last
    // One admitted, three refused, and a refusal 110 ms on: halved to 500/s.
    const start = driver.now + 1;
    driver.send(ADMIT, start + 5);
    for (let i = 0; i < 3; i++) driver.send(waitMs(2), driver.now + 5);
    driver.send(waitMs(2), start + 110);
    expect(driver.pace.rate).toBe(500);
    // 1040 sent over 2.6 s (slower than the pace), none answered until the server answers them
    // all at once.
    const backlog = Array.from({ length: 1040 }, (_, i) =>
      driver.send(null, driver.now + 2.5 + 2.5 * i),
    );
    for (const seq of backlog) driver.answer(seq, ADMIT);
    expect(driver.pace.rate).toBe(500);
    // The request in flight since before the halving is refused: one token per 3 ms, that is
    // below 1000 / 2 = 500/s, which the pace already is.
    driver.answer(inFlight, waitMs(3));
    expect(driver.pace.rate).toBe(500);
  });
});
