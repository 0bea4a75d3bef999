/**
 * Runs the variant table (variants.ts): each variant spec is either converted correctly (wire →
 * model → wire, timestamps as Dates, user data untouched, the emitted module type-checks) or
 * refused at the line of the construct, with a message and no stack trace.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { buildVariant, converter, lineOfPointer, removeBuilds, specText } from "./build-variant.js";
import { exampleRuns, filledIn, loadSpec, specDefaults } from "./support.js";
import { variants, type Converts, type Json, type Refused, type Variant } from "./variants.js";

afterAll(removeBuilds);

/** `model` has each field of `expected` as an own property, matching (a `__proto__` one too). */
function expectFields(model: Json, expected: Json): void {
  for (const key of Object.keys(expected)) {
    expect(Object.hasOwn(model, key), `model.${key}`).toBe(true);
    const value = Object.getOwnPropertyDescriptor(model, key)?.value as unknown;
    const want = Object.getOwnPropertyDescriptor(expected, key)?.value as unknown;
    if (typeof want === "object" && want !== null && !(want instanceof Date)) {
      expect(value, key).toMatchObject(want);
    } else {
      expect(value, key).toEqual(want);
    }
  }
}

const project = loadSpec();
/** A complete run: the spec's completed example. */
const baseRun = (): Json => {
  const found = exampleRuns(project).find(([name]) => name === "CompletedRun");
  if (!found) throw new Error("the spec has no CompletedRun example");
  return structuredClone(found[1]);
};
const variantSpec = (variant: Variant): Json => variant.given(structuredClone(project));
const converting = variants.filter((v): v is Variant & { want: Converts } => "converts" in v.want);
const refused = variants.filter((v): v is Variant & { want: Refused } => "refused" in v.want);
/** Folders of converted variants, type-checked together at the end. */
const built: string[] = [];

describe("variant specs the generator converts", () => {
  it.each(converting.map((v) => [v.name, v] as const))("%s", async (name, variant) => {
    const spec = variantSpec(variant);
    const build = await buildVariant(name, spec);
    if (build.refused) expect.fail(`refused:\n${build.problems.join("\n")}`);
    built.push(build.dir);
    const { root, wire: makeWire, model: expected, written } = variant.want.converts;
    const fromWire = converter(build.module, `${root}FromWire`);
    const toWire = converter(build.module, `${root}ToWire`);

    const wire = makeWire(baseRun());
    const before = JSON.stringify(wire);
    const model = fromWire(wire) as Json;
    expectFields(model, expected);
    expect(JSON.stringify(wire), "converting never changes its input").toBe(before);

    // Back to the wire: what came in, plus only empty values for what was absent.
    const back = toWire(model);
    expect(back).toMatchObject(wire as Json);
    expect(filledIn(back, wire, specDefaults(spec))).toEqual([]);
    // And again: a complete wire value round-trips exactly, the model too.
    expect(toWire(fromWire(back))).toStrictEqual(back);
    expect(fromWire(toWire(model))).toStrictEqual(model);
    // No field reached the prototype.
    expect(Object.getPrototypeOf(model)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);

    if (written) {
      const [change, wants] = written;
      expect(toWire(change(model))).toMatchObject(wants);
    }
  });

  it("emits modules that type-check under the project's strict settings", () => {
    expect(built.length).toBe(converting.length);
    const files = built.flatMap((dir) =>
      ["model.ts", "runtime.ts", "schema.ts"].map((f) => path.join(dir, f)),
    );
    const program = ts.createProgram(files, {
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      verbatimModuleSyntax: true,
      noImplicitOverride: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
      types: [],
      noEmit: true,
      skipLibCheck: true,
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map(
        (d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
      );
    expect(problems.slice(0, 20)).toEqual([]);
  }, 120_000);
});

describe("variant specs the generator refuses, naming where and what", () => {
  it.each(refused.map((v) => [v.name, v] as const))("%s", async (name, variant) => {
    const spec = variantSpec(variant);
    const build = await buildVariant(name, spec);
    if (!build.refused) expect.fail("the generator converted a spec it must refuse");
    const { at, message } = variant.want.refused;
    const line = lineOfPointer(build.specText, at);
    const file = path.basename(build.specFile);
    const hit = build.problems.find((p) => message.test(p) && p.includes(`${file}:${line}:`));
    expect(hit, `line ${line}:\n${build.problems.join("\n")}`).toBeDefined();
    for (const problem of build.problems) expect(problem).not.toMatch(/\n\s+at /);
  });
});

describe("npm run generate on a refused variant", () => {
  const run = promisify(execFile);
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("exits 1, prints file:line:col and the construct, and leaves the output folder untouched", async () => {
    const variant = refused.find((v) => v.name.startsWith("anyOf of two records"));
    if (!variant) throw new Error("no such variant");
    const dir = mkdtempSync(path.join(tmpdir(), "threadrun-refused-"));
    dirs.push(dir);
    const specFile = path.join(dir, "openapi.yaml");
    const text = specText(variantSpec(variant));
    writeFileSync(specFile, text);
    const out = path.join(dir, "generated");
    cpSync("generated", out, { recursive: true });
    const before = readdirSync(out).map((f) => readFileSync(path.join(out, f), "utf8"));
    const result = await run(process.execPath, [
      "node_modules/tsx/dist/cli.mjs",
      "scripts/generate.ts",
      "--spec",
      specFile,
      "--out",
      out,
    ]).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(result.code).toBe(1);
    const line = lineOfPointer(text, variant.want.refused.at);
    expect(result.stderr).toMatch(
      new RegExp(
        `openapi\\.yaml:${line}:\\d+: #/components/schemas/RunObject/properties/either/anyOf: `,
      ),
    );
    expect(result.stderr).toMatch(/generated\/ left untouched|left untouched/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out).map((f) => readFileSync(path.join(out, f), "utf8"))).toEqual(before);
  }, 60_000);
});
