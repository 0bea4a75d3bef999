/**
 * Bundle size of a tiny app that creates a client and cancels one run: esbuild (bundle, minify,
 * platform browser, format esm), then gzip level 9. esbuild's metafile attributes the minified
 * bytes to input files, grouped into modules, to say what each kilobyte buys. Measured twice: as
 * one file, and with code splitting (what Vite, Rollup and webpack do with a dynamic import by
 * default), where what counts is what a page loads before its first cancel: the entry and the
 * chunks it imports statically, not the chunks behind a dynamic import (threadrun's bulk machinery).
 */
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import { fmt } from "./lib/stats.js";
import { defaultLog, type BenchOptions, type Result, type Table } from "./lib/types.js";

const root = fileURLToPath(new URL("..", import.meta.url));

const apps: { name: string; code: string }[] = [
  {
    name: "threadrun",
    code: `import { createClient } from "./src/index.ts";
const client = createClient({ apiKey: "sk-test", baseUrl: "https://example.com/v1" });
const run = await client.runs.cancel("thread_abc", "run_abc");
console.log(run.status);`,
  },
  {
    name: "openapi-fetch (bare)",
    code: `import createClient from "openapi-fetch";
const client = createClient({ baseUrl: "https://example.com/v1", headers: { Authorization: "Bearer sk-test" } });
const { data } = await client.POST("/threads/{thread_id}/runs/{run_id}/cancel", {
  params: { path: { thread_id: "thread_abc", run_id: "run_abc" } },
});
console.log(data?.status);`,
  },
  {
    name: "openai",
    code: `import OpenAI from "openai";
const client = new OpenAI({ apiKey: "sk-test", dangerouslyAllowBrowser: true });
const run = await client.beta.threads.runs.cancel("run_abc", { thread_id: "thread_abc" });
console.log(run.status);`,
  },
  {
    name: "@azure/ai-agents",
    code: `import { AgentsClient } from "@azure/ai-agents";
const credential = { getToken: async () => ({ token: "t", expiresOnTimestamp: Date.now() + 3600000 }) };
const client = new AgentsClient("https://r.services.ai.azure.com/api/projects/p", credential);
const run = await client.runs.cancel("thread_abc", "run_abc");
console.log(run.status);`,
  },
];

/** The module an input file belongs to: a package name, or the project folder/file. */
function moduleOf(input: string): string {
  const nm = input.lastIndexOf("node_modules/");
  if (nm !== -1) {
    const rest = input.slice(nm + "node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] as string);
  }
  if (input.startsWith("src/errors/")) return "src/errors/*";
  if (input.startsWith("<stdin>")) return "(the app)";
  return input;
}

/** esbuild's options for an app given as code (its imports resolved from the repository). */
export function bundleOptions(code: string, minify = true) {
  return {
    stdin: { contents: code, resolveDir: root, loader: "ts" as const, sourcefile: "app.ts" },
    bundle: true,
    minify,
    platform: "browser" as const,
    format: "esm" as const,
    target: "es2022",
    write: false as const,
    metafile: true,
    logLevel: "silent" as const,
  };
}

/**
 * The outputs of a split build that load before the app runs: the entry and every chunk it
 * imports statically, not those behind a dynamic import.
 */
export function upfrontOutputs(metafile: Metafile): Set<string> {
  const entry = Object.keys(metafile.outputs).find(
    (file) => metafile.outputs[file]?.entryPoint !== undefined,
  );
  if (entry === undefined) throw new Error("esbuild produced no entry");
  const upfront = new Set<string>();
  const visit = (file: string): void => {
    if (upfront.has(file)) return;
    upfront.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind === "import-statement") visit(imported.path);
    }
  };
  visit(entry);
  return upfront;
}

interface Measured {
  name: string;
  minified: number;
  gzip: number;
  byModule: Map<string, number>;
}

