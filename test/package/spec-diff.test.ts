/**
 * `npm run spec:diff` (scripts/spec-diff.ts): `redocly diff` against the previous released spec
 * fails when a breaking spec change is not matched by a breaking package version bump.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isBreakingBump, parseVersion } from "../../scripts/spec-diff.js";
import { repoRoot, run } from "./helpers.js";

const fixtures = "test/package/fixtures/spec-diff";
const tsx = path.join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs");

function specDiff(...args: string[]): ReturnType<typeof run> {
  return run(process.execPath, [tsx, "scripts/spec-diff.ts", ...args], { timeoutMs: 120_000 });
}

function fixtureDiff(revision: string, released: string, version: string): ReturnType<typeof run> {
  return specDiff(
    "--base",
    `${fixtures}/base.yaml`,
    "--revision",
    `${fixtures}/${revision}.yaml`,
    "--released",
    released,
    "--version",
    version,
  );
}

// Each case is its own pair of processes (tsx, then redocly): concurrent, so that one waits less
// for another.
describe.concurrent("npm run spec:diff", () => {
  it("passes for the current spec against spec/previous", async ({ expect }) => {
    const result = await specDiff();
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^spec diff: spec\/openapi\.yaml vs \d+\.\d+\.\d+ needs/m);
  }, 120_000);

  it.for(["removed-field", "removed-operation"])(
    "fails on a breaking change (%s) when the version is unchanged",
    { timeout: 120_000 },
    async (revision, { expect }) => {
      const result = await fixtureDiff(revision, "0.1.0", "0.1.0");
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(
        /major .*(Property `cancelled_at`|Path `\/runs\/\{run_id\}\/cancel`)/,
      );
      expect(result.stderr).toMatch(
        /needs a major bump .*FAIL \(0\.x: a breaking change needs 0\.2\.0/,
      );
    },
  );

  it("passes a breaking change with a breaking version bump (0.1.0 → 0.2.0, 1.2.3 → 2.0.0)", async ({
    expect,
  }) => {
    expect((await fixtureDiff("removed-field", "0.1.0", "0.2.0")).code).toBe(0);
    expect((await fixtureDiff("removed-operation", "1.2.3", "2.0.0")).code).toBe(0);
    const minorOnly = await fixtureDiff("removed-operation", "1.2.3", "1.3.0");
    expect(minorOnly.code).toBe(1);
    expect(minorOnly.stderr).toMatch(/needs 2\.0\.0 or later/);
  }, 120_000);

  it("accepts an additive change without a version bump", async ({ expect }) => {
    const result = await fixtureDiff("added-field", "0.1.0", "0.1.0");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/needs a minor bump/);
  }, 120_000);
});

describe("isBreakingBump", () => {
  it.each([
    ["1.4.2", "2.0.0", true],
    ["1.4.2", "1.5.0", false],
    ["1.4.2", "1.4.2", false],
    ["0.1.0", "0.2.0", true],
    ["0.1.0", "1.0.0", true],
    ["0.1.0", "0.1.1", false],
    ["0.0.3", "0.0.4", true],
  ] as const)("%s → %s: %s", (released, next, breaking) => {
    expect(isBreakingBump(parseVersion(released), parseVersion(next))).toBe(breaking);
  });
});
