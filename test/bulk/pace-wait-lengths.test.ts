/**
 * Where a short wait (a token bucket's next token) ends and a long one (a window's end) begins:
 * 50 ms. And what a refusal that was in flight when the pacer reacted may change. Exact virtual
 * time; the ramp reaches 1600/s by 125 ms, with 70 admitted.
 */
import { describe, expect, it } from "vitest";
import { ADMIT, PaceDriver, refuse } from "./pace-driver.js";

function ramped(startAt = 0): PaceDriver {
  const driver = new PaceDriver();
  driver.send(ADMIT, startAt);
  driver.sendUntil(startAt + 125);
  return driver;
}

describe("short and long waits", () => {
  it("a first wait of exactly 50 ms is a token's: one request per wait, not half of what was admitted", () => {
    const driver = ramped();
    driver.send(refuse({ "retry-after-ms": "50" }));
    expect(driver.pace.rate).toBe(35); // 1000 / 50 = 20/s, but 70 admitted in the last second
  });

  it("a window's rate counts from the job's first request, however late the job started", () => {
    const driver = ramped(1000);
    const admitted = driver.seq;
    driver.send(refuse({ "retry-after-ms": "875" }));
    const back = driver.now + 875;
    expect(driver.pace.rate).toBeCloseTo(((admitted * 1000) / (back - 1000)) * 0.98, 10);
  });

  it("after the first refusal, a wait of 50 ms bounds the pace; a longer one (a window's) does not", () => {
    const bounded = ramped();
    bounded.send(refuse()); // 800/s
    bounded.send(refuse({ "retry-after-ms": "50" }));
    expect(bounded.pace.rate).toBe(35); // 1000 / 49, no lower than half of the 70 admitted
    const window = ramped();
    window.send(refuse());
    window.send(refuse({ "retry-after-ms": "200" }));
    expect(window.pace.rate).toBe(760); // only eased
  });

  it("a refusal in flight at the first reaction with a long wait pauses, and leaves the pace", () => {
    const driver = ramped();
    const [first, second] = [driver.send(null), driver.send(null)];
    driver.answer(first, refuse());
    driver.answer(second, refuse({ "retry-after-ms": "200" }));
    expect(driver.pace.rate).toBe(800);
    const answeredAt = driver.now;
    driver.send();
    expect(driver.now).toBeGreaterThanOrEqual(answeredAt + 200);
  });

  it("a refusal in flight at the first reaction with a wait of exactly 50 ms sets the pace to one per wait", () => {
    const driver = ramped();
    const [first, second] = [driver.send(null), driver.send(null)];
    driver.answer(first, refuse());
    driver.answer(second, refuse({ "retry-after-ms": "50" }));
    expect(driver.pace.rate).toBe(20);
  });

  it("a refusal in flight with no wait neither pauses nor frees anyone: the pace goes on", () => {
    const driver = ramped();
    const [first, second] = [driver.send(null), driver.send(null)];
    driver.answer(first, refuse());
    driver.answer(second, refuse());
    for (let i = 0; i < 4; i++) driver.send();
    const starts = driver.sentAt.slice(-4);
    for (let i = 1; i < starts.length; i++) {
      expect(starts[i]! - starts[i - 1]!).toBeCloseTo(1000 / 800, 10);
    }
  });
});
