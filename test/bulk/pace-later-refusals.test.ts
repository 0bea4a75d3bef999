/**
 * What later 429s do to the pace, and how it grows back, on exact virtual time. Each case starts
 * from the same first refusal: the ramp at 1600/s by 125 ms, a 429 with no wait, the pace halved
 * to 800/s. Then: refusals close together are one episode; a span of 100 ms that admitted nothing
 * halves the pace; a lone refusal eases it, a rare one among many admitted only nudges it; a cut
 * that guessed grows back quickly to just below where it was; with no refusal for 500 ms the pace
 * probes upwards, and a probe refused is taken back and tried again later, more gently.
 */
import { describe, expect, it } from "vitest";
import { PaceDriver, refuse } from "./pace-driver.js";

function afterFirstRefusal(): PaceDriver {
  const driver = new PaceDriver();
  driver.sendUntil(125);
  driver.send(refuse());
  expect(driver.pace.rate).toBe(800);
  return driver;
}

/**
 * The pace's changes while requests go as fast as it allows until `until`, all admitted: the new
 * rates (to 0.01/s), and when each came. The pace changes at the first request of a 25 ms step.
 */
function changes(driver: PaceDriver, until: number): { rates: number[]; times: number[] } {
  const rates: number[] = [];
  const times: number[] = [];
  let rate = driver.pace.rate;
  while (driver.now < until) {
    driver.send();
    if (driver.pace.rate === rate) continue;
    rate = driver.pace.rate;
    rates.push(Math.round(rate * 100) / 100);
    times.push(driver.now);
  }
  return { rates, times };
}

/** `at` is due at `due`: at the first step from then (25 ms and a slot of the pace at most). */
function expectDue(at: number | undefined, due: number): void {
  expect(at).toBeGreaterThanOrEqual(due);
  expect(at).toBeLessThan(due + 30);
}

describe("429s after the first", () => {
  it("refused again and again: one episode while within 100 ms (the pause doubling), then halved", () => {
    const driver = afterFirstRefusal();
    const seen: [number, number][] = [];
    while (driver.pace.rate === 800) {
      driver.send(refuse());
      seen.push([driver.now, driver.pace.rate]);
    }
    // Each try pauses twice as long as the last (one slot of 800/s, 1.25 ms, at first), then
    // waits a slot; the pace holds until a span of 100 ms and more has admitted nothing: then it
    // is halved.
    expect(seen).toEqual([
      [127.5, 800],
      [131.25, 800],
      [137.5, 800],
      [148.75, 800],
      [170, 800],
      [211.25, 800],
      [292.5, 400],
    ]);
  });

  it("the pause after a refusal grows no longer than the second a coarse Retry-After names", () => {
    const driver = afterFirstRefusal();
    const gaps: number[] = [];
    for (let i = 0; i < 14; i++) {
      const before = driver.now;
      driver.send(refuse({ "retry-after": "1" }));
      gaps.push(driver.now - before);
    }
    // The pause, then a slot of the pace (a few ms).
    expect(Math.max(...gaps)).toBeLessThan(1005);
    expect(gaps.at(-1)).toBeGreaterThanOrEqual(1000);
  });

  it("a lone refusal after a quiet 100 ms eases the pace by 5%, and it does not grow back past 90% of before", () => {
    const driver = afterFirstRefusal();
    driver.send(refuse(), 300);
    expect(driver.pace.rate).toBe(760);
    // 760 is above 90% of 800: no quick recovery; the first probe comes 500 ms after the refusal.
    const { rates, times } = changes(driver, 900);
    expect(rates).toEqual([836]);
    expectDue(times[0], 800);
  });

  it("a rare refusal among many admitted only nudges the pace by 1%", () => {
    const driver = afterFirstRefusal();
    driver.sendUntil(250);
    expect(driver.seq).toBe(169); // 98 admitted since the first refusal
    driver.send(refuse());
    expect(driver.pace.rate).toBe(792);
  });

  it("after a halving, grows back by 25% every 250 ms up to 90% of the pace before, then probes by 10%", () => {
    const driver = afterFirstRefusal();
    while (driver.pace.rate === 800) driver.send(refuse());
    expect([driver.now, driver.pace.rate]).toEqual([292.5, 400]);
    const { rates, times } = changes(driver, 1600);
    expect(rates).toEqual([500, 625, 720, 792, 871.2]);
    expectDue(times[0], 292.5 + 250);
    for (let i = 1; i < times.length; i++) expectDue(times[i], times[i - 1]! + 250);
  });

  it("after 500 ms without a refusal, probes upwards by 10% every 250 ms", () => {
    const driver = afterFirstRefusal();
    const { rates, times } = changes(driver, 1500);
    expect(rates).toEqual([880, 968, 1064.8, 1171.28]);
    expectDue(times[0], 125 + 500);
    for (let i = 1; i < times.length; i++) expectDue(times[i], times[i - 1]! + 250);
  });

  it("takes back a probe the server refuses, then waits twice as long before a gentler one (3%)", () => {
    const driver = afterFirstRefusal();
    driver.sendUntil(640);
    expect(driver.pace.rate).toBeCloseTo(880, 10);
    driver.send(refuse());
    const refusedAt = driver.now;
    expect(driver.pace.rate).toBe(800);
    const { rates, times } = changes(driver, 2200);
    expect(rates).toEqual([824, 848.72, 874.18]);
    expectDue(times[0], refusedAt + 500);
    for (let i = 1; i < times.length; i++) expectDue(times[i], times[i - 1]! + 500);
  });

  it("a refusal exactly 100 ms after the last cut is a new event, not part of the episode", () => {
    const driver = afterFirstRefusal();
    driver.send(refuse(), 225);
    expect(driver.now).toBe(225);
    expect(driver.pace.rate).toBe(760);
  });

  it("refusals in a row after some were admitted pause one slot each: only with nothing admitted does the pause double", () => {
    const driver = afterFirstRefusal();
    for (let i = 0; i < 5; i++) driver.send();
    const gaps: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = driver.now;
      driver.send(refuse());
      gaps.push(driver.now - before);
    }
    // Each: after a pause of one slot of 800/s, a slot.
    expect(gaps.slice(1)).toEqual([2.5, 2.5]);
  });

  it("probes stop at the user's ceiling: a refusal there takes back the last step up to it", () => {
    const driver = new PaceDriver(100);
    driver.sendUntil(100);
    driver.send(refuse()); // 50/s
    const rates: number[] = [];
    while (driver.now < 3000) {
      driver.send();
      if (driver.pace.rate !== rates.at(-1)) rates.push(driver.pace.rate);
    }
    expect(rates.at(-1)).toBe(100);
    const beforeLastStep = rates.at(-2)!;
    expect(beforeLastStep).toBeLessThan(99);
    driver.send(refuse());
    expect(driver.pace.rate).toBe(beforeLastStep);
  });

  it("the pause grows up to the whole seconds a coarse Retry-After names, 2 s for Retry-After: 2", () => {
    const driver = afterFirstRefusal();
    const gaps: number[] = [];
    for (let i = 0; i < 14; i++) {
      const before = driver.now;
      driver.send(refuse({ "retry-after": "2" }));
      gaps.push(driver.now - before);
    }
    expect(gaps.at(-1)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...gaps)).toBeLessThan(2005);
  });
});
