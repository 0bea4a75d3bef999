/**
 * The floor a measurement sets under later cuts (95% of the best rate measured), on exact virtual
 * time: a halving stops at it, once at the floor it still holds, and only a second refusal there
 * (the limit itself went down) makes it give way. A span too short to measure sets none. Halvings
 * here: a span of 100 ms and more with as many refused as admitted, too few to measure.
 */
import { describe, expect, it } from "vitest";
import { ADMIT, PaceDriver, refuse } from "./pace-driver.js";

const waitMs = (ms: number) => refuse({ "retry-after-ms": String(ms) });

/** One admitted, three refused (an episode), and a refusal 110 ms after the span began. */
function halving(driver: PaceDriver): void {
  const start = driver.now + 2;
  driver.send(ADMIT, start + 5);
  for (let i = 0; i < 3; i++) driver.send(waitMs(2), driver.now + 5);
  driver.send(waitMs(2), start + 110);
}

describe("the floor of a measured pace", () => {
  it("holds at the first halving at it (the pace within 5% above it)", () => {
    const driver = new PaceDriver();
    driver.send(waitMs(2)); // the first request: 100/s, span from 2
    // 30 admitted, one every 10 ms from 12 to 302, then one refused: 100/s measured.
    for (let i = 0; i < 31; i++) driver.send(i < 30 ? ADMIT : waitMs(2), driver.now + 10);
    expect(driver.sentAt.at(-2)).toBe(302);
    expect(driver.pace.rate).toBe(98); // the measurement less 2%; the floor 95
    halving(driver);
    expect(driver.pace.rate).toBe(95);
  });

  it("stops halvings from far above it; a span too short to measure sets none", () => {
    const driver = new PaceDriver();
    driver.sendUntil(75); // ramped to 400/s
    driver.send(waitMs(2));
    expect(driver.pace.rate).toBe(400);
    // 40 admitted, one every 9 ms from 84 to 435 (the workers are slower than the pace), then one
    // refused at 444: noise, so only nudged; measured over 77..435, the floor is 95% of it.
    for (let i = 0; i < 41; i++) driver.send(i < 40 ? ADMIT : waitMs(2), driver.now + 9);
    expect(driver.now).toBe(444);
    expect(driver.pace.rate).toBe(396);
    const floor = ((40 * 1000) / (435 - 77)) * 0.95;
    halving(driver);
    expect(driver.pace.rate).toBe(198);
    halving(driver);
    expect(driver.pace.rate).toBeCloseTo(floor, 10);
    halving(driver); // refused at the floor once: it holds...
    expect(driver.pace.rate).toBeCloseTo(floor, 10);
    halving(driver); // ...twice: it gives way
    expect(driver.pace.rate).toBeCloseTo(floor / 2, 10);
  });

  it("a nudge at the floor keeps the quick recovery set up by the halving before it", () => {
    const driver = new PaceDriver();
    driver.sendUntil(75);
    driver.send(waitMs(2));
    for (let i = 0; i < 41; i++) driver.send(i < 40 ? ADMIT : waitMs(2), driver.now + 9);
    const floor = ((40 * 1000) / (435 - 77)) * 0.95;
    halving(driver);
    halving(driver); // from 198/s to the floor: it may grow back quickly to 90% of 198/s
    expect(driver.pace.rate).toBeCloseTo(floor, 10);
    // 40 admitted, one every 10 ms (slower than the pace), then one refused: noise, and the pace
    // is already at the floor, so it stays.
    for (let i = 0; i < 41; i++) driver.send(i < 40 ? ADMIT : waitMs(2), driver.now + 10);
    expect(driver.pace.rate).toBeCloseTo(floor, 10);
    const nudgedAt = driver.now;
    const atFloor = driver.pace.rate;
    // As fast as the pace allows: it grows back by 25% once 250 ms have passed (not a probe by
    // 10% after 500 ms).
    while (driver.pace.rate === atFloor) driver.send();
    expect(driver.now - nudgedAt).toBeGreaterThanOrEqual(250);
    expect(driver.now - nudgedAt).toBeLessThan(300);
    expect(driver.pace.rate).toBeCloseTo(floor * 1.25, 10);
  });

  it("a probe refused less than 100 ms into a span sets none, even with 25 admitted in it", () => {
    const driver = new PaceDriver();
    driver.sendUntil(125);
    driver.send(waitMs(2)); // 500/s
    driver.send(waitMs(450), 300); // alone: eased to 475/s, everyone paused until 750
    expect(driver.pace.rate).toBe(475);
    // From 750 as fast as the pace allows: 500 ms after the cut, a probe (10%).
    while (driver.pace.rate === 475) driver.send();
    expect(driver.pace.rate).toBeCloseTo(475 * 1.1, 10);
    expect(driver.sentBetween(750, 1000)).toBe(25);
    driver.send(waitMs(2)); // the probe refused at 804.5, within 100 ms of 750: taken back
    expect(driver.pace.rate).toBe(475);
    halving(driver); // not stopped by a floor at 95% of the 475/s the 25 were sent at
    expect(driver.pace.rate).toBe(237.5);
  });

  it("a pace exactly 5% above the floor is at it: halved there and again at the floor, it gives way", () => {
    const driver = new PaceDriver();
    driver.sendUntil(75); // ramped to 400/s
    driver.send(waitMs(2));
    // 33 admitted from 83.25 to 243.25 (166.25 ms after capacity came back at 77), one refused:
    // noise, nudged to 396/s; the floor 95% of 33 per 166.25 ms, and 198/s exactly 5% above it.
    for (let i = 0; i < 33; i++) driver.send(ADMIT, 83.25 + 5 * i);
    driver.send(waitMs(2), 248.25);
    expect(driver.pace.rate).toBe(396);
    const floor = ((33 * 1000) / 166.25) * 0.95;
    expect(floor * 1.05).toBe(198);
    halving(driver);
    expect(driver.pace.rate).toBe(198);
    halving(driver); // at the floor (within 5%): held there once...
    expect(driver.pace.rate).toBe(floor);
    halving(driver); // ...and refused at it again: the limit went down
    expect(driver.pace.rate).toBe(floor / 2);
  });
});
