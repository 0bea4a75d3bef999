/**
 * `npm run spec:diff` rates model changes by their effect (scripts/lib/model-diff.ts): removed
 * enum values and new or newly required fields are breaking; a field no longer required is
 * breaking only when its model type changes. The type-level side is in required-diff.test-d.ts.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { diffModels } from "../../scripts/lib/model-diff.js";
import { generate } from "../../scripts/lib/generate-all.js";
import { loadSpec } from "./support.js";

const DIR = "test/generator/fixtures/required-diff";
const base = loadSpec(`${DIR}/base/openapi.yaml`);
const revision = loadSpec(`${DIR}/revision/openapi.yaml`);
const verdicts = diffModels(base, revision);
const impactOf = (needle: string) => verdicts.find((v) => v.message.includes(needle))?.impact;

describe("the model diff of the fixture change", () => {
  it.each([
    ["Thing.ownerId is no longer required", "major"],
    ["Thing.tags is no longer required", "minor"],
    ["Thing.enabled is no longer required", "minor"],
    ["Thing.note became required", "major"],
    ["Thing.addedRequired is a new required field", "major"],
    ["Thing.addedOptional is a new field", "minor"],
    ['lost "cancelled" (gained "canceled")', "major"],
  ])("%s: %s", (needle, impact) => {
    expect(impactOf(needle), verdicts.map((v) => v.message).join("\n")).toBe(impact);
  });

  it("says why: the type change, the reading of absence", () => {
    expect(verdicts.find((v) => v.message.includes("ownerId"))?.message).toMatch(
      /changes from string to string \| null/,
    );
    expect(verdicts.find((v) => v.message.includes(".tags"))?.message).toMatch(
      /reads as \[\] when absent: its model type stays string\[\]/,
    );
  });

  it("finds nothing when nothing changed", () => {
    expect(diffModels(base, base)).toEqual([]);
  });

  it.each(["base", "revision"])(
    "the committed %s models are what the fixture generates",
    async (name) => {
      const result = await generate({
        specFile: `${DIR}/${name}/openapi.yaml`,
        outDir: `${DIR}/${name}/generated`,
        check: true,
        command: `npm run generate -- --spec ${DIR}/${name}/openapi.yaml --out ${DIR}/${name}/generated`,
      });
      expect(result.problems).toEqual([]);
      expect(result.stale).toEqual([]);
    },
  );
});

describe("npm run spec:diff on the fixture change", () => {
  it("fails without a breaking version bump, naming the lost enum value and the required fields", async () => {
    const run = promisify(execFile);
    const result = await run(process.execPath, [
      "node_modules/tsx/dist/cli.mjs",
      "scripts/spec-diff.ts",
      "--base",
      `${DIR}/base/openapi.yaml`,
      "--revision",
      `${DIR}/revision/openapi.yaml`,
      "--released",
      "1.0.0",
      "--version",
      "1.1.0",
    ]).then(
      (ok) => ({ code: 0, stdout: ok.stdout, stderr: ok.stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /major {2}\S+revision\/openapi\.yaml:\d+:\d+: Enum at .*lost "cancelled"/,
    );
    expect(result.stdout).toMatch(
      /major {2}\S+revision\/openapi\.yaml:\d+:\d+: Thing\.note became required/,
    );
    expect(result.stdout).toMatch(
      /minor {2}\S+revision\/openapi\.yaml:\d+:\d+: Thing\.tags is no longer required/,
    );
    expect(result.stderr).toMatch(/needs a major bump .*FAIL \(needs 2\.0\.0 or later\)/);
  }, 120_000);
});
