/**
 * What an AbortSignal that never fires costs a fetch over loopback, on the Node running it.
 * src/transport.ts hands fetch no signal when the caller gave none (REFERENCE.md §3: on Node 20 an
 * idle signal cost 15-20% of a loopback call); this says whether that still pays.
 *
 * The same GET of a run against the reference server (in a child process), three ways: no
 * signal; a fresh AbortController's signal per call (what a per-attempt time limit on a signal
 * would do); `AbortSignal.timeout(60 s)` per call. Many small blocks of calls, the three ways in
 * turn (order rotated every block), so that all three see the same machine: on shared cores the
 * load changes by the second, and fine interleaving spreads it evenly. Reported per way: the
 * median µs per call over its blocks, by the wall clock and by this process's CPU time
 * (process.cpuUsage), and the ratio of that median to the "no signal" one, with a 90% bootstrap
 * interval (blocks resampled).
 *
 * Run directly (`node --import tsx bench/fetch-signal.ts --json <file> [--tiny]`) it writes its
 * Result as JSON; bench/per-call-nodes.ts runs it that way under each Node of the matrix.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { mulberry32 } from "../src/testing/faults.js";
import { startServerChild, type RunRef } from "./lib/server-host.js";
import { fmt, median, quantile, rotate } from "./lib/stats.js";
import { defaultLog, type BenchOptions, type Result, type Table } from "./lib/types.js";

const API_KEY = "test-key";

interface Way {
  name: string;
  signal: () => AbortSignal | undefined;
}

export const WAYS: readonly Way[] = [
  { name: "no signal", signal: () => undefined },
  { name: "idle AbortController signal", signal: () => new AbortController().signal },
  { name: "AbortSignal.timeout(60 s)", signal: () => AbortSignal.timeout(60_000) },
];

/** Calls per block: one round of the workers, twice at concurrency 16. */
export const MODES = [
  { concurrency: 1, label: "sequential", blockCalls: 8 },
  { concurrency: 16, label: "concurrency 16", blockCalls: 32 },
] as const;

const CLOCKS = ["cpu", "wall"] as const;
type Clock = (typeof CLOCKS)[number];

/** median(ways) / median(base), and its 5th–95th percentile over bootstrap resamples. */
export function medianRatio(
  samples: readonly number[],
  base: readonly number[],
  resamples = 400,
): { ratio: number; low: number; high: number } {
  // Seeded (mulberry32), so a rerun resamples the same way.
  const next = mulberry32(0x5eed);
  const resample = (values: readonly number[]) =>
    median(Array.from(values, () => values[Math.floor(next() * values.length)] as number));
  const ratios: number[] = [];
  for (let i = 0; i < resamples; i++) ratios.push(resample(samples) / resample(base));
  ratios.sort((x, y) => x - y);
  return {
    ratio: median(samples) / median(base),
    low: quantile(ratios, 0.05),
    high: quantile(ratios, 0.95),
  };
}

