/**
 * spec -> generated/: checks the spec, then writes every derived file in one step. Nothing in the
 * output folder changes unless every file was produced; `check` compares instead of writing.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { toPointer } from "./json.js";
import { modelRoots } from "./model/analysis.js";
import { emitModel } from "./model/model-module.js";
import { emitOperations, specMethods } from "./operations-emitter.js";
import { checkSpec, formatProblem, type LoadedSpec } from "./spec-check.js";

/** The converters' runtime, copied below the header into generated/runtime.ts. */
const RUNTIME_SOURCE = fileURLToPath(new URL("../runtime/model-runtime.ts", import.meta.url));

export interface GenerateOptions {
  /** The spec to read. */
  specFile: string;
  /** The folder to write. */
  outDir: string;
  /** Component schemas the model layer starts from. Default: those with `x-model-name`. */
  roots?: readonly string[];
  /** Compare with what is on disk instead of writing. */
  check?: boolean;
  /** The command named in each file's header. */
  command?: string;
}

export interface GenerateResult {
  files: string[];
  /** Files whose content differs from what the spec generates (check mode). */
  stale: string[];
  /** Problems that stopped generation, as `file:line:col: message`. */
  problems: string[];
  ms: number;
  /** Milliseconds per stage: spec check and model, wire types (openapi-typescript), the rest. */
  stages: { checkAndModel: number; wireTypes: number; rest: number };
}

/** A spec that passed every check, with the model emitted from it, or the problems that stopped it. */
export type CheckedModel =
  | { problems: []; spec: LoadedSpec; header: string; model: string; runtime: string }
  | { problems: string[]; spec?: undefined };

/**
 * Checks the spec (YAML, refs, structural lint, examples), then analyses and emits the model:
 * everything `generate` refuses a spec for, without writing anything.
 */
export async function checkAndEmitModel(
  specFile: string,
  options: { roots?: readonly string[]; command?: string } = {},
): Promise<CheckedModel> {
  const { spec, problems } = await checkSpec(specFile);
  if (!spec || problems.length > 0) return { problems: problems.map(formatProblem) };

  const specName = path.relative(process.cwd(), path.resolve(specFile)).split(path.sep).join("/");
  const header = [
    "// This file is generated: do not edit it by hand.",
    `// Source:  ${specName} (sha256 ${sha256(spec.text)})`,
    `// Command: ${options.command ?? "npm run generate"}`,
    "/* eslint-disable */",
    "",
  ].join("\n");

  const model = emitModel({
    document: spec.document,
    roots: options.roots ?? modelRoots(spec.document),
    header,
  });
  if (model.code === undefined) {
    return {
      problems: model.issues.map((issue) => {
        const { line, column } = spec.locate(issue.path);
        const message = `${toPointer(issue.path)}: ${issue.message}`;
        return formatProblem({ file: spec.file, line, column, message });
      }),
    };
  }
  const runtime = header + (await readFile(RUNTIME_SOURCE, "utf8"));
  return { problems: [], spec, header, model: model.code, runtime };
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const checked = await checkAndEmitModel(options.specFile, options);
  const checkedAt = elapsed();
  let wireTypesMs = 0;
  const stages = () => ({
    checkAndModel: checkedAt,
    wireTypes: wireTypesMs,
    rest: elapsed() - checkedAt - wireTypesMs,
  });
  if (checked.spec === undefined)
    return { files: [], stale: [], problems: checked.problems, ms: elapsed(), stages: stages() };
  const { spec, header } = checked;

  const outputs = new Map<string, string>([
    [
      "schema.ts",
      await timed(
        (ms) => (wireTypesMs = ms),
        wireTypes(spec.text, header, path.join(options.outDir, "schema.ts")),
      ),
    ],
    ["model.ts", checked.model],
    ["runtime.ts", checked.runtime],
    ["operations.ts", emitOperations({ document: spec.document, header })],
    [
      "client-types.ts",
      [
        header,
        'import type { Client } from "openapi-fetch";',
        'import type { paths } from "./schema.js";',
        "",
        "/** openapi-fetch's request methods, typed by the spec's paths, for the methods the spec uses. */",
        `export type RawClient = Pick<Client<paths, "application/json">, ${
          specMethods(spec.document)
            .map((m) => JSON.stringify(m))
            .join(" | ") || "never"
        }>;`,
        "",
      ].join("\n"),
    ],
  ]);

  const files = [...outputs.keys()].map((f) => path.join(options.outDir, f));
  if (options.check) {
    const stale: string[] = [];
    for (const [name, content] of outputs) {
      const file = path.join(options.outDir, name);
      const current = await readFile(file, "utf8").catch(() => undefined);
      if (current !== content) stale.push(file);
    }
    return { files, stale, problems: [], ms: elapsed(), stages: stages() };
  }

  // Every file is complete before any is replaced: a failure above leaves the folder as it was.
  await mkdir(options.outDir, { recursive: true });
  const staged: [string, string][] = [];
  for (const [name, content] of outputs) {
    const file = path.join(options.outDir, name);
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, content);
    staged.push([temp, file]);
  }
  for (const [temp, file] of staged) await rename(temp, file);
  return { files, stale: [], problems: [], ms: elapsed(), stages: stages() };
}

const BODY_HASH = "// Output:  sha256 ";

/**
 * The wire types (openapi-typescript). Loading openapi-typescript (and TypeScript with it) costs
 * more than everything else in a generate run, so when the file on disk was made from this very
 * spec text and its body is intact (the body hash in its header matches), it is reused as it is.
 */
/** Awaits `work`, reporting how long it took. */
async function timed<T>(report: (ms: number) => void, work: Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await work;
  report(Math.round(performance.now() - started));
  return value;
}

async function wireTypes(specText: string, header: string, existingFile: string): Promise<string> {
  const existing = await readFile(existingFile, "utf8").catch(() => undefined);
  if (existing?.startsWith(header + BODY_HASH)) {
    const [hashLine = "", ...rest] = existing.slice(header.length).split("\n");
    const body = rest.join("\n");
    if (hashLine === BODY_HASH + sha256(body)) return existing;
  }
  const { default: openapiTS, astToString } = await import("openapi-typescript");
  // Without defaultNonNullable a field with a `default` stays optional: servers may leave it out.
  const body = astToString(await openapiTS(specText, { silent: true, defaultNonNullable: false }));
  return `${header}${BODY_HASH}${sha256(body)}\n${body}`;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
