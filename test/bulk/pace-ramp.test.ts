/**
 * The pace before the server says anything (slow start), on exact virtual time: it doubles every
 * 25 ms, but only while it holds the workers back and the last step's requests came back.
 */
import { describe, expect, it } from "vitest";
import { ADMIT, PaceDriver } from "./pace-driver.js";

describe("the pacer's slow start", () => {
  it("starts at 100/s and doubles every 25 ms while the workers wait for their slot", () => {
    const driver = new PaceDriver();
    const rates: number[] = [];
    for (let t = 25; t <= 125; t += 25) {
      driver.sendUntil(t);
      rates.push(driver.pace.rate);
    }
    expect(rates).toEqual([100, 200, 400, 800, 1600]);
  });

  it("counts the requests that waited for their slot: doubles when half of a step's did, not when fewer did", () => {
    // Asked at 0, 0, 10 and 40: the second and third wait (for 10 and 20), the last does not.
    const half = new PaceDriver();
    for (const at of [0, 0, 10, 40]) half.send(ADMIT, at);
    expect(half.sentAt).toEqual([0, 10, 20, 40]);
    expect(half.pace.rate).toBe(200);

    // Asked at 0, 0, 22 and 40: only the second waits.
    const fewer = new PaceDriver();
    for (const at of [0, 0, 22, 40]) fewer.send(ADMIT, at);
    expect(fewer.sentAt).toEqual([0, 10, 22, 40]);
    expect(fewer.pace.rate).toBe(100);
  });

  it("does not grow a pace the workers do not reach", () => {
    const driver = new PaceDriver();
    for (let at = 0; at < 1000; at += 30) driver.send(ADMIT, at);
    expect(driver.pace.rate).toBe(100);
  });

  it("doubles again only once the last step's requests came back (a slow round trip slows the ramp)", () => {
    const driver = new PaceDriver();
    driver.sendUntil(100, () => null);
    // One doubling at the first step; its requests are still out, so no more.
    expect(driver.pace.rate).toBe(200);
    for (let seq = 1; seq <= driver.seq; seq++) driver.answer(seq, ADMIT);
    driver.sendUntil(130);
    expect(driver.pace.rate).toBe(400);
  });

  it("never ramps past the user's ceiling, and starts below 100/s under a lower one", () => {
    const capped = new PaceDriver(150);
    capped.sendUntil(300);
    expect(capped.pace.rate).toBe(150);
    const low = new PaceDriver(50);
    expect(low.pace.rate).toBe(50);
    low.sendUntil(1000);
    expect(low.pace.rate).toBe(50);
    expect(low.sentBetween(0, 1000)).toBeLessThanOrEqual(51);
  });

  it("counts the newest answer, however late an older one comes back", () => {
    const driver = new PaceDriver();
    driver.sendUntil(40, () => null); // at 0, 10, 20, 30 (doubled there) and 35
    expect(driver.pace.rate).toBe(200);
    driver.answer(5, ADMIT);
    driver.answer(1, ADMIT); // older, and later
    driver.sendUntil(60, () => null);
    expect(driver.pace.rate).toBe(400);
  });

  it("keeps 5 ms worth of requests as burst: 8 at once at 1600/s after a short idle", () => {
    const driver = new PaceDriver();
    driver.sendUntil(125);
    expect(driver.pace.rate).toBe(1600);
    for (let i = 0; i < 12; i++) driver.send(ADMIT, 200);
    expect(driver.sentAt.filter((t) => t === 200)).toHaveLength(8);
  });
});
