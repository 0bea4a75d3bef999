/**
 * Conversion cost: JSON.parse of a 100-run list page alone vs JSON.parse plus runFromWire on every
 * run (the generated converters, through src/model.ts). Alternating batches in one process.
 */
import { runFromWire, type ThreadRun } from "../src/index.js";
import { listPageText } from "./lib/fixtures.js";
import { fmt, spread, summarize } from "./lib/stats.js";
import { defaultLog, type BenchOptions, type Result } from "./lib/types.js";

let sink: unknown;

function parseOnly(text: string): number {
  const page = JSON.parse(text) as { data: unknown[] };
  return page.data.length;
}

function parseAndConvert(text: string): number {
  const page = JSON.parse(text) as { data: unknown[] };
  const data = page.data;
  const runs = new Array<ThreadRun>(data.length);
  for (let i = 0; i < data.length; i++) runs[i] = runFromWire(data[i]);
  sink = runs;
  return runs.length;
}

function timeBatch(fn: (text: string) => number, text: string, iterations: number): number {
  let total = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) total += fn(text);
  const us = Number(process.hrtime.bigint() - start) / 1e3 / iterations;
  if (total <= 0) throw new Error("nothing parsed");
  return us;
}

export async function run(options: BenchOptions = {}): Promise<Result> {
  const log = options.log ?? defaultLog;
  const runsPerPage = 100;
  const text = listPageText(runsPerPage);
  const iterations = options.tiny ? 5 : 40;
  const rounds = options.tiny ? 2 : 101;
  // Warm-up: let both paths reach optimised code before measuring.
  timeBatch(parseOnly, text, options.tiny ? 5 : 300);
  timeBatch(parseAndConvert, text, options.tiny ? 5 : 300);
  const parse: number[] = [];
  const both: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // Alternate which goes first, so neither always runs right after a GC of the other's garbage.
    let p: number;
    let c: number;
    if (round % 2 === 0) {
      p = timeBatch(parseOnly, text, iterations);
      c = timeBatch(parseAndConvert, text, iterations);
    } else {
      c = timeBatch(parseAndConvert, text, iterations);
      p = timeBatch(parseOnly, text, iterations);
    }
    parse.push(p);
    both.push(c);
    ratios.push(c / p);
  }
  void sink;
  const sp = summarize(parse);
  const sc = summarize(both);
  const sr = summarize(ratios);
  const convertOnly = summarize(both.map((c, i) => c - (parse[i] as number)));
  log(
    `convert: parse ${fmt(sp.median)} µs, parse+convert ${fmt(sc.median)} µs, ${fmt(sr.median)}×`,
  );
  return {
    name: "convert",
    title: "Conversion: JSON.parse of a 100-run page vs JSON.parse + runFromWire",
    method:
      `A ${(text.length / 1024).toFixed(0)} KiB list page of ${runsPerPage} realistic runs (4 tools ` +
      "with function JSON schemas, tool_resources, 4 metadata keys, usage on terminal runs, " +
      `required_action on some, json_schema response formats). ${iterations} pages per batch, ` +
      `${rounds} alternating rounds; ratio per round, then the median.`,
    tables: [
      {
        columns: ["", "median µs/page", "spread (µs)", "× JSON.parse"],
        rows: [
          ["JSON.parse", fmt(sp.median, 1), spread(sp, 1), "1.00×"],
          [
            "JSON.parse + runFromWire × 100",
            fmt(sc.median, 1),
            spread(sc, 1),
            `${fmt(sr.median, 2)}× (${spread(sr, 2)})`,
          ],
          ["(conversion alone)", fmt(convertOnly.median, 1), spread(convertOnly, 1), ""],
        ],
      },
    ],
    goals: [
      {
        goal: "conversion: JSON.parse + convert ≤ 1.3× JSON.parse",
        measured: `${fmt(sr.median, 2)}×`,
        met: sr.median <= 1.3,
      },
    ],
    notes: [],
    metrics: { parseUs: sp.median, convertUs: sc.median, ratio: sr.median },
  };
}
