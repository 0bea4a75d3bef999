/**
 * The edges of measuring a token bucket between two of its refusals, on exact virtual time. Each
 * case starts the same way: the ramp at 1600/s by 125 ms, a 429 with `retry-after-ms: 2` (one
 * token per 2 ms: 500/s), capacity back at 127. A span counts from then to when the refused
 * request may go again (the wait named); refusals within 100 ms of its start are one episode.
 */
import { describe, expect, it } from "vitest";
import { ADMIT, PaceDriver, refuse } from "./pace-driver.js";

const waitMs = (ms: number) => refuse({ "retry-after-ms": String(ms) });

/** The pace at 500/s, its span starting at 127. */
function bucket(): PaceDriver {
  const driver = new PaceDriver();
  driver.sendUntil(125);
  driver.send(waitMs(2));
  expect(driver.pace.rate).toBe(500);
  expect(driver.now + 2).toBe(127);
  return driver;
}

describe("a span between two refusals of a token bucket", () => {
  it("of exactly 100 ms with 24 admitted is measured: the pace goes to the rate measured less 2%, not eased by 5%", () => {
    const driver = bucket();
    for (let i = 0; i < 24; i++) driver.send(ADMIT, 127);
    // A slot after the pause, one every 2 ms: at 129, 131, ..., 175, 24 in the 48 ms from 127.
    expect(driver.sentAt.slice(-24)).toEqual(Array.from({ length: 24 }, (_, i) => 129 + 2 * i));
    driver.send(waitMs(2), 225); // may go again at 227: 100 ms after the span began
    expect(driver.pace.rate).toBe(((24 * 1000) / 48) * 0.98);
  });

  it("of exactly 100 ms, refused as often as admitted and too few to measure: halved", () => {
    const driver = bucket();
    driver.send(ADMIT, 127);
    for (let i = 0; i < 3; i++) driver.send(waitMs(2), driver.now + 5); // one episode
    expect(driver.pace.rate).toBe(500);
    driver.send(waitMs(2), 225);
    expect(driver.pace.rate).toBe(250);
  });

  it("refused as often as admitted, but with 20 admitted to measure by: the measurement, not half the pace", () => {
    const driver = bucket();
    for (let i = 0; i < 20; i++) driver.send(ADMIT, 127); // at 129 ... 167: 20 in 40 ms from 127
    // 20 more sent, all refused: the first answer is an episode, the others were in flight.
    const inFlight = Array.from({ length: 20 }, () => driver.send(null));
    for (const seq of inFlight) driver.answer(seq, waitMs(2));
    expect(driver.pace.rate).toBe(500);
    driver.send(waitMs(2), 245);
    expect(driver.pace.rate).toBe(((20 * 1000) / 40) * 0.98);
  });

  it("refused exactly 3 in 100 is not noise: eased (the measurement being lower), not nudged by 1%", () => {
    const driver = bucket();
    driver.send(waitMs(2), 127);
    driver.send(waitMs(2));
    for (let i = 0; i < 97; i++) driver.send(ADMIT);
    driver.send(waitMs(2));
    expect(driver.pace.rate).toBe(475);
  });
});
