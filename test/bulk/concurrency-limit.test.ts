/**
 * How many attempts a bulk job keeps in flight (ConcurrencyLimit), given answers at known levels:
 * the slow start and its bounds, which refusals the number in flight explains, and the probing of
 * one more after a cut (accepted after enough clean answers, tried less often once confirmed).
 */
import { describe, expect, it } from "vitest";
import { ConcurrencyLimit } from "../../src/pacer-concurrency.js";
import { grownTo16, pass, passHeld } from "./concurrency-driver.js";

describe("ConcurrencyLimit's slow start", () => {
  it("starts at 4, or at the job's concurrency when that is less", () => {
    expect(new ConcurrencyLimit(32).limit).toBe(4);
    expect(new ConcurrencyLimit(2).limit).toBe(2);
  });

  it("doubles after as many clean answers as the limit, while it held the workers back; never past the job's concurrency", () => {
    const limit = new ConcurrencyLimit(6);
    passHeld(limit, 1, 3, 0);
    expect(limit.limit).toBe(4);
    passHeld(limit, 1, 1, 0);
    expect(limit.limit).toBe(6);
    passHeld(limit, 1, 50, 1);
    expect(limit.limit).toBe(6);
  });

  it("does not grow while the workers are not held back", () => {
    const limit = new ConcurrencyLimit(32);
    pass(limit, 1, 50);
    expect(limit.limit).toBe(4);
    // Held back once, after as many clean answers: doubled. Changing the limit clears `held`,
    // so the next doubling waits to be held back again.
    passHeld(limit, 1, 1, 0);
    expect(limit.limit).toBe(8);
    expect(limit.held).toBe(false);
    pass(limit, 1, 50);
    expect(limit.limit).toBe(8);
  });
});

describe("which refusals the number in flight explains", () => {
  it("one where the levels below passed at least 4 times (and at least the level's number of times)", () => {
    const three = new ConcurrencyLimit(32);
    pass(three, 1, 3);
    expect(three.refused(2, 0)).toBe(false);
    const four = new ConcurrencyLimit(32);
    pass(four, 1, 4);
    expect(four.refused(2, 0)).toBe(true);
    expect(four.limit).toBe(1);
    const fewerThanTheLevel = new ConcurrencyLimit(32);
    pass(fewerThanTheLevel, 1, 5);
    expect(fewerThanTheLevel.refused(6, 0)).toBe(false);
    const asManyAsTheLevel = new ConcurrencyLimit(32);
    pass(asManyAsTheLevel, 1, 6);
    expect(asManyAsTheLevel.refused(6, 0)).toBe(true);
    expect(asManyAsTheLevel.capped).toBe(true);
  });

  it("not one where the levels below were refused more than once in 20", () => {
    const rare = new ConcurrencyLimit(32);
    pass(rare, 1, 40);
    rare.refused(1, 0);
    rare.refused(1, 0);
    expect(rare.refused(3, 0)).toBe(true); // 2 in 42 below
    const often = new ConcurrencyLimit(32);
    pass(often, 1, 40);
    for (let i = 0; i < 3; i++) often.refused(1, 0);
    expect(often.refused(3, 0)).toBe(false); // 3 in 43 below
    expect(often.limit).toBe(4);
  });

  it("not one where as many passed at that level or above as were refused there", () => {
    const passedThere = new ConcurrencyLimit(32);
    pass(passedThere, 1, 40);
    pass(passedThere, 3, 1);
    expect(passedThere.refused(3, 0)).toBe(false);
    const refusedMore = new ConcurrencyLimit(32);
    pass(refusedMore, 1, 40);
    pass(refusedMore, 3, 1);
    refusedMore.refused(4, 0);
    expect(refusedMore.refused(3, 0)).toBe(true);
  });

  it("a silent 429 (no wait, no limit) at 3 or more in flight, at first; not at 2, nor a 429 that says more", () => {
    const silent = new ConcurrencyLimit(32);
    expect(silent.refused(3, 0, true)).toBe(true);
    expect(silent.limit).toBe(2);
    expect(silent.capped).toBe(true);
    expect(new ConcurrencyLimit(32).refused(2, 0, true)).toBe(false);
    const loud = new ConcurrencyLimit(32);
    expect(loud.refused(3, 0, false)).toBe(false);
    expect(loud.capped).toBe(false);
  });

  it("after a cut, a silent 429 well below the level cut to is a rate's, not the cap's", () => {
    const limit = grownTo16();
    expect(limit.refused(9, 100, true)).toBe(true); // cut to 8
    expect(limit.refused(8, 101, true)).toBe(true); // just below the cut: still the cap (cut to 7)
    expect(limit.limit).toBe(7);
    expect(limit.refused(5, 102, true)).toBe(false);
    expect(limit.limit).toBe(7);
  });
});

/** Clean answers at levels 1..8 every 10 ms from `from` while the limit is 8; when it went up. */
function tryOneMore(limit: ConcurrencyLimit, from: number, to: number): number | undefined {
  for (let t = from; t <= to; t += 10) {
    for (let level = 1; level <= 8; level++) passHeld(limit, level, 1, t);
    if (limit.limit === 9) return t;
  }
  return undefined;
}

