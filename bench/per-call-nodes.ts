/**
 * npm run bench:nodes [-- --node <version|current> …] [--tiny] [--out <file>]
 *
 * The per-call benchmark (bench/per-call.ts) and the idle-AbortSignal micro-benchmark
 * (bench/fetch-signal.ts) on each Node: the machine's own (`current`) and the versions pinned in
 * scripts/node-matrix.sh, each binary taken from that script's cache (fetched from the npm
 * registry when missing). Each run is a child process on that Node; the results go into one
 * section of bench/RESULTS.md between two markers, replaced in place, which `npm run bench` keeps
 * when it rewrites the rest of the file (see {@link keepNodeSection}).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { format } from "prettier";
import { MODES as SIGNAL_MODES, WAYS } from "./fetch-signal.js";
import { fmt } from "./lib/stats.js";
import type { Result } from "./lib/types.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const matrixScript = path.join(repoRoot, "scripts", "node-matrix.sh");

export const SECTION_START = "<!-- per-call-nodes: written by `npm run bench:nodes` -->";
export const SECTION_END = "<!-- /per-call-nodes -->";

/** The benchmarks' results on one Node. */
export interface NodeRun {
  node: string;
  perCall: Result;
  fetchSignal: Result;
}

/** What a benchmark run directly with `--json` writes. */
interface ChildResult {
  node: string;
  result: Result;
}

const OPS = ["get", "cancel"] as const;
const MODES = [
  { concurrency: 1, label: "sequential" },
  { concurrency: 16, label: "concurrency 16" },
] as const;

const escape = (cell: string): string => cell.replace(/\|/g, "\\|");

function table(columns: string[], rows: string[][]): string[] {
  return [
    `| ${columns.map(escape).join(" | ")} |`,
    `|${columns.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`,
    ...rows.map((row) => `| ${row.map(escape).join(" | ")} |`),
  ];
}

const modeColumns = OPS.flatMap((op) => MODES.map((mode) => `${op}, ${mode.label}`));

/** The contenders of a run, in the order per-call.ts lists them. */
function contenderNames(result: Result): string[] {
  const names: string[] = [];
  for (const key of Object.keys(result.metrics)) {
    const match = /^get\.1\.(.+)\.us$/.exec(key);
    if (match) names.push(match[1] as string);
  }
  return names;
}

