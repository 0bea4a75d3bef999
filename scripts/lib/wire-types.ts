/**
 * `generated/schema.ts`: the wire types, made by openapi-typescript. Loading it (and TypeScript
 * with it) costs more than the rest of a generate run, so:
 * - when the file on disk was made from this very spec text and its body is intact (the body hash
 *   in its header matches), it is reused as it is;
 * - otherwise it is made in a worker thread, started before the spec check so that both run at
 *   once, and dropped if the check refuses the spec.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { Worker } from "node:worker_threads";

const BODY_HASH = "// Output:  sha256 ";

export interface WireTypesJob {
  /** The file's text (header, body hash, body). */
  result: Promise<string>;
  /** Stops the worker when its result is no longer wanted. */
  cancel(): void;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function startWireTypes(
  specText: string,
  header: string,
  existingFile: string,
): WireTypesJob {
  let worker: Worker | undefined;
  let cancelled = false;
  const result = (async () => {
    const existing = await readFile(existingFile, "utf8").catch(() => undefined);
    if (existing?.startsWith(header + BODY_HASH)) {
      const [hashLine = "", ...rest] = existing.slice(header.length).split("\n");
      if (hashLine === BODY_HASH + sha256(rest.join("\n"))) return existing;
    }
    if (cancelled) return "";
    const body = await new Promise<string>((resolve, reject) => {
      worker = new Worker(new URL("./wire-types-worker.mjs", import.meta.url), {
        workerData: { specText },
      });
      worker.once("message", (message: string) => resolve(message));
      worker.once("error", reject);
      worker.once("exit", (code) => {
        if (cancelled) resolve("");
        else if (code !== 0) reject(new Error(`openapi-typescript stopped (exit code ${code})`));
      });
    });
    return `${header}${BODY_HASH}${sha256(body)}\n${body}`;
  })();
  // A cancelled job's result is never awaited: keep its failure from becoming unhandled.
  result.catch(() => undefined);
  return {
    result,
    cancel: () => {
      cancelled = true;
      void worker?.terminate();
    },
  };
}