describe("trying one more after a cut", () => {
  it("accepts the level tried after 4 clean answers per request in flight there: a refusal there is then no longer its answer", () => {
    const accepted = grownTo16();
    accepted.refused(9, 100);
    expect(tryOneMore(accepted, 200, 400)).toBe(200);
    pass(accepted, 9, 36, 210);
    expect(accepted.refused(9, 220)).toBe(false);
    expect(accepted.limit).toBe(9);

    const notYet = grownTo16();
    notYet.refused(9, 100);
    tryOneMore(notYet, 200, 400);
    pass(notYet, 9, 35, 210);
    expect(notYet.refused(9, 220)).toBe(true);
    expect(notYet.limit).toBe(8);
  });

  it("once the level is confirmed, a try refused within 250 ms doubles the wait before the next (500 ms, then 1 s)", () => {
    const limit = grownTo16();
    limit.refused(9, 100);
    expect(tryOneMore(limit, 200, 400)).toBe(200);
    limit.refused(9, 210); // confirmed: the next try after 500 ms
    expect(tryOneMore(limit, 220, 2_000)).toBe(710);
    limit.refused(9, 900); // 190 ms after the try: too soon, the wait doubles
    expect(tryOneMore(limit, 910, 3_000)).toBe(1_900);
    limit.refused(9, 2_150); // 250 ms after the try: no longer too soon, the wait stays 1 s
    expect(tryOneMore(limit, 2_160, 4_000)).toBe(3_150);
  });

  it("while one more is tried, a refusal at the level accepted is the try's answer too: back to that level, not below", () => {
    const limit = grownTo16();
    limit.refused(9, 100);
    tryOneMore(limit, 200, 400);
    // Well below: not the try's (those levels passed cleanly); a rate limit's refusal.
    expect(limit.refused(5, 205)).toBe(false);
    expect(limit.limit).toBe(9);
    expect(limit.refused(8, 210)).toBe(true);
    expect(limit.limit).toBe(8);
  });

  it("after a level tried and accepted, one more refused is confirmed at once: the next try waits 500 ms, not 100", () => {
    const limit = grownTo16();
    limit.refused(9, 100); // cut to 8
    tryOneMore(limit, 200, 400); // 9 at 200
    pass(limit, 9, 36, 210); // accepted
    for (let t = 310; t <= 400 && limit.limit === 9; t += 10) passHeld(limit, 9, 9, t);
    expect(limit.limit).toBe(10); // tried 100 ms after the last change
    expect(limit.refused(10, 420)).toBe(true);
    expect(limit.limit).toBe(9);
    let grewAt: number | undefined;
    for (let t = 430; t <= 2_000 && grewAt === undefined; t += 10) {
      passHeld(limit, 9, 9, t);
      if (limit.limit === 10) grewAt = t;
    }
    expect(grewAt).toBe(920);
  });

  it("the wait between tries doubles with each refused one up to 8 s, and stays there", () => {
    const limit = grownTo16();
    limit.refused(9, 100);
    let at = tryOneMore(limit, 200, 400)!;
    limit.refused(9, at + 10); // confirmed
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const from = at + 10;
      at = tryOneMore(limit, from + 10, from + 20_000)!;
      waits.push(at - from);
      limit.refused(9, at + 10); // within the grace: the wait doubles
    }
    expect(waits).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000]);
  });

  it("two refusals right after one try double the wait once", () => {
    const limit = grownTo16();
    limit.refused(9, 100);
    let at = tryOneMore(limit, 200, 400)!;
    limit.refused(9, at + 10); // confirmed: 500 ms
    at = tryOneMore(limit, at + 20, 5_000)!;
    limit.refused(9, at + 10); // 1 s
    expect(limit.refused(9, at + 20)).toBe(true); // the same try's: no more doubling
    const from = at + 10;
    expect(tryOneMore(limit, from + 20, from + 5_000)! - from).toBe(1_000);
  });

  it("counts clean answers toward accepting a level from the last refusal or acceptance only", () => {
    const limit = grownTo16();
    limit.refused(9, 100);
    tryOneMore(limit, 200, 400);
    pass(limit, 9, 30, 210); // 30 of the 36 needed
    expect(limit.refused(9, 220)).toBe(true); // back to 8
    tryOneMore(limit, 230, 2_000);
    pass(limit, 9, 6, 800); // 6 since the refusal: not accepted
    expect(limit.refused(9, 810)).toBe(true);
    expect(limit.limit).toBe(8);

    const next = grownTo16();
    next.refused(9, 100);
    tryOneMore(next, 200, 400);
    pass(next, 9, 40, 210); // 9 accepted (36), and 4 more
    for (let t = 310; t <= 400 && next.limit === 9; t += 10) passHeld(next, 9, 9, t);
    expect(next.limit).toBe(10);
    pass(next, 10, 4, 410); // 4 at 10: far from the 40 needed there
    expect(next.refused(10, 420)).toBe(true);
    expect(next.limit).toBe(9);
  });

  it("never tries more than the job's concurrency", () => {
    const limit = new ConcurrencyLimit(9);
    passHeld(limit, 1, 4, 0);
    passHeld(limit, 1, 8, 1);
    expect(limit.limit).toBe(9);
    for (let i = 0; i < 40; i++) limit.passed(1 + (i % 8), 2);
    limit.refused(9, 100);
    expect(limit.limit).toBe(8);
    for (let t = 200; t <= 3_000; t += 10) passHeld(limit, 9, 9, t);
    expect(limit.limit).toBe(9);
  });
});

describe("ConcurrencyLimit's memory", () => {
  it("judges by the last 256 answers: refusals older than that are forgotten", () => {
    const limit = new ConcurrencyLimit(32);
    for (let i = 0; i < 100; i++) limit.refused(1, 0); // long ago, at level 1
    pass(limit, 1, 256);
    expect(limit.refused(3, 0)).toBe(true);
  });
});
