/**
 * spec -> generated/: checks the spec, then writes every derived file in one step. Nothing in the
 * output folder changes unless every file was produced; `check` compares instead of writing.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { toPointer } from "./json.js";
import { modelRoots } from "./model/analysis.js";
import { emitModel } from "./model/model-module.js";
import { emitOperations, specMethods } from "./operations-emitter.js";
import { checkSpec, formatProblem, type LoadedSpec } from "./spec-check.js";
import { sha256, startWireTypes } from "./wire-types.js";

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
  /**
   * When each stage was done, in ms from the start: the spec check and the model, then the wire
   * types (made in parallel from the start); and how long the rest (other files, writing) took.
   */
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
  options: { roots?: readonly string[]; command?: string; text?: string } = {},
): Promise<CheckedModel> {
  const { spec, problems } = await checkSpec(specFile, options.text);
  if (!spec || problems.length > 0) return { problems: problems.map(formatProblem) };

  const header = headerFor(specFile, spec.text, options.command);

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

/** The header of every generated file: where it comes from, the spec's hash, the command. */
function headerFor(specFile: string, text: string, command: string | undefined): string {
  const specName = path.relative(process.cwd(), path.resolve(specFile)).split(path.sep).join("/");
  return [
    "// This file is generated: do not edit it by hand.",
    `// Source:  ${specName} (sha256 ${sha256(text)})`,
    `// Command: ${command ?? "npm run generate"}`,
    "/* eslint-disable */",
    "",
  ].join("\n");
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const text = await readFile(options.specFile, "utf8").catch(() => undefined);
  // The wire types are made while the spec is checked (see wire-types.ts).
  const wire =
    text === undefined
      ? undefined
      : startWireTypes(
          text,
          headerFor(options.specFile, text, options.command),
          path.join(options.outDir, "schema.ts"),
        );
  const checked = await checkAndEmitModel(options.specFile, {
    ...options,
    ...(text === undefined ? {} : { text }),
  });
  const checkedAt = elapsed();
  if (checked.spec === undefined || wire === undefined) {
    wire?.cancel();
    const stages = { checkAndModel: checkedAt, wireTypes: 0, rest: elapsed() - checkedAt };
    return { files: [], stale: [], problems: checked.problems, ms: elapsed(), stages };
  }
  const { spec, header } = checked;
  const schema = await wire.result;
  const wireTypesAt = elapsed();
  const stages = () => ({
    checkAndModel: checkedAt,
    wireTypes: wireTypesAt,
    rest: elapsed() - wireTypesAt,
  });

  const outputs = new Map<string, string>([
    ["schema.ts", schema],
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
