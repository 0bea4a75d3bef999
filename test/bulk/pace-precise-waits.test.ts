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
});
