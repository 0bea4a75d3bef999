/**
 * The first step of `generate`, in a module with light imports so that the entry can take it
 * before the checker's modules (YAML, Ajv, the model writers) load: read the spec and start its
 * wire types, the slowest part of a cold run, in a worker thread.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { sha256, startWireTypes, type WireTypesJob } from "./wire-types.js";

export interface StartOptions {
  /** The spec to read. */
  specFile: string;
  /** The folder to write. */
  outDir: string;
  /** The command named in each file's header. */
  command?: string;
}

export interface Started {
  /** When the run started (`performance.now()`), for the stage times. */
  at: number;
  /** The spec's text; undefined when it cannot be read (the check reports why). */
  text: string | undefined;
  /** The header of every generated file. */
  header: string;
  /** The wire types in the making; undefined without a spec text. */
  wireTypes: WireTypesJob | undefined;
}

export function startGenerate(options: StartOptions): Started {
  const at = performance.now();
  let text: string | undefined;
  try {
    text = readFileSync(options.specFile, "utf8");
  } catch {
    text = undefined;
  }
  const header = headerFor(options.specFile, text ?? "", options.command);
  const wireTypes =
    text === undefined ? undefined : startWireTypes(header, path.join(options.outDir, "schema.ts"));
  return { at, text, header, wireTypes };
}

/** The header of every generated file: where it comes from, the spec's hash, the command. */
export function headerFor(specFile: string, text: string, command: string | undefined): string {
  const specName = path.relative(process.cwd(), path.resolve(specFile)).split(path.sep).join("/");
  return [
    "// This file is generated: do not edit it by hand.",
    `// Source:  ${specName} (sha256 ${sha256(text)})`,
    `// Command: ${command ?? "npm run generate"}`,
    "/* eslint-disable */",
    "",
  ].join("\n");
}
