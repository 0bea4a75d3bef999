/**
 * The runs `cancel-many` reads, one per line, in whichever format each line is in:
 * - a JSON object with `thread_id` and `run_id`, or a run object (`threadrun list --json`, one per
 *   line: its `id` is the run id);
 * - `thread_id run_id`, separated by whitespace;
 * - a CSV row, after a header row that names the `thread_id` and `run_id` columns.
 * Blank lines and `#` comments are skipped. A line that is none of these is a record of its own,
 * with its line number and what is wrong, so that the caller can count it and go on.
 */
import { isUnsafeId } from "../ids.js";

/** One run to cancel, and where it came from. */
export interface InputRun {
  threadId: string;
  runId: string;
  /** Its line number in the input, from 1. */
  line: number;
}

export type InputRecord =
  { ok: true; run: InputRun } | { ok: false; line: number; message: string };

/** Turns lines into records, keeping what a CSV header said for the rows after it. */
export class RunParser {
  #line = 0;
  /** Column positions of the last CSV header. */
  #csv: { thread: number; run: number; width: number } | undefined;

  /** The record of the next line, or `undefined` for a line that holds none. */
  next(text: string): InputRecord | undefined {
    const line = ++this.#line;
    const trimmed = text.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return undefined;
    try {
      if (trimmed.startsWith("{")) return { ok: true, run: fromJson(trimmed, line) };
      if (trimmed.startsWith("[")) {
        throw new Error(
          "a JSON array: give one JSON object per line (threadrun list --json | jq -c '.[]')",
        );
      }
      if (trimmed.includes(",")) return this.#csvRow(trimmed, line);
      return pair(trimmed, line);
    } catch (error) {
      return { ok: false, line, message: error instanceof Error ? error.message : String(error) };
    }
  }

  #csvRow(text: string, line: number): InputRecord | undefined {
    const cells = csvCells(text);
    const thread = cells.indexOf("thread_id");
    const run = cells.indexOf("run_id") >= 0 ? cells.indexOf("run_id") : cells.indexOf("id");
    if (thread >= 0 && run >= 0) {
      this.#csv = { thread, run, width: cells.length };
      return undefined;
    }
    if (this.#csv === undefined) {
      throw new Error("a CSV row before a header naming the thread_id and run_id columns");
    }
    if (cells.length !== this.#csv.width) {
      throw new Error(`a CSV row of ${cells.length} cells; the header has ${this.#csv.width}`);
    }
    return {
      ok: true,
      run: checked(cells[this.#csv.thread], cells[this.#csv.run], line, "CSV row"),
    };
  }
}

function fromJson(text: string, line: number): InputRun {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error("not a JSON object");
  }
  const record = value as Record<string, unknown>;
  const threadId = record["thread_id"] ?? record["threadId"];
  const runId = record["run_id"] ?? record["runId"] ?? record["id"];
  if (threadId === undefined || runId === undefined) {
    const keys = Object.keys(record)
      .slice(0, 8)
      .map((k) => JSON.stringify(k));
    throw new Error(
      `a JSON object needs "thread_id" and "run_id" (or a run object's "id"), got keys ${keys.join(", ") || "none"}`,
    );
  }
  return checked(threadId, runId, line, "JSON object");
}

function pair(text: string, line: number): InputRecord | undefined {
  const words = text.split(/\s+/);
  if (words.length !== 2) {
    throw new Error(
      `expected "thread_id run_id", a JSON object or a CSV row, got ${words.length} word(s): ${shorten(text)}`,
    );
  }
  const [threadId, runId] = words as [string, string];
  if (threadId === "thread_id" && runId === "run_id") return undefined; // a header
  // The classic mix-up (the openai package swapped the order once): caught, not sent as a 404.
  if (threadId.startsWith("run_") && runId.startsWith("thread_")) {
    throw new Error(`the run id comes first: expected "thread_id run_id", got ${shorten(text)}`);
  }
  return { ok: true, run: checked(threadId, runId, line, "line") };
}

function checked(threadId: unknown, runId: unknown, line: number, what: string): InputRun {
  for (const [name, value] of [
    ["thread_id", threadId],
    ["run_id", runId],
  ] as const) {
    if (typeof value !== "string" || value.trim() === "" || isUnsafeId(value)) {
      throw new Error(`${what}: ${name} must be a run or thread id, got ${JSON.stringify(value)}`);
    }
  }
  return { threadId: (threadId as string).trim(), runId: (runId as string).trim(), line };
}

/** The cells of one CSV row: commas separate, double quotes enclose, `""` is a quote. */
export function csvCells(text: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ",") {
      cells.push(cell.trim());
      cell = "";
    } else {
      cell += char;
    }
  }
  if (quoted) throw new Error("a CSV row with an unclosed quote");
  cells.push(cell.trim());
  return cells;
}

const shorten = (text: string): string =>
  JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
