/**
 * Driving a ConcurrencyLimit with answers at known levels, for the tests of how many attempts a
 * bulk job keeps in flight.
 */
import { expect } from "vitest";
import { ConcurrencyLimit } from "../../src/pacer-concurrency.js";

/** `n` clean answers at `level`, each while the limit held the workers back. */
export function passHeld(limit: ConcurrencyLimit, level: number, n: number, now: number): void {
  for (let i = 0; i < n; i++) {
    limit.held = true;
    limit.passed(level, now);
  }
}

/** `n` clean answers at `level` (the workers not held back). */
export function pass(limit: ConcurrencyLimit, level: number, n: number, now = 0): void {
  for (let i = 0; i < n; i++) limit.passed(level, now);
}

/** A limit grown (by slow start) to 16, then given 40 clean answers at levels 1..8. */
export function grownTo16(): ConcurrencyLimit {
  const limit = new ConcurrencyLimit(32);
  passHeld(limit, 1, 4, 0);
  passHeld(limit, 1, 8, 1);
  expect(limit.limit).toBe(16);
  for (let i = 0; i < 40; i++) limit.passed(1 + (i % 8), 2);
  return limit;
}
