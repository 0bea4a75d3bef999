/**
 * What the first 429 teaches the pace, by what it says: a token bucket's next token (a short
 * wait in ms), a window's end (a long one), or nothing (half the pace refused, or what was
 * admitted lately if that is less). Exact virtual time; the ramp reaches 1600/s by 125 ms, with
 * 70 requests admitted.
 */
import { describe, expect, it } from "vitest";
import { ADMIT, PaceDriver, refuse } from "./pace-driver.js";

/** Ramped for 125 ms (1600/s, 70 admitted), then one request refused with `headers`. */
function refusedAt125(headers: Record<string, string> = {}, quietUntil = 125): PaceDriver {
  const driver = new PaceDriver();
  driver.sendUntil(125);
  expect(driver.pace.rate).toBe(1600);
  expect(driver.seq).toBe(70);
  driver.send(refuse(headers), quietUntil);
  return driver;
}

describe("the first 429", () => {
  it("with a short wait in ms: the pace is one request per wait, and the next goes a slot after the wait", () => {
    const driver = refusedAt125({ "retry-after-ms": "5" });
    expect(driver.pace.rate).toBe(200);
    driver.send(ADMIT);
    expect(driver.now).toBe(125 + 5 + 5);
  });

  it("with a wait that would cut below half of what the server admitted in the last second: not below that", () => {
    // 1000 / 40 = 25/s, but the server admitted 70 in the last second.
    const driver = refusedAt125({ "retry-after-ms": "40" });
    expect(driver.pace.rate).toBe(35);
    driver.send(ADMIT);
    expect(driver.now).toBeCloseTo(125 + 40 + 1000 / 35, 10);
  });

  it("with a long wait in ms (a window's end): what passed so far over the time until the next window, less 2%", () => {
    const driver = refusedAt125({ "retry-after-ms": "875" });
    // 70 admitted from 0 until the window opens at 1000.
    expect(driver.pace.rate).toBeCloseTo(70 * 0.98, 10);
    driver.send(ADMIT);
    expect(driver.now).toBeCloseTo(1000 + 1000 / (70 * 0.98), 10);
  });

  it("with no wait: half the pace refused, and the next request after a pause of one slot of the new pace, and a slot", () => {
    const driver = refusedAt125();
    expect(driver.pace.rate).toBe(800);
    driver.send(ADMIT);
    expect(driver.now).toBe(125 + 2 * (1000 / 800));
  });

  it("with no wait after a quiet spell: 1.5x what was admitted lately, when that is less than half the pace", () => {
    // Nothing sent from 125 to 450: 70 admitted over the last 450 ms is 155.6/s.
    const driver = refusedAt125({}, 450);
    expect(driver.now).toBe(450);
    expect(driver.pace.rate).toBeCloseTo((1.5 * 70 * 1000) / 450, 10);
  });

  it("with Retry-After in whole seconds: only an upper bound, so a pause of one slot of the halved pace, not a second", () => {
    const driver = refusedAt125({ "retry-after": "1" });
    expect(driver.pace.rate).toBe(800);
    driver.send(ADMIT);
    expect(driver.now).toBe(125 + 2 * (1000 / 800));
  });

  it.each([
    ["no wait", {}],
    ["Retry-After in whole seconds", { "retry-after": "1" }],
  ])(
    "with %s for the very first request (nothing admitted yet, which says nothing): half the pace, not one request every 2 s",
    (_name, headers) => {
      const driver = new PaceDriver();
      driver.send(refuse(headers));
      expect(driver.pace.rate).toBe(50);
      driver.send(ADMIT);
      expect(driver.now).toBe(2 * 20); // a pause of one slot, and a slot
      // All admitted from then on: over 100 in the first two seconds (it was 1), and probing up.
      driver.sendUntil(2000);
      expect(driver.sentBetween(0, 2000)).toBeGreaterThan(100);
      expect(driver.pace.rate).toBeGreaterThan(50);
    },
  );

  it("with no wait right after the only request admitted: that one counts as over 50 ms at least (30/s)", () => {
    const driver = new PaceDriver();
    driver.send(ADMIT, 1000); // the job's first request, a second after the pacer was made
    driver.send(refuse());
    expect(driver.sentAt).toEqual([1000, 1000]);
    expect(driver.pace.rate).toBe(1.5 * (1000 / 50));
  });

  it("under a ceiling of one request every 2 s: a pause of one slot (2 s), then a slot", () => {
    const driver = new PaceDriver(0.5);
    driver.send(refuse());
    driver.send(ADMIT);
    expect(driver.sentAt).toEqual([0, 4000]);
  });
});
