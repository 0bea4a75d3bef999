/**
 * A first 429 that names no wait, after the job has run a while below the pace: the pace is cut to
 * 1.5x what the server admitted lately, counted in 100 ms slots over this slot and the 4 before
 * it, that is over the last 400 ms and the part of this slot gone by, not over the whole job.
 */
import { describe, expect, it } from "vitest";
import { ADMIT, PaceDriver, refuse } from "./pace-driver.js";

describe("what the server admitted lately, at a first 429 with no wait", () => {
  it("after a second at 20/s, refused at 1050: the 9 admitted since 600 over 450 ms, times 1.5 (30/s)", () => {
    const driver = new PaceDriver();
    // The workers ask every 50 ms: the pace (100/s) never holds them back, so it does not ramp.
    for (let at = 0; at <= 1000; at += 50) driver.send(ADMIT, at);
    expect(driver.pace.rate).toBe(100);
    driver.send(refuse(), 1050);
    expect(driver.now).toBe(1050);
    expect(driver.pace.rate).toBeCloseTo((1.5 * 9 * 1000) / 450, 10);
  });
});
