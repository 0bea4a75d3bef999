/**
 * Bulk cancel at the limit under every kind of rate limiter (issue 10): for each limiter of
 * bench/lib/limiters.ts, a loopback server in a child process, and one cancel of every run by
 * threadrun's cancelMany (concurrency 32) and by Promise.allSettled over the openai package's
 * cancel (its defaults: 2 retries, honouring Retry-After). Time is measured against the ideal
 * (a bucket: (runs - burst) / rate; a window or a cap: runs / rate).
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import OpenAI from "openai";
import { createClient } from "../src/index.js";
import { limiterCases, type EndpointStats, type LimiterCase } from "./lib/limiters.js";
import { startLimiterServer } from "./lib/limiter-server.js";
import { fmt } from "./lib/stats.js";
import { defaultLog, type BenchOptions, type Result } from "./lib/types.js";

const API_KEY = "test-key";
const CONCURRENCY = 32;

interface Item {
  threadId: string;
  runId: string;
}

interface Outcome {
  wallMs: number;
  /** The client's event-loop delay during the job (p99 and max, ms): its share of the CPU. */
  loopP99Ms: number;
  loopMaxMs: number;
  ok: number;
  failed: number;
  /** Items that got no result, or more than one. */
  wrongCount: number;
  stats: EndpointStats;
}

type Contender = (
  url: string,
  items: Item[],
) => Promise<{ ok: number; failed: number; wrongCount: number }>;

const threadrun: Contender = async (url, items) => {
  const client = createClient({ apiKey: API_KEY, baseUrl: url });
  const seen = new Map<string, number>();
  let ok = 0;
  let failed = 0;
  for await (const result of client.runs.cancelMany(items, { concurrency: CONCURRENCY })) {
    seen.set(result.item.runId, (seen.get(result.item.runId) ?? 0) + 1);
    if (result.ok) ok++;
    else failed++;
  }
  const wrongCount = items.filter((item) => seen.get(item.runId) !== 1).length;
  return { ok, failed, wrongCount };
};

const openai: Contender = async (url, items) => {
  const client = new OpenAI({ apiKey: API_KEY, baseURL: url });
  const settled = await Promise.allSettled(
    items.map((item) => client.beta.threads.runs.cancel(item.runId, { thread_id: item.threadId })),
  );
  const ok = settled.filter((s) => s.status === "fulfilled").length;
  return { ok, failed: settled.length - ok, wrongCount: 0 };
};