export async function run(options: BenchOptions = {}): Promise<Result> {
  const log = options.log ?? defaultLog;
  const blocks = options.tiny ? 4 : 1500;
  const server = await startServerChild({ apiKey: API_KEY });
  const headers = { authorization: `Bearer ${API_KEY}`, "openai-beta": "assistants=v2" };
  const tables: Table[] = [];
  const metrics: Record<string, number> = {};
  const goals: Result["goals"] = [];
  let resent = 0;
  try {
    const pool = await server.createRuns(100, 10);
    const get = async (ref: RunRef, way: Way, again = true): Promise<void> => {
      const signal = way.signal();
      const url = `${server.url}/threads/${ref.threadId}/runs/${ref.runId}`;
      try {
        const response = await fetch(url, signal ? { headers, signal } : { headers });
        const text = await response.text();
        if (!response.ok) throw new Error(`${response.status} ${text}`);
        JSON.parse(text);
      } catch (error) {
        // On a starved machine the server may close an idle keep-alive socket just as the client
        // reuses it ("other side closed"); the call is sent again once, and counted.
        const cause = (error as { cause?: { code?: string } }).cause;
        if (!again || cause?.code !== "UND_ERR_SOCKET") throw error;
        resent++;
        await get(ref, way, false);
      }
    };
    let next = 0;
    /** One block: µs per call by the wall clock and by this process's CPU time. */
    const block = async (way: Way, concurrency: number, calls: number) => {
      let left = calls;
      const worker = async () => {
        while (left > 0) {
          left--;
          await get(pool[next++ % pool.length] as RunRef, way);
        }
      };
      const cpuStart = process.cpuUsage();
      const start = process.hrtime.bigint();
      await Promise.all(Array.from({ length: concurrency }, worker));
      const wall = Number(process.hrtime.bigint() - start) / 1e3 / calls;
      const cpuUsed = process.cpuUsage(cpuStart);
      return { wall, cpu: (cpuUsed.user + cpuUsed.system) / calls };
    };

    for (const { concurrency, label, blockCalls } of MODES) {
      const samples = new Map<string, Record<Clock, number[]>>(
        WAYS.map((w) => [w.name, { wall: [], cpu: [] }]),
      );
      for (let b = -20; b < blocks; b++) {
        for (const way of rotate(WAYS, b + 20)) {
          const us = await block(way, concurrency, blockCalls);
          // The first 20 rounds warm up (JIT, sockets) and are not counted.
          if (b < 0) continue;
          samples.get(way.name)!.wall.push(us.wall);
          samples.get(way.name)!.cpu.push(us.cpu);
        }
      }
      const base = samples.get(WAYS[0]!.name)!;
      const rows = WAYS.map((way) => {
        const mine = samples.get(way.name)!;
        const cells: string[] = [way.name];
        for (const clock of CLOCKS) {
          const r = medianRatio(mine[clock], base[clock]);
          const key = `${concurrency}.${way.name}.${clock}`;
          metrics[`${key}.us`] = median(mine[clock]);
          metrics[`${key}.ratio`] = r.ratio;
          metrics[`${key}.ratio.low`] = r.low;
          metrics[`${key}.ratio.high`] = r.high;
          cells.push(
            fmt(median(mine[clock]), 1),
            `${fmt(r.ratio, 3)}× (${fmt(r.low, 3)}–${fmt(r.high, 3)})`,
          );
        }
        return cells;
      });
      log(`fetch-signal ${label}: ${rows.map((row) => `${row[0]} ${row[2]}`).join(", ")}`);
      tables.push({
        title: `GET, ${label} (${blocks} blocks of ${blockCalls} calls per way)`,
        columns: [
          "fetch",
          "CPU µs/call",
          "CPU × no signal (90% interval)",
          "wall µs/call",
          "wall × no signal (90% interval)",
        ],
        rows,
      });
      const idle = metrics[`${concurrency}.${WAYS[1]!.name}.cpu.ratio`] as number;
      goals.push({
        goal: `fetch-signal, ${label}: an idle signal adds under 5% to fetch's CPU time`,
        measured: `${fmt((idle - 1) * 100, 1)}%`,
        met: idle < 1.05,
      });
    }
  } finally {
    await server.close();
  }
  return {
    name: "fetch-signal",
    title: `An idle AbortSignal on fetch (${process.version}, loopback)`,
    method:
      `Blocks of GETs, the three ways in rotated turn, ${blocks} blocks per way after 20 warm-up ` +
      "rounds; µs/call per block by the wall clock and by this process's CPU time; the ratio of " +
      "medians to no signal, with a 90% bootstrap interval.",
    tables,
    goals,
    notes: [`Calls sent again after the server closed a reused keep-alive socket: ${resent}.`],
    metrics,
  };
}

/** `node --import tsx bench/fetch-signal.ts --json <file> [--tiny]`: the Result as JSON. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { json: { type: "string" }, tiny: { type: "boolean", default: false } },
  });
  if (values.json === undefined)
    throw new Error("bench/fetch-signal.ts: --json <file> is required");
  const result = await run({ tiny: values.tiny });
  writeFileSync(values.json, JSON.stringify({ node: process.version, result }, null, 2));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
