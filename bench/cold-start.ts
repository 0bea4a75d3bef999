/**
 * Cold start: fresh `node` processes that import one entry and exit, against an empty Node
 * process; contenders interleaved round by round. Added ms = median(contender) - median(empty).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { fmt, rotate, spread, summarize } from "./lib/stats.js";
import { defaultLog, type BenchOptions, type Result } from "./lib/types.js";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Wall ms from spawn to exit, and the import time the child measured itself. */
function timeSpawn(file: string): [number, number] {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [file], { cwd: root, stdio: "pipe", encoding: "utf8" });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) {
    // dist/ can vanish mid-run when someone rebuilds: that sample is dropped, not the benchmark.
    if (file.endsWith("dist.mjs")) return [Number.NaN, Number.NaN];
    throw new Error(`cold-start: ${file} exited ${String(child.status)}: ${String(child.stderr)}`);
  }
  return [elapsed, Number(child.stdout)];
}

export async function run(options: BenchOptions = {}): Promise<Result> {
  const log = options.log ?? defaultLog;
  const rounds = options.tiny ? 2 : 15;
  // Inside the repository, so that bare imports resolve from its node_modules.
  const dir = path.join(root, "bench", `.cold-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const notes: string[] = [];
  try {
    // The "built" entry: src/index.ts bundled by esbuild into one .mjs (platform node,
    // dependencies external, so openapi-fetch still loads from node_modules as when installed).
    const bundled = path.join(dir, "threadrun.mjs");
    await build({
      entryPoints: [path.join(root, "src", "index.ts")],
      bundle: true,
      packages: "external",
      platform: "node",
      format: "esm",
      target: "node20",
      outfile: bundled,
      logLevel: "silent",
    });
    const dist = path.join(root, "dist", "src", "index.js");
    // dist/ may be absent or being rebuilt by someone else: use it only if it imports cleanly.
    const distOk =
      existsSync(dist) &&
      spawnSync(
        process.execPath,
        ["--input-type=module", "-e", `import ${JSON.stringify(dist)};`],
        {
          cwd: root,
          stdio: "ignore",
        },
      ).status === 0;
    notes.push(
      "threadrun (bundle): src/index.ts bundled by esbuild into one .mjs (platform node, " +
        "dependencies external: openapi-fetch loads from node_modules as in an installed package).",
    );
    notes.push(
      distOk
        ? "threadrun (dist): the tsc build, dist/src/index.js (one module per source file)."
        : "dist/src/index.js was missing or did not import (no build, or a build in progress), so only the bundle was measured.",
    );
    const contenders: { name: string; code: string }[] = [
      { name: "empty node process", code: "" },
      { name: "threadrun (bundle)", code: JSON.stringify(bundled) },
      ...(distOk ? [{ name: "threadrun (dist)", code: JSON.stringify(dist) }] : []),
      { name: "openapi-fetch", code: '"openapi-fetch"' },
      { name: "openai", code: '"openai"' },
      { name: "@azure/ai-agents", code: '"@azure/ai-agents"' },
    ];
    // Each file times its own import too: far less noisy than spawn-to-exit on a busy machine.
    const source = (specifier: string) =>
      `const t = performance.now();\n${specifier ? `await import(${specifier});\n` : ""}` +
      "process.stdout.write(String(performance.now() - t));";
    const files = contenders.map((c, i) => {
      const file = path.join(dir, c.name.includes("(dist)") ? "dist.mjs" : `c${i}.mjs`);
      writeFileSync(file, `${source(c.code)}\n`);
      return file;
    });
    // One warm-up pass fills the OS file cache.
    files.forEach((file) => timeSpawn(file));
    const times = contenders.map(() => [] as number[]);
    const added = contenders.map(() => [] as number[]);
    const imports = contenders.map(() => [] as number[]);
    for (let round = 0; round < rounds; round++) {
      const order = rotate(
        contenders.map((_, i) => i),
        round,
      );
      const thisRound: number[] = [];
      const importRound: number[] = [];
      for (const i of order) {
        [thisRound[i], importRound[i]] = timeSpawn(files[i] as string) as [number, number];
      }
      contenders.forEach((_, i) => {
        if (Number.isNaN(thisRound[i])) return;
        times[i]?.push(thisRound[i] as number);
        imports[i]?.push(importRound[i] as number);
        added[i]?.push((thisRound[i] as number) - (thisRound[0] as number));
      });
    }
    const base = summarize(times[0] as number[]).median;
    const rows = contenders.map((c, i) => {
      const s = summarize(times[i] as number[]);
      const a = summarize(added[i] as number[]);
      const imp = summarize(imports[i] as number[]);
      return [
        c.name,
        fmt(s.median, 1),
        spread(s, 1),
        i === 0 ? "—" : fmt(s.median - base, 1),
        i === 0 ? "" : spread(a, 1),
        i === 0 ? "—" : fmt(imp.median, 1),
        i === 0 ? "" : spread(imp, 1),
      ];
    });
    const addedOf = (i: number) => summarize(times[i] as number[]).median - base;
    const importOf = (i: number) => summarize(imports[i] as number[]).median;
    log(
      `cold-start: empty ${fmt(base, 1)} ms; ` +
        contenders
          .slice(1)
          .map((c, i) => `${c.name} +${fmt(addedOf(i + 1), 1)}`)
          .join(", "),
    );
    const ours = addedOf(1);
    const oursImport = importOf(1);
    const metrics: Record<string, number> = { emptyMs: base };
    contenders.slice(1).forEach((c, i) => {
      // Noise can push a tiny difference below zero; the test wants positive numbers.
      metrics[`${c.name}.totalMs`] = summarize(times[i + 1] as number[]).median;
      metrics[`${c.name}.importMs`] = importOf(i + 1);
    });
    return {
      name: "cold-start",
      title: "Cold start: a fresh node process importing the entry",
      method:
        `${rounds} rounds; in each, one \`node file.mjs\` per contender (rotated order), timed ` +
        "from spawn to exit. Added ms = median of the contender minus median of the empty " +
        "process; the spread column is the per-round difference (p10–p90). Each child also times " +
        "its own `await import()` with performance.now() (the steadier number on a busy machine).",
      tables: [
        {
          columns: [
            "entry",
            "spawn→exit ms",
            "spread",
            "added ms",
            "added spread",
            "import ms (in-process)",
            "import spread",
          ],
          rows,
        },
      ],
      goals: [
        {
          goal: "cold start: threadrun adds < 10 ms",
          measured: `${fmt(ours, 1)} ms spawn→exit, ${fmt(oursImport, 1)} ms import (bundle)`,
          met: ours < 10 && oursImport < 10,
        },
      ],
      notes,
      metrics,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
