/**
 * After the limit in flight was cut below a refused level and has since grown past it by tries
 * that were accepted, a refusal two levels above the old cut is a new level, not the same one
 * refused again: one more is tried again soon (100 ms), as after a first refusal, rather than after
 * the longer wait of a confirmed level (500 ms).
 */
import { describe, expect, it } from "vitest";
import type { ConcurrencyLimit } from "../../src/pacer-concurrency.js";
import { grownTo16, pass, passHeld } from "./concurrency-driver.js";

/** Clean answers at the limit every 10 ms from `from`, while it held the workers back: when it grew. */
function grewAt(limit: ConcurrencyLimit, from: number, to: number): number | undefined {
  const was = limit.limit;
  for (let t = from; t <= to; t += 10) {
    passHeld(limit, was, was, t);
    if (limit.limit > was) return t;
  }
  return undefined;
}

describe("a refusal above the level last cut", () => {
  it("two levels above the old cut, once tries grew past it: one more is tried again after 100 ms", () => {
    const limit = grownTo16();
    expect(limit.refused(9, 100)).toBe(true); // cut to 8
    expect(limit.limit).toBe(8);
    expect(grewAt(limit, 200, 1_000)).toBe(200); // 9 tried
    pass(limit, 9, 36, 210); // and accepted
    expect(grewAt(limit, 220, 1_000)).toBe(300); // 10 tried
    pass(limit, 10, 40, 310); // and accepted
    expect(grewAt(limit, 320, 1_000)).toBe(400); // 11 tried
    expect(limit.refused(11, 410)).toBe(true);
    expect(limit.limit).toBe(10);
    expect(grewAt(limit, 420, 2_000)).toBe(510);
  });
});
