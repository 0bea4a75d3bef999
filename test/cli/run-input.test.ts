/**
 * The line formats cancel-many reads, detected line by line, and the messages a malformed line
 * gets (with its line number, from the caller).
 */
import { describe, expect, it } from "vitest";
import { RunParser, csvCells, type InputRecord } from "../../src/cli/run-input.js";

const parse = (...lines: string[]): (InputRecord | undefined)[] => {
  const parser = new RunParser();
  return lines.map((line) => parser.next(line));
};
const run = (threadId: string, runId: string, line: number): InputRecord => ({
  ok: true,
  run: { threadId, runId, line },
});
const bad = (line: number, message: string | RegExp) => ({
  ok: false,
  line,
  message: typeof message === "string" ? message : expect.stringMatching(message),
});

describe("RunParser", () => {
  it("JSON lines: thread_id and run_id, a run object's id, camelCase; other keys ignored", () => {
    expect(
      parse(
        '{"thread_id":"thread_a","run_id":"run_1","ok":true}',
        '{"object":"thread.run","id":"run_2","thread_id":"thread_a","status":"queued"}',
        ' {"threadId":"thread_b","runId":"run_3"} ',
      ),
    ).toEqual([
      run("thread_a", "run_1", 1),
      run("thread_a", "run_2", 2),
      run("thread_b", "run_3", 3),
    ]);
  });

  it("whitespace pairs, blank lines, comments and a `thread_id run_id` header", () => {
    expect(parse("thread_id run_id", "", "# comment", "thread_a \t run_1", "  ")).toEqual([
      undefined,
      undefined,
      undefined,
      run("thread_a", "run_1", 4),
      undefined,
    ]);
  });

  it("CSV: a header names the columns (in any order, run_id or id), quoted cells", () => {
    expect(
      parse(
        "note,run_id,thread_id",
        '"a, b",run_1,thread_a',
        'x,"run_""2",thread_a',
        "id,thread_id",
        "run_3,thread_c",
      ),
    ).toEqual([
      undefined,
      run("thread_a", "run_1", 2),
      run("thread_a", 'run_"2', 3),
      undefined,
      run("thread_c", "run_3", 5),
    ]);
  });

  it("malformed lines say what is wrong; the parser goes on with the next", () => {
    expect(
      parse(
        "run_1,thread_a",
        "thread_a run_1 extra",
        "run_abc thread_abc",
        '{"thread_id": "t"}',
        "{not json",
        '{"thread_id": "t", "run_id": ".."}',
        "[",
        "thread_a run_ok",
      ),
    ).toEqual([
      bad(1, "a CSV row before a header naming the thread_id and run_id columns"),
      bad(2, /^expected "thread_id run_id", a JSON object or a CSV row, got 3 word\(s\)/),
      bad(3, 'the run id comes first: expected "thread_id run_id", got "run_abc thread_abc"'),
      bad(
        4,
        'a JSON object needs "thread_id" and "run_id" (or a run object\'s "id"), got keys "thread_id"',
      ),
      bad(5, /^not valid JSON \(/),
      bad(6, 'JSON object: run_id must be a run or thread id, got ".."'),
      bad(7, /^a JSON array: give one JSON object per line/),
      run("thread_a", "run_ok", 8),
    ]);
  });

  it("a CSV row with a different number of cells than its header", () => {
    expect(parse("thread_id,run_id", "thread_a,run_1,extra")).toEqual([
      undefined,
      bad(2, "a CSV row of 3 cells; the header has 2"),
    ]);
  });

  it("csvCells: commas, quotes, doubled quotes; an unclosed quote is refused", () => {
    expect(csvCells('a, "b,c" ,"d""e",')).toEqual(["a", "b,c", 'd"e', ""]);
    expect(() => csvCells('"open')).toThrow("a CSV row with an unclosed quote");
  });
});
