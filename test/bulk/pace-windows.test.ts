/**
 * A server that limits by windows (a 429's wait is a window's end, far longer than a token's):
 * the pace is measured only from one window's start to the next, on exact virtual time.
 */
import { describe, expect, it } from "vitest";
import { PaceDriver, refuse } from "./pace-driver.js";

/** Ramped to 1600/s by 125 ms (70 admitted), refused until the next window opens at 1000. */
function windowed(): PaceDriver {
  const driver = new PaceDriver();
  driver.sendUntil(125);
  driver.send(refuse({ "retry-after-ms": "875" }));
  return driver;
}

describe("a pace in windows", () => {
  it("refused again after a whole window: cut to what that window admitted over its length, less 2%, and only probed after 500 ms", () => {
    const driver = windowed();
    driver.sendUntil(1700);
    const admitted = driver.sentBetween(1000, 1700);
    driver.send(refuse({ "retry-after-ms": "300" }));
    const refusedAt = driver.now;
    // From the window's start at 1000 to the next one's (the wait named).
    const measured = ((admitted - 1) * 1000) / (refusedAt + 300 - 1000);
    expect(driver.pace.rate).toBeCloseTo(measured * 0.98, 10);
    const cut = driver.pace.rate;
    while (driver.pace.rate === cut) driver.send();
    expect(driver.now - refusedAt).toBeGreaterThanOrEqual(500);
    expect(driver.pace.rate / cut).toBeCloseTo(1.03, 10); // a gentler probe after a refused one
  });

  it("refused again sooner than 500 ms into a window: not measured; the probe before is taken back", () => {
    const driver = windowed();
    driver.sendUntil(1300);
    expect(driver.pace.rate).toBeCloseTo(70 * 0.98 * 1.1 * 1.1, 10); // two probes
    driver.send(refuse({ "retry-after-ms": "100" }));
    expect(driver.pace.rate).toBeCloseTo(70 * 0.98 * 1.1, 10);
  });
});
