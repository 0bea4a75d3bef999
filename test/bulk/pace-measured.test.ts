/**
 * A pace refused again and again over a span of 100 ms and more measures the server: what it
 * admitted between refusals, over the time between. How much that counts depends on how often it
 * refused. Exact virtual time, from the same first refusal each time: the ramp at 1600/s by
 * 125 ms, a 429 with no wait, the pace halved to 800/s; then every n-th request refused.
 */
import { describe, expect, it } from "vitest";
import { ADMIT, PaceDriver, refuse } from "./pace-driver.js";

/** Every `every`-th request refused until the pace changes: when, from what, and what passed. */
function refusedEvery(every: number) {
  const driver = new PaceDriver();
  driver.sendUntil(125);
  driver.send(refuse());
  expect(driver.pace.rate).toBe(800);
  let passed = 0;
  let lastPassedAt = Number.NaN;
  for (let i = 1; ; i++) {
    const refused = i % every === 0;
    driver.send(refused ? refuse() : ADMIT);
    if (driver.pace.rate !== 800) break;
    if (!refused) {
      passed++;
      lastPassedAt = driver.now;
    }
  }
  /**
   * The rate measured: the requests sent since the first refusal that were admitted, over the
   * time from that refusal to the last one of them sent.
   */
  const measured = (passed * 1000) / (lastPassedAt - 125);
  return { rate: driver.pace.rate, at: driver.now, passed, measured };
}

describe("a pace measured between refusals", () => {
  it("refused 1 in 5 (well over the limit all along): cut to the rate measured, less 2%", () => {
    const { rate, at, measured } = refusedEvery(5);
    expect(at).toBeGreaterThanOrEqual(225); // not before the span reaches 100 ms
    expect(rate).toBeCloseTo(measured * 0.98, 10);
    expect(rate).toBeGreaterThan(400);
  });

  it("refused 1 in 8 (12%, still well over): the same", () => {
    const { rate, measured } = refusedEvery(8);
    expect(rate).toBeCloseTo(measured * 0.98, 10);
  });

  it("refused every other time: halved, when the measurement says even less", () => {
    const { rate, measured } = refusedEvery(2);
    expect(measured * 0.98).toBeLessThan(400);
    expect(rate).toBe(400);
  });

  it("refused 1 in 20 (5%): eased by 5%, the measurement being lower", () => {
    const { rate, measured } = refusedEvery(20);
    expect(measured * 0.98).toBeLessThan(760);
    expect(rate).toBe(760);
  });

  it("refused 1 in 40 (2.5%, noise): nudged by 1%", () => {
    const { rate } = refusedEvery(40);
    expect(rate).toBe(792);
  });

  it("a measurement is a floor the pace is not cut below, until refused at it again: the limit itself went down", () => {
    const driver = new PaceDriver();
    driver.sendUntil(125);
    driver.send(refuse());
    const cuts: number[] = [];
    let rate = driver.pace.rate;
    let i = 0;
    // 1 in 5 refused until 240 ms (measured: 540/s, the floor 95% of the measurement), then
    // every other one, as a server whose limit dropped to half would.
    while (driver.now < 1500) {
      const every = driver.now < 240 ? 5 : 2;
      driver.send(++i % every === 0 ? refuse() : ADMIT);
      if (driver.pace.rate !== rate) cuts.push(Math.round((rate = driver.pace.rate) * 100) / 100);
    }
    const floor = (528.96 / 0.98) * 0.95;
    expect(cuts[0]).toBe(528.96);
    expect(cuts[1]).toBeCloseTo(floor, 1); // halving stops at the floor...
    expect(cuts[2]).toBeCloseTo(floor / 2, 1); // ...once: refused there again, it gives way
    expect(driver.pace.rate).toBeLessThan(300);
  });

  it("20 admitted over 100 ms are enough to measure: refused 4 in 24, the pace is well over (halved), not eased", () => {
    const driver = new PaceDriver();
    driver.sendUntil(125);
    driver.send(refuse());
    for (let i = 0; i < 20; i++) driver.send(ADMIT, 130 + 4 * i);
    for (let i = 0; i < 3; i++) driver.send(refuse());
    expect(driver.pace.rate).toBe(800);
    driver.send(refuse(), 230);
    expect(driver.pace.rate).toBe(400);
  });

  it("after a cut to a measurement, no quick recovery: only probes (10%), 500 ms after the cut", () => {
    const driver = new PaceDriver();
    driver.sendUntil(125);
    driver.send(refuse());
    let i = 0;
    while (driver.pace.rate === 800) driver.send(++i % 5 === 0 ? refuse() : ADMIT);
    const cutAt = driver.now;
    const cut = driver.pace.rate;
    while (driver.pace.rate === cut) driver.send();
    expect(driver.now - cutAt).toBeGreaterThanOrEqual(500);
    expect(driver.pace.rate / cut).toBeCloseTo(1.1, 10);
  });

  it("refused exactly 1 in 10: well over (the measurement), not eased; 1 in 11: eased", () => {
    const tenth = refusedEvery(10);
    expect(tenth.rate).toBeCloseTo(tenth.measured * 0.98, 10);
    expect(tenth.rate).toBeLessThan(760);
    const eleventh = refusedEvery(11);
    expect(eleventh.measured * 0.98).toBeLessThan(760);
    expect(eleventh.rate).toBe(760);
  });

  it("after a halving that the measurement did not set, the pace grows back quickly (25%) after 250 ms", () => {
    const driver = new PaceDriver();
    driver.sendUntil(125);
    driver.send(refuse());
    let i = 0;
    while (driver.pace.rate === 800) driver.send(++i % 2 === 0 ? refuse() : ADMIT);
    expect(driver.pace.rate).toBe(400);
    const cutAt = driver.now;
    while (driver.pace.rate === 400) driver.send();
    expect(driver.now - cutAt).toBeLessThan(300);
    expect(driver.pace.rate).toBe(500);
  });
});
