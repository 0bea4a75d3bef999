/**
 * Codegen: `npm run generate` on the project's spec and on a synthetic spec of 300 model schemas
 * (about 2 MB), each run a fresh process. "Cold" writes into an empty folder, so nothing is
 * reused (openapi-typescript runs); "unchanged spec" writes where the same spec was generated
 * before, so the wire types are reused. It never touches generated/. The goals are end to end
 * (the process from spawn to exit: Node, the bundling and imports included); the generator's own
 * report (from reading the spec to the last file written) and its stages show where time goes.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { syntheticSpec } from "./lib/synthetic-spec.js";
import { fmt, spread, summarize, type Summary } from "./lib/stats.js";
import { defaultLog, type BenchOptions, type Result } from "./lib/types.js";

const root = fileURLToPath(new URL("..", import.meta.url));
/** What `npm run generate` runs (package.json), without npm's own start-up. */
const runner = path.join(root, "scripts", "run-bundled.mjs");

interface Run {
  wallMs: number;
  reportedMs: number;
  /** When each stage was done, in ms from the generator's start (as it prints them). */
  stages: { parsed: number; checked: number; model: number; wire: number };
  /** The process's CPU time, every thread and its start-up included (as it prints it). */
  cpuMs: number;
}

/** One `generate` in a fresh process; `out` empty for a cold run. */
function generateOnce(spec: string, out: string): Run {
  const start = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    [runner, "scripts/generate.ts", "--spec", spec, "--out", out],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) {
    throw new Error(`generate failed (${String(child.status)}): ${child.stderr}`);
  }
  const match =
    /in (\d+) ms \(spec parsed at (\d+) ms, checked at (\d+) ms, model at (\d+) ms, wire types at (\d+) ms; process CPU (\d+) ms\)/.exec(
      child.stdout,
    );
  if (!match) throw new Error(`generate printed no times: ${child.stdout}`);
  const [, total, parsed, checked, model, wire, cpuMs] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { wallMs, reportedMs: total, stages: { parsed, checked, model, wire }, cpuMs };
}

interface Series {
  label: string;
  runs: Run[];
}

function row(series: Series): (string | number)[] {
  const reported = summarize(series.runs.map((r) => r.reportedMs));
  const wall = summarize(series.runs.map((r) => r.wallMs));
  const stage = (pick: (r: Run) => number): string =>
    fmt(summarize(series.runs.map(pick)).median, 0);
  return [
    series.label,
    fmt(wall.median, 0),
    spread(wall, 0),
    fmt(reported.median, 0),
    stage((r) => r.stages.parsed),
    stage((r) => r.stages.checked),
    stage((r) => r.stages.model),
    stage((r) => r.stages.wire),
    stage((r) => r.cpuMs),
  ];
}

export async function run(options: BenchOptions = {}): Promise<Result> {
  const log = options.log ?? defaultLog;
  const runs = options.tiny ? 1 : 5;
  const schemaCount = options.tiny ? 20 : 300;
  const work = mkdtempSync(path.join(tmpdir(), "threadrun-codegen-"));
  const series: Series[] = [];
  let syntheticBytes = 0;
  try {
    const synthetic = path.join(work, "synthetic.yaml");
    writeFileSync(synthetic, syntheticSpec(schemaCount));
    syntheticBytes = statSync(synthetic).size;
    const specs = [
      ["project spec", path.join(root, "spec", "openapi.yaml")],
      [`synthetic, ${schemaCount} schemas`, synthetic],
    ] as const;
    for (const [name, spec] of specs) {
      const cold: Run[] = [];
      const warm: Run[] = [];
      for (let i = 0; i < runs; i++) {
        const out = mkdtempSync(path.join(work, "out-"));
        cold.push(generateOnce(spec, out));
        warm.push(generateOnce(spec, out));
        rmSync(out, { recursive: true, force: true });
        log(
          `codegen ${name} ${i + 1}/${runs}: cold ${fmt(cold[i]!.reportedMs, 0)} ms, ` +
            `unchanged ${fmt(warm[i]!.reportedMs, 0)} ms (reported)`,
        );
      }
      series.push(
        { label: `${name}, cold`, runs: cold },
        { label: `${name}, unchanged spec`, runs: warm },
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  // The goals are end to end: a fresh process from spawn to exit, Node and the bundling included.
  const runsOf = (label: string): Run[] => series.find((s) => s.label === label)!.runs;
  const median = (label: string): Summary => summarize(runsOf(label).map((r) => r.wallMs));
  const cpu = (label: string): string =>
    `process CPU ${fmt(summarize(runsOf(label).map((r) => r.cpuMs)).median / 1000, 2)} s`;
  const projectCold = median("project spec, cold");
  const syntheticCold = median(`synthetic, ${schemaCount} schemas, cold`);
  const projectWarm = median("project spec, unchanged spec");
  const load = os.loadavg()[0] ?? 0;
  return {
    name: "codegen",
    title: "Codegen: npm run generate",
    method:
      `${runs} fresh processes per row of \`node scripts/run-bundled.mjs scripts/generate.ts --spec <spec> --out <dir>\`` +
      ` (what \`npm run generate\` runs: esbuild bundles the generator's modules, no tsx): ` +
      `"cold" into an empty folder (openapi-typescript runs), "unchanged spec" again into the ` +
      `same folder (wire types reused). The wire types' worker starts before the checker's ` +
      `modules load and gets the document the main thread parsed, so loading TypeScript overlaps ` +
      `parsing, checking and the model. The synthetic spec has ${schemaCount} model schemas with ` +
      `timestamps, maps, allOf and unions (${(syntheticBytes / 1e6).toFixed(1)} MB of YAML). ` +
      `End to end: spawn to exit of the process, bundling included (the goals). Reported: what the generator prints ` +
      `(its start to the last file written), with when each stage was done, in ms from its start.`,
    tables: [
      {
        columns: [
          "",
          "end to end ms (median)",
          "spread (ms)",
          "reported ms",
          "parsed at",
          "checked at",
          "model at",
          "wire types at",
          "process CPU ms",
        ],
        rows: series.map(row),
      },
    ],
    goals: [
      {
        goal: "codegen: project spec < 1 s cold",
        measured: `${fmt(projectCold.median / 1000, 2)} s (${cpu("project spec, cold")})`,
        met: projectCold.median < 1000,
      },
      {
        goal: `codegen: synthetic ${schemaCount}-schema spec < 3 s cold`,
        measured: `${fmt(syntheticCold.median / 1000, 2)} s (${cpu(`synthetic, ${schemaCount} schemas, cold`)})`,
        met: syntheticCold.median < 3000,
      },
    ],
    notes: [
      `Load average when it ended: ${load.toFixed(1)} on ${os.cpus().length} cores; a busy machine stretches every row. The process CPU time (all its threads, start-up included) hardly depends on the load: on free cores the wall time of a cold run is about the larger of the main thread's and the worker's share of it.`,
      "A cold run is bound by loading TypeScript for openapi-typescript (in the worker) and, on the big spec, by parsing the YAML with positions (the `yaml` library) and openapi-typescript's transform and printing.",
    ],
    metrics: {
      projectColdMs: projectCold.median,
      projectUnchangedMs: projectWarm.median,
      syntheticColdMs: syntheticCold.median,
    },
  };
}
