/**
 * Where `cancel-many` reads its runs: a file, or stdin (`-` or no FILE). Lines are streamed, so a
 * list of millions of runs is never held in memory at once.
 */
import { createReadStream, openSync, closeSync, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { UsageError } from "./errors.js";
import { RunParser, type InputRecord } from "./run-input.js";

/** Refuses a FILE that cannot be read, before anything is sent. */
export function checkReadable(file: string): void {
  try {
    if (statSync(file).isDirectory())
      throw new UsageError(`cannot read ${file}: it is a directory`);
    closeSync(openSync(file, "r"));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`cannot read ${file}: ${code}`);
  }
}

/** The records of `file` (stdin when `undefined`), one by one; ends early once `stop` aborts. */
export async function* readRecords(
  file: string | undefined,
  stop?: AbortSignal,
): AsyncGenerator<InputRecord> {
  const input = file === undefined ? process.stdin : createReadStream(file);
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  // A reader waiting on a slow stdin must not hold a Ctrl-C back until the next line comes.
  const close = () => lines.close();
  stop?.addEventListener("abort", close, { once: true });
  const parser = new RunParser();
  try {
    for await (const text of lines) {
      if (stop?.aborted) return;
      const record = parser.next(text);
      if (record !== undefined) yield record;
    }
  } finally {
    stop?.removeEventListener("abort", close);
    lines.close();
    if (input !== process.stdin) input.destroy();
  }
}

/**
 * How many records of `file` are runs to cancel (minus those `skip` says to leave) or malformed
 * lines: the total the progress shows, known before the first cancel for a file.
 */
export async function countRecords(
  file: string,
  skip: (threadId: string, runId: string) => boolean,
): Promise<number> {
  let total = 0;
  for await (const record of readRecords(file)) {
    if (!record.ok || !skip(record.run.threadId, record.run.runId)) total++;
  }
  return total;
}
