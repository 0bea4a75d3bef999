/**
 * The wire types (generated/schema.ts) come from openapi-typescript's transform run on the
 * document the spec check parsed, in a worker (scripts/lib/wire-types-worker.mjs), not from
 * `openapiTS()` (which loads Redocly and parses, lints and bundles the spec again). This holds
 * the output equal to `openapiTS()`'s, with the options `generate` uses, for every spec the
 * generator accepts here: the project's, the fixtures, a synthetic spec with maps, allOf and
 * unions, and every variant the generator converts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../scripts/lib/generate-all.js";
import { syntheticSpec } from "../../bench/lib/synthetic-spec.js";
import { specText } from "./build-variant.js";
import { loadSpec } from "./support.js";
import { variants } from "./variants.js";

const work = mkdtempSync(path.join(tmpdir(), "threadrun-wire-types-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The body of schema.ts as `generate` writes it (below its header and body hash). */
async function generatedBody(name: string, text: string): Promise<string> {
  const specFile = path.join(work, `${name}.yaml`);
  writeFileSync(specFile, text);
  const outDir = path.join(work, `${name}-out`);
  const result = await generate({ specFile, outDir });
  expect(result.problems).toEqual([]);
  const file = readFileSync(path.join(outDir, "schema.ts"), "utf8");
  return file.slice(file.indexOf("\n", file.indexOf("// Output:  sha256 ")) + 1);
}

async function openapiTsBody(text: string): Promise<string> {
  return astToString(await openapiTS(text, { silent: true, defaultNonNullable: false }));
}

const specs: [string, () => string][] = [
  ["spec/openapi.yaml", () => readFileSync("spec/openapi.yaml", "utf8")],
  ["the paused-run fixture", () => readFileSync("test/generator/fixtures/paused-run.yaml", "utf8")],
  [
    "OpenAI's run object fixture",
    () => readFileSync("test/generator/fixtures/openai-run-object.yaml", "utf8"),
  ],
  ["a synthetic spec of 12 model schemas", () => syntheticSpec(12)],
  ...variants
    .filter((variant) => "converts" in variant.want)
    .map((variant): [string, () => string] => [
      `variant: ${variant.name}`,
      () => specText(variant.given(loadSpec())),
    ]),
];

describe("the wire types", () => {
  it.each(specs)("of %s are openapiTS()'s", async (name, text) => {
    const spec = text();
    const body = await generatedBody(name.replace(/\W+/g, "-"), spec);
    expect(body).toBe(await openapiTsBody(spec));
  });
});