export async function run(options: BenchOptions = {}): Promise<Result> {
  const log = options.log ?? defaultLog;
  const runs = options.tiny ? 120 : 2000;
  const rate = options.tiny ? 200 : 400;
  const cases = limiterCases(rate);
  const rows: (string | number)[][] = [];
  const goals: Result["goals"] = [];
  const metrics: Record<string, number> = {};
  const notes: string[] = [];

  const server = await startLimiterServer(rate);
  try {
    // A fresh server process answers its first requests slowly (its code is not compiled yet):
    // warm it up, and the client, before the first case is measured.
    await server.use(cases.length - 1);
    await threadrun(server.url, warmUp(runs / 4));
    for (const [index, limiterCase] of cases.entries()) {
      const count = runs * limiterCase.runScale;
      const items: Item[] = Array.from({ length: count }, (_, i) => ({
        threadId: `thread_${i % 50}`,
        runId: `run_${String(i).padStart(6, "0")}`,
      }));
      const idealMs = limiterCase.idealMs(count);
      await server.use(index);
      const outcomes: Outcome[] = [];
      // Tiny sizes keep the benchmark from rotting: the openai loop runs beside the first case only.
      const contenders = options.tiny && index > 0 ? [threadrun] : [threadrun, openai];
      for (const contender of contenders) {
        await server.reset();
        const loop = monitorEventLoopDelay({ resolution: 5 });
        loop.enable();
        const start = performance.now();
        const result = await contender(server.url, items);
        const wallMs = performance.now() - start;
        loop.disable();
        const loopP99Ms = loop.percentile(99) / 1e6;
        const loopMaxMs = loop.max / 1e6;
        outcomes.push({ ...result, wallMs, loopP99Ms, loopMaxMs, stats: await server.stats() });
      }
      report(limiterCase, count, idealMs, outcomes as [Outcome, Outcome?]);
    }
  } finally {
    await server.close();
  }

  function report(
    limiterCase: LimiterCase,
    count: number,
    idealMs: number,
    [ours, theirs]: [Outcome, Outcome?],
  ): void {
    const ratio = ours.wallMs / idealMs;
    log(
      `bulk-limiters ${limiterCase.name}: ${fmt(ratio, 2)}× ideal, ${ours.stats.refused} × 429, ` +
        `${ours.failed} failed` +
        (theirs
          ? `; openai ${fmt(theirs.wallMs / idealMs, 2)}×, ${theirs.stats.refused} × 429, ` +
            `${theirs.failed} failed`
          : ""),
    );
    rows.push([
      limiterCase.name,
      count,
      fmt(idealMs / 1000, 2),
      `${fmt(ratio, 2)}×`,
      `${ours.stats.refused} (${fmt((100 * ours.stats.refused) / count, 1)}%)`,
      ours.failed,
      busiest(ours.stats.arrivals),
      `${fmt(ours.loopP99Ms, 0)} / ${fmt(ours.loopMaxMs, 0)}`,
      theirs ? `${fmt(theirs.wallMs / idealMs, 2)}×` : "-",
      theirs ? theirs.stats.refused : "-",
      theirs ? theirs.failed : "-",
    ]);
    const met =
      ratio <= 1.1 &&
      ours.stats.refused <= 0.03 * count &&
      ours.failed === 0 &&
      ours.wrongCount === 0 &&
      ours.ok === count;
    goals.push({
      goal: `bulk under limits: ${limiterCase.name}: ≤ 1.1× ideal, ≤ 3% 429s, 0 failed, one result per run`,
      measured:
        `${fmt(ratio, 2)}×, ${fmt((100 * ours.stats.refused) / count, 1)}% 429s, ` +
        `${ours.failed} failed, ${ours.wrongCount} runs without exactly one result`,
      met,
    });
    metrics[`${limiterCase.name}.wallMs`] = ours.wallMs;
    if (theirs) metrics[`${limiterCase.name}.openai.wallMs`] = theirs.wallMs;
    if (limiterCase.holdMs > 0) {
      const admitted = ours.stats.requests - ours.stats.refused;
      notes.push(
        `${limiterCase.name}: the server held each admitted request ` +
          `${fmt(ours.stats.heldMs / admitted, 2)} ms on average during threadrun's job.`,
      );
    }
    if (ours.stats.errors + ours.stats.resets > 0) {
      notes.push(
        `${limiterCase.name}: the server answered ${ours.stats.errors} × 5xx and reset ` +
          `${ours.stats.resets} connections during threadrun's job.`,
      );
    }
  }

  return {
    name: "bulk-limiters",
    title: `Bulk cancel under rate limiters: ${runs.toLocaleString("en-US")} runs at ${rate} requests/s`,
    method:
      "Each limiter runs in a loopback node:http server in a child process (bench/lib/limiters.ts), " +
      `reset before each contender. threadrun: cancelMany with concurrency ${CONCURRENCY} ` +
      "(default client, fetch). openai: Promise.allSettled over every cancel (default client: 2 " +
      "retries, honours retry-after-ms / Retry-After). Ideal: (runs − burst) / rate for a token " +
      "bucket, runs / rate for a window and for the cap in flight (8 held 20 ms each = 400/s). " +
      "The 5 s window job is twice as long, so that it crosses a window's end.",
    tables: [
      {
        columns: [
          "limiter",
          "runs",
          "ideal s",
          "threadrun × ideal",
          "threadrun 429s",
          "threadrun failed",
          "busiest second (requests)",
          "threadrun event-loop delay p99 / max (ms)",
          "openai × ideal",
          "openai 429s",
          "openai failed",
        ],
        rows,
      },
    ],
    goals,
    notes: [
      ...notes,
      "429s and the busiest second are the server's own counts (every request, retries included); " +
        "failed counts items whose result was an error.",
      "Event-loop delay is the client process's, during threadrun's job (monitorEventLoopDelay, " +
        "5 ms resolution): tens of ms mean the client was short of CPU (the cores are shared), and " +
        "a small bucket (burst 4 = 10 ms at 400/s) banks nothing of a stall longer than that. The " +
        "server child stalls the same way; its stalls are not in this column.",
    ],
    metrics,
  };
}

function warmUp(count: number): Item[] {
  return Array.from({ length: count }, (_, i) => ({ threadId: "thread_warm", runId: `run_w${i}` }));
}

/** The most requests that arrived within any one second. */
function busiest(arrivals: readonly number[]): number {
  let most = 0;
  for (let i = 0, j = 0; i < arrivals.length; i++) {
    while ((arrivals[i] as number) - (arrivals[j] as number) >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}
