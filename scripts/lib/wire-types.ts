/**
 * `generated/schema.ts`: the wire types, made by openapi-typescript. Loading it (and TypeScript
 * with it) costs more than the rest of a generate run, so:
 * - when the file on disk was made from this very spec text and its body is intact (the body hash
 *   in its header matches), it is reused as it is;
 * - otherwise a worker thread starts at once and loads TypeScript while the main thread loads
 *   the checker and parses the spec; it gets the parsed document as soon as there is one
 *   (`provide`), and is dropped if the check refuses the spec (`cancel`).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";

const BODY_HASH = "// Output:  sha256 ";

export interface WireTypesJob {
  /** The file's text (header, body hash, body). */
  result: Promise<string>;
  /** Hands the parsed spec to the worker; the first call counts. */
  provide(document: unknown): void;
  /** Stops the worker when its result is no longer wanted. */
  cancel(): void;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** `existingFile`'s text when it was made from the spec behind `header` and is intact. */
function reusable(header: string, existingFile: string): string | undefined {
  let existing: string;
  try {
    existing = readFileSync(existingFile, "utf8");
  } catch {
    return undefined;
  }
  if (!existing.startsWith(header + BODY_HASH)) return undefined;
  const [hashLine = "", ...rest] = existing.slice(header.length).split("\n");
  return hashLine === BODY_HASH + sha256(rest.join("\n")) ? existing : undefined;
}

/**
 * Starts the wire types of the spec behind `header` (its first lines name the spec's hash), to be
 * written to `existingFile`.
 */
export function startWireTypes(header: string, existingFile: string): WireTypesJob {
  const existing = reusable(header, existingFile);
  if (existing !== undefined) {
    return { result: Promise.resolve(existing), provide: () => undefined, cancel: () => undefined };
  }
  // Without the parent's loader flags (tsx): the worker is plain JavaScript, and a loader would
  // make Node look at every file TypeScript is made of.
  const worker = new Worker(new URL("./wire-types-worker.mjs", import.meta.url), {
    execArgv: [],
  });
  let cancelled = false;
  let provided = false;
  const body = new Promise<string>((resolve, reject) => {
    worker.once("message", (message: string) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (cancelled) resolve("");
      else reject(new Error(`openapi-typescript stopped (exit code ${code})`));
    });
  });
  const result = body.then((text) => `${header}${BODY_HASH}${sha256(text)}\n${text}`);
  // A cancelled job's result is never awaited: keep its failure from becoming unhandled.
  result.catch(() => undefined);
  return {
    result,
    provide: (document) => {
      if (provided || cancelled) return;
      provided = true;
      worker.postMessage(document);
    },
    cancel: () => {
      cancelled = true;
      void worker.terminate();
    },
  };
}
