/**
 * A token bucket's wait for its next token, in whole ms, bounds its rate: below 1000 / (wait - 1)
 * per second. The pace uses that after every precise short wait, and a wait on a refusal that was
 * in flight when the pacer reacted may still say more than the refusal it reacted to.
 */
import { describe, expect, it } from "vitest";
import { PaceDriver, refuse } from "./pace-driver.js";

/** Ramped to 1600/s by 125 ms (70 admitted). */
function ramped(): PaceDriver {
  const driver = new PaceDriver();
  driver.sendUntil(125);
  return driver;
}

describe("precise short waits", () => {
  it("bound the pace by 1000 / (wait - 1) once it is learning", () => {
    const driver = ramped();
    driver.send(refuse()); // the first: halved to 800
    driver.send(refuse({ "retry-after-ms": "11" }));
    expect(driver.pace.rate).toBe(100);
  });

  it("no lower than half of what the server admitted in the last second", () => {
    const driver = ramped();
    driver.send(refuse());
    driver.send(refuse({ "retry-after-ms": "41" })); // 25/s, but 70 admitted: 35/s
    expect(driver.pace.rate).toBe(35);
  });

  it("a wait of 1 ms bounds nothing, nor does one above the pace's slot", () => {
    const one = ramped();
    one.send(refuse());
    one.send(refuse({ "retry-after-ms": "1" }));
    expect(one.pace.rate).toBe(800);
    const short = ramped();
    short.send(refuse());
    short.send(refuse({ "retry-after-ms": "2" })); // below 1000/s: the pace of 800 already is
    expect(short.pace.rate).toBe(800);
  });

  it("a refusal in flight when the pacer reacted still pauses everyone for its wait, and sets the pace", () => {
    const driver = ramped();
    const first = driver.send(null);
    const second = driver.send(null); // sent before the pacer hears of the first refusal
    driver.answer(first, refuse());
    expect(driver.pace.rate).toBe(800);
    driver.answer(second, refuse({ "retry-after-ms": "4" }));
    expect(driver.pace.rate).toBe(250);
    const answeredAt = driver.now;
    driver.send();
    expect(driver.now).toBe(answeredAt + 4 + 1000 / 250); // the wait, and a slot
  });

  it("bound the pace, and only pause, for a refusal in flight after several", () => {
    const driver = ramped();
    driver.send(refuse()); // the first event
    const second = driver.send(null);
    const third = driver.send(null);
    driver.answer(second, refuse()); // the second event (one episode: no cut)
    expect(driver.pace.rate).toBe(800);
    driver.answer(third, refuse({ "retry-after-ms": "4" }));
    // 1000 / (4 - 1), the bucket's bound; not 1000 / 4 as for the first event.
    expect(driver.pace.rate).toBeCloseTo(1000 / 3, 10);
  });

  it("say nothing of the rate in a window: after a window's end, a short wait neither bounds nor cuts the pace", () => {
    const driver = ramped();
    driver.send(refuse({ "retry-after-ms": "875" })); // a window: 70 × 0.98 per second
    driver.send(refuse({ "retry-after-ms": "40" })); // a sliding window's next slot
    expect(driver.pace.rate).toBeCloseTo(70 * 0.98, 10);
  });

  it("a shorter wait never shortens a longer pause already under way", () => {
    const driver = ramped();
    const first = driver.send(null);
    const second = driver.send(null);
    driver.answer(first, refuse({ "retry-after-ms": "875" })); // until 1000
    driver.answer(second, refuse({ "retry-after-ms": "5" })); // in flight then
    driver.send();
    expect(driver.now).toBeGreaterThanOrEqual(1000);
  });

  it("an answer that says requests remain does not end a window's pause early", () => {
    const driver = ramped();
    const [first, second, third] = [driver.send(null), driver.send(null), driver.send(null)];
    driver.answer(first, refuse({ "retry-after-ms": "875" })); // until 1000
    driver.answer(second, refuse({ "retry-after-ms": "5" }));
    driver.answer(third, { refused: false, headers: { "x-ratelimit-remaining": "10" } });
    driver.send();
    expect(driver.now).toBeGreaterThanOrEqual(1000);
  });
});
