/**
 * npm run bench [-- --only <name>[,<name>…]] [--tiny] [--out <file>]
 * Runs the benchmarks one after the other and writes bench/RESULTS.md (or --out).
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { format } from "prettier";
import * as bulkCancel from "./bulk-cancel.js";
import * as bulkLimiters from "./bulk-limiters.js";
import * as bundleSize from "./bundle-size.js";
import * as cancelActive from "./cancel-active.js";
import * as cliCancelMany from "./cli-cancel-many.js";
import * as codegen from "./codegen.js";
import * as coldStart from "./cold-start.js";
import * as convert from "./convert.js";
import * as perCall from "./per-call.js";
import * as serverMemory from "./server-memory.js";
import { keepNodeSection } from "./per-call-nodes.js";
import type { BenchOptions, Result } from "./lib/types.js";

export const benchmarks: Record<string, (options?: BenchOptions) => Promise<Result>> = {
  "bundle-size": bundleSize.run,
  "per-call": perCall.run,
  convert: convert.run,
  "cold-start": coldStart.run,
  codegen: codegen.run,
  "bulk-cancel": bulkCancel.run,
  "server-memory": serverMemory.run,
  "cancel-active": cancelActive.run,
  "bulk-limiters": bulkLimiters.run,
  "cli-cancel-many": cliCancelMany.run,
};

const escape = (cell: string | number): string => String(cell).replace(/\|/g, "\\|");

export function renderMarkdown(results: Result[], command: string, tiny: boolean): string {
  const cpus = os.cpus();
  const lines: string[] = [
    "# threadrun benchmarks",
    "",
    `- Command: \`${command}\``,
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpus[0]?.model ?? "unknown CPU"}, ${cpus.length} cores, ${os.platform()} ${os.release()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM; load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")} (the cores are shared with other processes)`,
    `- Node: ${process.version}`,
    ...(tiny ? ["- **Tiny sizes** (`--tiny`): smoke numbers, not measurements."] : []),
    "",
    "## Goals",
    "",
    "| goal | measured | met |",
    "|---|---|---|",
  ];
  for (const r of results) {
    for (const g of r.goals)
      lines.push(`| ${escape(g.goal)} | ${escape(g.measured)} | ${g.met ? "yes" : "**no**"} |`);
  }
  for (const r of results) {
    lines.push("", `## ${r.title}`, "", r.method, "");
    for (const t of r.tables) {
      if (t.title) lines.push(`**${t.title}**`, "");
      lines.push(`| ${t.columns.map(escape).join(" | ")} |`);
      lines.push(`|${t.columns.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`);
      for (const row of t.rows) lines.push(`| ${row.map(escape).join(" | ")} |`);
      lines.push("");
    }
    for (const note of r.notes) lines.push(`- ${note}`);
    if (r.notes.length > 0) lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: "string", multiple: true },
      tiny: { type: "boolean", default: false },
      out: { type: "string" },
    },
  });
  const selected = (values.only ?? []).flatMap((o) => o.split(",")).filter(Boolean);
  for (const name of selected) {
    if (!(name in benchmarks)) {
      throw new Error(`unknown benchmark "${name}"; known: ${Object.keys(benchmarks).join(", ")}`);
    }
  }
  const names = selected.length > 0 ? selected : Object.keys(benchmarks);
  const results: Result[] = [];
  for (const name of names) {
    const started = performance.now();
    process.stderr.write(`== ${name}\n`);
    results.push(
      await (benchmarks[name] as (o: BenchOptions) => Promise<Result>)({ tiny: values.tiny }),
    );
    process.stderr.write(
      `== ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
  }
  const args = process.argv.slice(2);
  const command = `npm run bench${args.length > 0 ? ` -- ${args.join(" ")}` : ""}`;
  const out = values.out ?? path.join(path.dirname(fileURLToPath(import.meta.url)), "RESULTS.md");
  // Formatted as prettier would, so `npm run format:check` stays green.
  const markdown = await format(renderMarkdown(results, command, values.tiny), {
    parser: "markdown",
    printWidth: 100,
  });
  // The per-Node section comes from `npm run bench:nodes`; a rewrite keeps it.
  writeFileSync(out, keepNodeSection(markdown, out));
  for (const r of results) {
    for (const g of r.goals)
      process.stdout.write(`${g.met ? "met   " : "MISSED"} ${g.goal}: ${g.measured}\n`);
  }
  process.stdout.write(`wrote ${out}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