async function measure(app: { name: string; code: string }): Promise<Measured> {
  const result = await build({ ...bundleOptions(app.code), outfile: "out.js" });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no output for ${app.name}`);
  const metafile = result.metafile as Metafile;
  const output = Object.values(metafile.outputs)[0];
  const byModule = new Map<string, number>();
  for (const [input, info] of Object.entries(output?.inputs ?? {})) {
    const key = moduleOf(path.normalize(input).split(path.sep).join("/"));
    byModule.set(key, (byModule.get(key) ?? 0) + info.bytesInOutput);
  }
  return {
    name: app.name,
    minified: file.contents.length,
    gzip: gzipSync(file.contents, { level: 9 }).length,
    byModule,
  };
}

interface Split {
  name: string;
  /** The entry and every chunk it imports statically: loaded before the app runs. */
  upfront: { minified: number; gzip: number; files: number };
  /** Chunks reached only through a dynamic import: loaded when first used. */
  lazy: { minified: number; gzip: number; files: number };
}

/** The app bundled with code splitting; each file gzipped on its own, as a server sends it. */
async function measureSplit(app: { name: string; code: string }): Promise<Split> {
  const result = await build({ ...bundleOptions(app.code), splitting: true, outdir: "out" });
  const upfront = upfrontOutputs(result.metafile as Metafile);
  const sums = {
    upfront: { minified: 0, gzip: 0, files: 0 },
    lazy: { minified: 0, gzip: 0, files: 0 },
  };
  for (const file of result.outputFiles) {
    const key = path.relative(root, file.path).split(path.sep).join("/");
    const sum = upfront.has(key) ? sums.upfront : sums.lazy;
    sum.minified += file.contents.length;
    sum.gzip += gzipSync(file.contents, { level: 9 }).length;
    sum.files++;
  }
  return { name: app.name, ...sums };
}

/** The one-cancel app's gzip bytes before logging, hooks and history (main at 4985113). */
const BEFORE_ISSUE_13 = 18221;

export async function run(options: BenchOptions = {}): Promise<Result> {
  const log = options.log ?? defaultLog;
  const measured: Measured[] = [];
  for (const app of apps) {
    const m = await measure(app);
    log(`bundle-size ${app.name}: ${m.minified} B minified, ${m.gzip} B gzip`);
    measured.push(m);
  }
  const ours = measured[0] as Measured;
  const splits: Split[] = [];
  for (const app of apps) {
    const m = await measureSplit(app);
    log(
      `bundle-size ${app.name} (split): ${m.upfront.gzip} B gzip up front, ${m.lazy.gzip} B lazy`,
    );
    splits.push(m);
  }
  const oursSplit = splits[0] as Split;
  const tables: Table[] = [
    {
      columns: ["app (create a client, cancel one run)", "minified", "gzip -9", "× threadrun"],
      rows: measured.map((m) => [
        m.name,
        `${fmt(m.minified / 1024, 1)} kB`,
        `${fmt(m.gzip / 1024, 2)} kB`,
        `${fmt(m.gzip / ours.gzip, 2)}×`,
      ]),
    },
  ];
  tables.push({
    title:
      "With code splitting: what a page loads before its first cancel, and what only when first used",
    columns: [
      "app (create a client, cancel one run)",
      "up front: files",
      "up front: minified",
      "up front: gzip -9",
      "× threadrun",
      "loaded when first used: gzip -9",
    ],
    rows: splits.map((m) => [
      m.name,
      m.upfront.files,
      `${fmt(m.upfront.minified / 1024, 1)} kB`,
      `${fmt(m.upfront.gzip / 1024, 2)} kB`,
      `${fmt(m.upfront.gzip / oursSplit.upfront.gzip, 2)}×`,
      m.lazy.files === 0 ? "—" : `${fmt(m.lazy.gzip / 1024, 2)} kB (${m.lazy.files} files)`,
    ]),
  });
  // Gzip shares are estimated in proportion to the minified bytes (gzip works on the whole file).
  const attribute = (m: Measured, limit: number): Table => {
    const entries = [...m.byModule.entries()].sort((a, b) => b[1] - a[1]);
    const shown = entries.slice(0, limit);
    const rest = entries.slice(limit).reduce((sum, [, bytes]) => sum + bytes, 0);
    if (rest > 0) shown.push([`(${entries.length - limit} more)`, rest]);
    const total = entries.reduce((sum, [, bytes]) => sum + bytes, 0);
    return {
      title: `What the bytes buy: ${m.name}`,
      columns: ["module / file", "minified bytes", "share", "≈ gzip kB"],
      rows: shown.map(([name, bytes]) => [
        name,
        bytes,
        `${fmt((100 * bytes) / total, 1)}%`,
        fmt(((bytes / total) * m.gzip) / 1024, 2),
      ]),
    };
  };
  tables.push(attribute(ours, 40));
  for (const m of measured.slice(1)) tables.push(attribute(m, 8));
  const metrics: Record<string, number> = {};
  for (const m of measured) metrics[`${m.name}.gzip`] = m.gzip;
  for (const m of splits) metrics[`${m.name}.upfront.gzip`] = m.upfront.gzip;
  return {
    name: "bundle-size",
    title: "Bundle size (esbuild --bundle --minify --platform=browser --format=esm, gzip -9)",
    method:
      "Each app creates a client and cancels one run; bundled from stdin with esbuild (target " +
      "es2022), gzipped with node:zlib level 9. The per-module tables come from esbuild's " +
      "metafile (bytesInOutput per input file); gzip kB per module is the minified share times " +
      "the gzip total, an estimate.",
    tables,
    goals: [
      {
        goal: "bundle: threadrun ≤ 6 kB gzip",
        measured: `${fmt(ours.gzip / 1024, 2)} kB (${ours.gzip} B)`,
        met: ours.gzip <= 6 * 1024,
      },
      {
        goal: `bundle: one cancel's up-front load with code splitting ≤ ${BEFORE_ISSUE_13} B + 0.5 kB gzip (before logging, hooks and history)`,
        measured: `${oursSplit.upfront.gzip} B (${oursSplit.upfront.gzip - BEFORE_ISSUE_13 >= 0 ? "+" : ""}${oursSplit.upfront.gzip - BEFORE_ISSUE_13} B); as one file ${ours.gzip} B (${ours.gzip - BEFORE_ISSUE_13 >= 0 ? "+" : ""}${ours.gzip - BEFORE_ISSUE_13} B)`,
        met: oursSplit.upfront.gzip <= BEFORE_ISSUE_13 + 512,
      },
    ],
    notes: [
      "kB = 1024 bytes. The threadrun app imports src/index.ts (the package entry), so its " +
        "number includes every feature reachable from `createClient` (retries, timeouts, wait, " +
        "cancelAndWait, cancelActive, cancelMany with its pacer, error classes, the converters).",
      "`cancelMany` and `cancelActive` load their machinery (bulk.ts, cancel-active.ts and the " +
        "pacer) with a dynamic import on first use. A bundler that splits code (Vite, Rollup and " +
        "webpack do by default; esbuild with `splitting: true`) puts it in chunks a page loads only " +
        "when it first cancels in bulk. Bundled into one file, it is all there, wrapped for lazy " +
        "initialisation, which costs a few hundred bytes more than a plain import.",
      "Up front with code splitting: each file gzipped on its own and summed (as a server sends " +
        "them), which is a little more than one file of the same code.",
    ],
    metrics,
  };
}
