/**
 * `--journal FILE`: one JSON line appended per finished run, written to the OS as it finishes (a
 * `kill -9` loses none), read back at the start so that re-running the same command skips the
 * runs already stopped. Its lines are the `--json` result lines.
 */
import { closeSync, existsSync, openSync, readFileSync, writeSync } from "node:fs";
import { isTerminalStatus } from "../index.js";
import type { ResultLine } from "./result-line.js";

export class Journal {
  readonly #fd: number;
  /** `thread_id\nrun_id` of the runs the journal says were stopped. */
  readonly #stopped: Set<string>;
  /** Lines a crash cut short, skipped when read. */
  readonly unreadable: number;

  private constructor(fd: number, stopped: Set<string>, unreadable: number) {
    this.#fd = fd;
    this.#stopped = stopped;
    this.unreadable = unreadable;
  }

  /**
   * Reads `path` (when it exists) and opens it for appending. A run counts as stopped when its
   * cancel succeeded, and, when `wait` is set, it was seen terminal: a run left `cancelling` by a
   * run without --wait is waited for by one with it.
   */
  static open(path: string, wait: boolean): Journal {
    const stopped = new Set<string>();
    let unreadable = 0;
    let text = "";
    if (existsSync(path)) text = readFileSync(path, "utf8");
    for (const line of text.split("\n")) {
      if (line.trim() === "") continue;
      const entry = parse(line);
      if (entry === undefined) {
        unreadable++;
        continue;
      }
      if (entry.ok && (!wait || isTerminalStatus(entry.status))) {
        stopped.add(key(entry.thread_id, entry.run_id));
      }
    }
    const fd = openSync(path, "a");
    // A line a crash cut short must not swallow the next one.
    if (text !== "" && !text.endsWith("\n")) writeSync(fd, "\n");
    return new Journal(fd, stopped, unreadable);
  }

  /** Whether the journal says this run was stopped. */
  stopped(threadId: string, runId: string): boolean {
    return this.#stopped.has(key(threadId, runId));
  }

  /** Appends one finished run; synchronous, so that it is the OS's before the next one is taken. */
  record(line: ResultLine): void {
    writeSync(this.#fd, `${JSON.stringify(line)}\n`);
  }

  close(): void {
    closeSync(this.#fd);
  }
}

const key = (threadId: string, runId: string): string => `${threadId}\n${runId}`;

function parse(
  line: string,
): { thread_id: string; run_id: string; ok: boolean; status: string } | undefined {
  try {
    const value = JSON.parse(line) as Record<string, unknown>;
    const { thread_id, run_id, ok, status } = value;
    if (typeof thread_id !== "string" || typeof run_id !== "string" || typeof ok !== "boolean") {
      return undefined;
    }
    return { thread_id, run_id, ok, status: typeof status === "string" ? status : "" };
  } catch {
    return undefined;
  }
}
