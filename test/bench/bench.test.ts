/**
 * Keeps the benchmarks from rotting: each runs once with tiny sizes and must produce numbers.
 * Timings are never asserted (they depend on the machine); only that the numbers are real.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { benchmarks, renderMarkdown } from "../../bench/run.js";
import type { Result } from "../../bench/lib/types.js";
import { ensureBuilt } from "../package/helpers.js";

// cold-start also measures dist/ when it is there. Build it first (at most once per content of the
// sources, shared with the package tests), so that it is always measured, and so that no build
// started by a test file running beside this one removes dist/ in the middle of a measurement.
beforeAll(() => ensureBuilt(), 300_000);

const quiet = () => {};
const results: Result[] = [];

describe("benchmarks (--tiny)", () => {
  for (const [name, run] of Object.entries(benchmarks)) {
    it(`${name} produces finite, positive numbers`, { timeout: 45_000 }, async () => {
      const result = await run({ tiny: true, log: quiet });
      results.push(result);
      expect(result.name).toBe(name);
      expect(result.tables.length).toBeGreaterThan(0);
      expect(result.goals.length).toBeGreaterThan(0);
      const metrics = Object.entries(result.metrics);
      expect(metrics.length).toBeGreaterThan(0);
      for (const [key, value] of metrics) {
        expect(Number.isFinite(value), `${name} ${key} = ${value}`).toBe(true);
        expect(value, `${name} ${key}`).toBeGreaterThan(0);
      }
    });
  }

  it("renders RESULTS.md with machine, Node version and a table per benchmark", () => {
    const markdown = renderMarkdown(results, "npm run bench -- --tiny", true);
    expect(markdown).toContain(process.version);
    expect(markdown).toContain("| goal | measured | met |");
    for (const result of results) expect(markdown).toContain(`## ${result.title}`);
  });
});
