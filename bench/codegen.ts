/**
 * Codegen: `npm run generate` on the project's spec and on a synthetic spec of 300 model schemas
 * (about 2 MB), each run a fresh process. "Cold" writes into an empty folder, so nothing is
 * reused (openapi-typescript runs); "unchanged spec" writes where the same spec was generated
 * before, so the wire types are reused. It never touches generated/. Numbers are the time the
 * generator reports for itself (from reading the spec to the last file written) and the wall time
 * of the process (Node, tsx and imports included), with the generator's stages.
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
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

interface Run {
  wallMs: number;
  reportedMs: number;
  stages: { check: number; wire: number; rest: number };
}

/** One `generate` in a fresh process; `out` empty for a cold run. */
function generateOnce(spec: string, out: string): Run {
  const start = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    [tsx, "scripts/generate.ts", "--spec", spec, "--out", out],
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
    /in (\d+) ms \(spec check and model done at (\d+) ms, wire types at (\d+) ms, the rest (\d+) ms\)/.exec(
      child.stdout,
    );
  if (!match) throw new Error(`generate printed no times: ${child.stdout}`);
  const [, total, check, wire, rest] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return { wallMs, reportedMs: total, stages: { check, wire, rest } };
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
    fmt(reported.median, 0),
    spread(reported, 0),
    stage((r) => r.stages.check),
    stage((r) => r.stages.wire),
    fmt(wall.median, 0),
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
  const median = (label: string): Summary =>
    summarize(series.find((s) => s.label === label)!.runs.map((r) => r.reportedMs));
  const projectCold = median("project spec, cold");
  const syntheticCold = median(`synthetic, ${schemaCount} schemas, cold`);
  const projectWarm = median("project spec, unchanged spec");
  const load = os.loadavg()[0] ?? 0;
  return {
    name: "codegen",
    title: "Codegen: npm run generate",
    method:
      `${runs} fresh processes per row of \`tsx scripts/generate.ts --spec <spec> --out <dir>\`: ` +
      `"cold" into an empty folder (openapi-typescript runs), "unchanged spec" again into the ` +
      `same folder (wire types reused). openapi-typescript makes the wire types in a worker ` +
      `thread while the spec is checked, so the two stages overlap. The synthetic spec has ${schemaCount} model schemas with ` +
      `timestamps, maps, allOf and unions (${(syntheticBytes / 1e6).toFixed(1)} MB of YAML). ` +
      `Times are what the generator reports (spec read to last file written); wall time adds ` +
      `Node, tsx and imports.`,
    tables: [
      {
        columns: [
          "",
          "median ms (reported)",
          "spread (ms)",
          "check + model done at (ms)",
          "wire types done at (ms)",
          "wall ms",
        ],
        rows: series.map(row),
      },
    ],
    goals: [
      {
        goal: "codegen: project spec < 1 s cold",
        measured: `${fmt(projectCold.median / 1000, 2)} s`,
        met: projectCold.median < 1000,
      },
      {
        goal: `codegen: synthetic ${schemaCount}-schema spec < 3 s cold`,
        measured: `${fmt(syntheticCold.median / 1000, 2)} s`,
        met: syntheticCold.median < 3000,
      },
    ],
    notes: [
      `Load average when it ended: ${load.toFixed(1)} on ${os.cpus().length} cores; a busy machine stretches every row.`,
      "openapi-typescript (wire types) dominates a cold run: it loads TypeScript and prints the whole spec's types.",
    ],
    metrics: {
      projectColdMs: projectCold.median,
      projectUnchangedMs: projectWarm.median,
      syntheticColdMs: syntheticCold.median,
    },
  };
}
