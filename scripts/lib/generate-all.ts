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
import { headerFor, startGenerate, type Started } from "./generate-start.js";
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
  /**
   * The first step, when the caller took it before loading this module (scripts/generate.ts
   * does, so that the wire types start sooner); taken here otherwise.
   */
  started?: Started;
}

/** When each stage was done, in ms from the start (0: not reached). */
export interface Stages {
  /** The YAML parsed: the wire types can start on the document. */
  parsed: number;
  /** The spec checked: structural lint, refs, examples. */
  checked: number;
  /** The model analysed and emitted. */
  model: number;
  /** The wire types made (in a worker, from the start) or reused. */
  wireTypes: number;
}

export interface GenerateResult {
  files: string[];
  /** Files whose content differs from what the spec generates (check mode). */
  stale: string[];
  /** Problems that stopped generation, as `file:line:col: message`. */
  problems: string[];
  /** From the start to the last file written. */
  ms: number;
  stages: Stages;
}

/** A spec that passed every check, with the model emitted from it, or the problems that stopped it. */
export type CheckedModel =
  | { problems: []; spec: LoadedSpec; header: string; model: string; runtime: string }
  | { problems: string[]; spec?: undefined };

export interface CheckAndEmitOptions {
  roots?: readonly string[];
  command?: string;
  /** The spec's text, when it was read already. */
  text?: string;
  /** The header, when it was made already. */
  header?: string;
  /** Called with the parsed document before it is checked. */
  onParsed?: (document: Record<string, unknown>) => void;
  /** Called when the spec passed its check, before the model is analysed. */
  onChecked?: () => void;
}

/**
 * Checks the spec (YAML, refs, structural lint, examples), then analyses and emits the model:
 * everything `generate` refuses a spec for, without writing anything.
 */
export async function checkAndEmitModel(
  specFile: string,
  options: CheckAndEmitOptions = {},
): Promise<CheckedModel> {
  const { spec, problems } = await checkSpec(specFile, {
    ...(options.text === undefined ? {} : { text: options.text }),
    ...(options.onParsed === undefined ? {} : { onParsed: options.onParsed }),
  });
  if (!spec || problems.length > 0) return { problems: problems.map(formatProblem) };
  options.onChecked?.();

  const header = options.header ?? headerFor(specFile, spec.text, options.command);

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
  const started = options.started ?? startGenerate(options);
  const { text, header, wireTypes } = started;
  const elapsed = () => Math.round(performance.now() - started.at);
  const stages: Stages = { parsed: 0, checked: 0, model: 0, wireTypes: 0 };
  const refused = (problems: string[]): GenerateResult => {
    wireTypes?.cancel();
    return { files: [], stale: [], problems, ms: elapsed(), stages };
  };

  let checked: CheckedModel;
  try {
    checked = await checkAndEmitModel(options.specFile, {
      ...options,
      ...(text === undefined ? {} : { text }),
      header,
      onParsed: (document) => {
        stages.parsed = elapsed();
        wireTypes?.provide(document);
      },
      onChecked: () => (stages.checked = elapsed()),
    });
  } catch (error) {
    // The worker waits for a document: without this it would keep the process alive.
    wireTypes?.cancel();
    throw error;
  }
  if (checked.spec === undefined || wireTypes === undefined) return refused(checked.problems);
  stages.model = elapsed();
  const { spec } = checked;
  let schema: string;
  try {
    schema = await wireTypes.result;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return refused([`${spec.file}: openapi-typescript could not make the wire types: ${reason}`]);
  }
  stages.wireTypes = elapsed();

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
        "/**",
        " * openapi-fetch's request methods, typed by the spec's paths, for the methods the spec uses.",
        " * @category Client",
        " */",
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
    return { files, stale, problems: [], ms: elapsed(), stages };
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
  return { files, stale: [], problems: [], ms: elapsed(), stages };
}
