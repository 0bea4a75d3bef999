/**
 * Builds the model of a spec the way `npm run generate` does (spec check, structural lint,
 * analysis, writers), without the wire types: writes the spec to a temporary folder, and either
 * returns the problems that refuse it or loads the emitted model.ts (transpiled by esbuild) so a
 * test can call its converters. The emitted files stay on disk for a type check.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { transform } from "esbuild";
import { LineCounter, isMap, isScalar, parseDocument, stringify } from "yaml";
import { checkAndEmitModel } from "../../scripts/lib/generate-all.js";

/** What the generated module exports: converters and value lists, by name. */
export type ModelModule = Record<string, unknown>;

export type VariantBuild =
  | { refused: true; problems: string[]; specFile: string; specText: string }
  | { refused: false; module: ModelModule; dir: string; code: string };

const folders: string[] = [];

/** Removes the temporary folders of every build so far. */
export function removeBuilds(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The spec as YAML text, one property per line (so a needle finds its line). */
export function specText(document: unknown): string {
  return stringify(document, { lineWidth: 0 });
}

export async function buildVariant(name: string, document: unknown): Promise<VariantBuild> {
  const dir = mkdtempSync(path.join(tmpdir(), `threadrun-variant-${name.replace(/\W+/g, "-")}-`));
  folders.push(dir);
  const specFile = path.join(dir, "openapi.yaml");
  const text = specText(document);
  writeFileSync(specFile, text);
  const checked = await checkAndEmitModel(specFile);
  if (checked.spec === undefined) {
    return { refused: true, problems: checked.problems, specFile, specText: text };
  }
  writeFileSync(path.join(dir, "model.ts"), checked.model);
  writeFileSync(path.join(dir, "runtime.ts"), checked.runtime);
  writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
  // The wire types are openapi-typescript's job (slow); the model only needs their names.
  writeFileSync(
    path.join(dir, "schema.ts"),
    "export interface components { schemas: Record<string, unknown> }\n",
  );
  for (const file of ["model", "runtime"]) {
    const source = file === "model" ? checked.model : checked.runtime;
    const { code } = await transform(source, { loader: "ts", format: "esm", target: "es2022" });
    writeFileSync(path.join(dir, `${file}.mjs`), code.replace('"./runtime.js"', '"./runtime.mjs"'));
  }
  const module = (await import(pathToFileURL(path.join(dir, "model.mjs")).href)) as ModelModule;
  return { refused: false, module, dir, code: checked.model };
}

/** A converter of the built module, by name (`threadRunFromWire`). */
export function converter(module: ModelModule, name: string): (value: unknown) => unknown {
  const fn = module[name];
  if (typeof fn !== "function") throw new Error(`the model has no function ${name}`);
  return fn as (value: unknown) => unknown;
}

/**
 * The 1-based line where the node at a JSON pointer is written (the key line of a map entry),
 * found with the YAML parser, independently of the generator's own locating.
 */
export function lineOfPointer(text: string, pointer: string): number {
  const segments = pointer
    .replace(/^#\//, "")
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const last = segments.pop();
  const parent = segments.length === 0 ? doc.contents : doc.getIn(segments, true);
  if (!isMap(parent) || last === undefined) throw new Error(`no map at ${pointer}`);
  const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === last);
  const offset = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  if (offset === undefined) throw new Error(`nothing at ${pointer}`);
  return counter.linePos(offset).line;
}