/** The markdown section (between the markers) for the given runs, prettier-formatted. */
export async function renderNodeSection(
  runs: readonly NodeRun[],
  command: string,
  tiny: boolean,
): Promise<string> {
  const cpus = os.cpus();
  const lines: string[] = [
    SECTION_START,
    "",
    "## Per-call cost on each Node",
    "",
    `- Command: \`${command}\``,
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpus[0]?.model ?? "unknown CPU"}, ${cpus.length} cores, ${os.platform()} ` +
      `${os.release()}; load average at the end ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" / ")} (the cores are shared with other processes)`,
    `- Nodes: ${runs.map((r) => r.node).join(", ")}, one after the other, each in its own process`,
    ...(tiny ? ["- **Tiny sizes** (`--tiny`): smoke numbers, not measurements."] : []),
    "",
    "The per-call benchmark (bench/per-call.ts, the one above with two more contenders that " +
      "hand fetch an idle AbortSignal), run once under each Node (same method, same server: the " +
      "reference server in a child process on the same Node). Each cell: median µs per call " +
      "(median ratio to raw fetch in the same round). Rounds last seconds, so on shared cores a " +
      "single cell moves with the machine's load (the load average is above): compare the signal " +
      "cost by the micro-benchmark further down, which interleaves far finer and gives intervals.",
    "",
  ];
  for (const { node, perCall: result } of runs) {
    lines.push(`**Node ${node}**`, "");
    const rows = contenderNames(result).map((name) => [
      name,
      ...OPS.flatMap((op) =>
        MODES.map(({ concurrency }) => {
          const key = `${op}.${concurrency}.${name}`;
          const us = result.metrics[`${key}.us`] ?? Number.NaN;
          const ratio = result.metrics[`${key}.ratio`] ?? Number.NaN;
          return `${fmt(us, 1)} (${fmt(ratio, 2)}×)`;
        }),
      ),
    ]);
    lines.push(...table(["contender", ...modeColumns], rows), "");
  }
  /** "ratio× (low–high)" from the metrics `key`, `key<low>` and `key<high>`. */
  const ratioCell = (
    metrics: Record<string, number>,
    key: string,
    [low, high] = [".p10", ".p90"],
  ): string => {
    const m = (suffix: string) => fmt(metrics[key + suffix] ?? Number.NaN, 2);
    return `${m("")}× (${m(low)}–${m(high)})`;
  };
  lines.push(
    "**An idle AbortSignal on fetch, per Node** (bench/fetch-signal.ts: a GET with a signal that " +
      "never fires ÷ the same GET without one, interleaved in small blocks of calls, by this " +
      "process's CPU time and by the wall clock: the ratio of the median µs per call, with " +
      "its 90% bootstrap interval in brackets)",
    "",
  );
  const ways = WAYS.slice(1);
  const microRows = runs.flatMap(({ node, fetchSignal }) =>
    (["cpu", "wall"] as const).map((clock) => [
      `${node}, ${clock === "cpu" ? "client CPU time" : "wall time"}`,
      ...ways.flatMap((way) =>
        SIGNAL_MODES.map(({ concurrency }) =>
          ratioCell(fetchSignal.metrics, `${concurrency}.${way.name}.${clock}.ratio`, [
            ".low",
            ".high",
          ]),
        ),
      ),
    ]),
  );
  const microColumns = ways.flatMap((way) => SIGNAL_MODES.map((m) => `${way.name}, ${m.label}`));
  lines.push(...table(["Node, clock", ...microColumns], microRows), "");
  for (const { node, fetchSignal } of runs) {
    for (const note of fetchSignal.notes) lines.push(`- ${node}: ${note}`);
  }
  lines.push("", SECTION_END, "");
  return format(lines.join("\n"), { parser: "markdown", printWidth: 100 });
}

/** `markdown` with its node section replaced by `section` (appended when it has none). */
export function withNodeSection(markdown: string, section: string): string {
  const start = markdown.indexOf(SECTION_START);
  const end = markdown.indexOf(SECTION_END);
  if (start === -1 || end === -1 || end < start) {
    const before = markdown.trimEnd();
    return `${before ? `${before}\n\n` : ""}${section.trim()}\n`;
  }
  const after = markdown.slice(end + SECTION_END.length).trim();
  return `${markdown.slice(0, start)}${section.trim()}\n${after ? `\n${after}\n` : ""}`;
}

/**
 * For bench/run.ts: the freshly rendered `markdown` with the node section of the file at `file`
 * carried over, so `npm run bench` does not drop what `npm run bench:nodes` measured.
 */
export function keepNodeSection(markdown: string, file: string): string {
  if (!existsSync(file)) return markdown;
  const old = readFileSync(file, "utf8");
  const start = old.indexOf(SECTION_START);
  const end = old.indexOf(SECTION_END);
  if (start === -1 || end === -1 || end < start) return markdown;
  return withNodeSection(markdown, old.slice(start, end + SECTION_END.length));
}

/** The folder holding `node` for `version` ("current": this process's Node). */
function nodeBin(version: string): string {
  if (version === "current") return path.dirname(process.execPath);
  const installed = spawnSync("bash", [matrixScript, "install", version], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (installed.status !== 0) {
    throw new Error(`bench:nodes: could not get Node ${version} (scripts/node-matrix.sh install)`);
  }
  return installed.stdout.trim();
}

/** Runs `script` (a benchmark with a `--json` mode) under the Node in `bin`. */
function benchUnder(script: string, bin: string, tiny: boolean): Promise<ChildResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "threadrun-bench-node-"));
  const out = path.join(dir, "result.json");
  const args = ["--import", "tsx", script, "--json", out, ...(tiny ? ["--tiny"] : [])];
  return new Promise<ChildResult>((resolve, reject) => {
    const child = spawn(path.join(bin, "node"), args, {
      cwd: repoRoot,
      // Every process the benchmark starts (the server child) runs on the same Node.
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}` },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("close", (code) => {
      try {
        if (code !== 0) throw new Error(`${script} under ${bin}/node exited ${code}`);
        resolve(JSON.parse(readFileSync(out, "utf8")) as ChildResult);
      } catch (error) {
        reject(error);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      node: { type: "string", multiple: true },
      tiny: { type: "boolean", default: false },
      out: { type: "string" },
    },
  });
  const pinned = spawnSync("bash", [matrixScript, "pinned"], { encoding: "utf8" })
    .stdout.trim()
    .split("\n");
  const versions = values.node ?? ["current", ...pinned];
  const runs: NodeRun[] = [];
  for (const version of versions) {
    const bin = nodeBin(version);
    process.stderr.write(`== on ${version === "current" ? process.version : version}\n`);
    const fetchSignal = await benchUnder("bench/fetch-signal.ts", bin, values.tiny);
    const perCall = await benchUnder("bench/per-call.ts", bin, values.tiny);
    runs.push({ node: perCall.node, perCall: perCall.result, fetchSignal: fetchSignal.result });
  }
  const args = process.argv.slice(2);
  const command = `npm run bench:nodes${args.length > 0 ? ` -- ${args.join(" ")}` : ""}`;
  const out = values.out ?? path.join(repoRoot, "bench", "RESULTS.md");
  const section = await renderNodeSection(runs, command, values.tiny);
  const current = existsSync(out) ? readFileSync(out, "utf8") : "";
  writeFileSync(out, withNodeSection(current, section));
  for (const { node, fetchSignal } of runs) {
    for (const goal of fetchSignal.goals) {
      process.stdout.write(`${node} ${goal.goal}: ${goal.measured}\n`);
    }
  }
  process.stdout.write(`wrote ${out}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
