/**
 * How a pace in windows is cut by later refusals, on exact virtual time. The first 429 (after the
 * ramp, at 125 ms) names a window's end 875 ms away: 70 admitted since 0, so 68.6/s until then.
 */
import { describe, expect, it } from "vitest";
import { PaceDriver, refuse } from "./pace-driver.js";

const waitMs = (ms: number) => refuse({ "retry-after-ms": String(ms) });

function windowed(): PaceDriver {
  const driver = new PaceDriver();
  driver.sendUntil(125);
  driver.send(waitMs(875));
  expect(driver.pace.rate).toBeCloseTo(70 * 0.98, 10);
  return driver;
}

describe("a pace in windows, refused again", () => {
  it("within 500 ms of the last cut and 300 ms into a window (no probe under way): eased by 5%", () => {
    const driver = windowed();
    // The first request after the window opened is a probe; refused, it is taken back.
    driver.send(waitMs(200), 1100);
    expect(driver.pace.rate).toBeCloseTo(70 * 0.98, 10);
    // Refused again at 1400: the window opened at 1300, the next one at 1500.
    driver.send(waitMs(100), 1400);
    expect(driver.now).toBe(1400);
    expect(driver.pace.rate).toBeCloseTo(70 * 0.98 * 0.95, 10);
  });

  it("exactly 500 ms after a window opened: measured over the window (what it admitted, over 500 ms)", () => {
    const driver = windowed();
    driver.sendUntil(1330);
    const admitted = driver.sentBetween(1000, 1400);
    expect(admitted).toBe(25);
    driver.send(waitMs(100), 1400); // the next window opens at 1500
    expect(driver.now).toBe(1400);
    expect(driver.pace.rate).toBeCloseTo((((admitted - 1) * 1000) / 500) * 0.98, 10);
  });
});
