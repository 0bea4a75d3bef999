/**
 * `threadrun cancel-many` against `cancelMany` called from a script, on the same job: N in-progress
 * runs behind a token bucket of `rate` requests per second (the reference server in a child
 * process). The CLI runs as users run the installed bin: src/cli/main.ts bundled by esbuild, in
 * its own process, reading a file of `thread_id run_id` lines, timed from spawn to exit (Node's
 * start-up, reading the file and writing its output included). The script is timed in-process,
 * from the call to the last result, which is the stricter baseline. Each gets a fresh server.
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { createClient } from "../src/index.js";
import { startServerChild, type RunRef } from "./lib/server-host.js";
import { fmt } from "./lib/stats.js";
import { defaultLog, type BenchOptions, type Result } from "./lib/types.js";

const API_KEY = "test-key";
const CONCURRENCY = 16;
const root = fileURLToPath(new URL("..", import.meta.url));

interface Outcome {
  name: string;
  wallMs: number;
  requests: number;
  rateLimited: number;
  stopped: number;
  failed: number;
}

type Contender = (url: string, items: RunRef[]) => Promise<{ stopped: number; failed: number }>;

export async function run(options: BenchOptions = {}): Promise<Result> {
  const log = options.log ?? defaultLog;
  const count = options.tiny ? 300 : 5_000;
  const rate = options.tiny ? 200 : 500;
  const dir = path.join(root, "bench", `.cli-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    const bin = path.join(dir, "threadrun.mjs");
    await build({
      entryPoints: [path.join(root, "src", "cli", "main.ts")],
      bundle: true,
      packages: "external",
      platform: "node",
      format: "esm",
      target: "node20",
      outfile: bin,
      logLevel: "silent",
    });
    const contenders: { name: string; run: Contender }[] = [
      {
        name: `cancelMany from a script (concurrency ${CONCURRENCY})`,
        run: async (url, items) => {
          const client = createClient({ apiKey: API_KEY, baseUrl: url });
          let stopped = 0;
          let failed = 0;
          for await (const result of client.runs.cancelMany(items, { concurrency: CONCURRENCY })) {
            if (result.ok) stopped++;
            else failed++;
          }
          return { stopped, failed };
        },
      },
      {
        name: `threadrun cancel-many FILE --concurrency ${CONCURRENCY}`,
        run: async (url, items) => {
          const file = path.join(dir, "runs.txt");
          writeFileSync(file, items.map((i) => `${i.threadId} ${i.runId}\n`).join(""));
          const args = [bin, "cancel-many", file, "--concurrency", String(CONCURRENCY)];
          const stderr = await runCli([...args, "--base-url", url]);
          const counts = /cancel-many: ([\d,]+) stopped, ([\d,]+) failed/.exec(stderr);
          if (!counts) throw new Error(`cancel-many printed no summary:\n${stderr}`);
          const number = (text: string) => Number(text.replaceAll(",", ""));
          return { stopped: number(counts[1]!), failed: number(counts[2]!) };
        },
      },
    ];

    const outcomes: Outcome[] = [];
    for (const contender of contenders) {
      const server = await startServerChild({
        apiKey: API_KEY,
        rateLimit: { requestsPerSecond: rate },
      });
      try {
        const items = await server.createRuns(count, Math.ceil(count / 100));
        // Let the bucket fill up again after start-up, then count from zero.
        await new Promise((resolve) => setTimeout(resolve, 1100));
        await server.resetStats();
        const start = process.hrtime.bigint();
        const { stopped, failed } = await contender.run(server.url, items);
        const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
        const stats = await server.stats();
        log(
          `cli-cancel-many ${contender.name}: ${fmt(wallMs / 1000, 2)} s, ${stats.requests} requests, ` +
            `${stats.rateLimited} × 429, ${failed} failed`,
        );
        outcomes.push({
          name: contender.name,
          wallMs,
          requests: stats.requests,
          rateLimited: stats.rateLimited,
          stopped,
          failed,
        });
      } finally {
        await server.close();
      }
    }

    const [script, cli] = outcomes as [Outcome, Outcome];
    const ratio = cli.wallMs / script.wallMs;
    log(
      `cli-cancel-many: script ${fmt(script.wallMs / 1000, 2)} s, CLI ${fmt(cli.wallMs / 1000, 2)} s, ` +
        `CLI / script = ${fmt(ratio, 3)}×`,
    );
    return {
      name: "cli-cancel-many",
      title: `CLI bulk cancel: threadrun cancel-many on ${count.toLocaleString("en-US")} runs, server limited to ${rate} requests/s`,
      method:
        `${count} in-progress runs over ${Math.ceil(count / 100)} threads behind a token bucket of ` +
        `${rate}/s (burst ${rate}, full at the start). The script calls cancelMany in this process ` +
        "(timed from the call to its last result); the CLI is src/cli/main.ts bundled by esbuild, " +
        "run as `node threadrun.mjs cancel-many runs.txt` in a child process with stderr piped " +
        "(timed from spawn to exit). Each against a fresh server child process.",
      tables: [
        {
          columns: [
            "contender",
            "wall s",
            "× script",
            "requests sent",
            "429s",
            "stopped",
            "failed",
          ],
          rows: outcomes.map((o) => [
            o.name,
            fmt(o.wallMs / 1000, 2),
            `${fmt(o.wallMs / script.wallMs, 3)}×`,
            o.requests,
            o.rateLimited,
            o.stopped,
            o.failed,
          ]),
        },
      ],
      goals: [
        {
          goal: "CLI: threadrun cancel-many within 1.15× cancelMany from a script",
          measured: `${fmt(ratio, 3)}× (${fmt(cli.wallMs / 1000, 2)} s vs ${fmt(script.wallMs / 1000, 2)} s)`,
          met: ratio <= 1.15,
        },
        {
          goal: "CLI: cancel-many stops every run",
          measured: `${cli.stopped} stopped, ${cli.failed} failed`,
          met: cli.stopped === count && cli.failed === 0,
        },
      ],
      notes: [
        "requests sent and 429s are the server's own counters (RunsServer.stats).",
        "The CLI's time includes starting Node, loading its bundle, reading the file and writing " +
          "its progress and summary; the script's does not include starting Node.",
      ],
      metrics: {
        "script.wallMs": script.wallMs,
        "cli.wallMs": cli.wallMs,
        "cli.requests": cli.requests,
        ratio,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the bundled CLI to its end; resolves with its stderr, rejects on a non-zero exit. */
function runCli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, OPENAI_API_KEY: API_KEY },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (code) =>
      code === 0 ? resolve(stderr) : reject(new Error(`cancel-many exited ${code}:\n${stderr}`)),
    );
  });
}
