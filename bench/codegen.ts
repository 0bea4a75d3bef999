/**
 * Codegen: `npm run generate` end to end (spawned, wall time) and the time it reports itself.
 * It writes into a temporary folder (`-- --out <tmp>`), so generated/ (which others may be
 * regenerating at the same time) is never touched; the work is the same.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fmt, spread, summarize } from "./lib/stats.js";
import { defaultLog, type BenchOptions, type Result } from "./lib/types.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

export async function run(options: BenchOptions = {}): Promise<Result> {
  const log = options.log ?? defaultLog;
  const runs = options.tiny ? 1 : 5;
  const wall: number[] = [];
  const reported: number[] = [];
  const out = mkdtempSync(path.join(tmpdir(), "threadrun-codegen-"));
  let files = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      const child = spawnSync(npm, ["run", "--silent", "generate", "--", "--out", out], {
        cwd: root,
        encoding: "utf8",
      });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (child.status !== 0) {
        throw new Error(`npm run generate failed (${String(child.status)}): ${child.stderr}`);
      }
      const match = /in (\d+) ms/.exec(child.stdout);
      if (!match) throw new Error(`npm run generate printed no time: ${child.stdout}`);
      wall.push(ms);
      reported.push(Number(match[1]));
      log(`codegen run ${i + 1}/${runs}: ${fmt(ms, 0)} ms wall, ${match[1]} ms reported`);
    }
    files = readdirSync(out).length;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const w = summarize(wall);
  const r = summarize(reported);
  return {
    name: "codegen",
    title: "Codegen: npm run generate",
    method:
      `${runs} runs of \`npm run generate -- --out <tmp dir>\` (spec check, openapi-typescript, ` +
      `model and operation emitters; ${files} files written), each a fresh process.`,
    tables: [
      {
        columns: ["", "median ms", "spread (ms)"],
        rows: [
          ["end to end (spawn npm → exit)", fmt(w.median, 0), spread(w, 0)],
          ["in-process (as printed by the generator)", fmt(r.median, 0), spread(r, 0)],
          ["start-up outside the generator (npm, tsx, imports)", fmt(w.median - r.median, 0), ""],
        ],
      },
    ],
    goals: [
      {
        goal: "codegen: npm run generate < 3 s end to end",
        measured: `${fmt(w.median / 1000, 2)} s`,
        met: w.median < 3000,
      },
    ],
    notes: [],
    metrics: { wallMs: w.median, reportedMs: r.median },
  };
}
