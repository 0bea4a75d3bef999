/**
 * Clearing a big thread under a rate limit: cancelActive on one thread of `count` active runs,
 * against the reference server (child process) with a token bucket of `rate` requests per second.
 * The yardstick is the time the cancels alone need at that rate: (count - burst) / rate. For
 * context, cancelMany of the same runs (cancels only, no listing, no waiting) on a fresh server.
 */
import { createClient } from "../src/index.js";
import { startServerChild, type RunRef, type ServerChild } from "./lib/server-host.js";
import { fmt, summarize, type Summary } from "./lib/stats.js";
import { defaultLog, type BenchOptions, type Result } from "./lib/types.js";

const API_KEY = "test-key";

interface Measured {
  wallMs: number;
  requests: number;
  rateLimited: number;
  stopped: number;
}

type Client = ReturnType<typeof createClient>;

/**
 * A fresh server with `count` active runs on one thread, and a client that has made one request
 * (the first request of a process pays for starting the HTTP stack, which is not what is measured
 * here); then the bucket fills up again and the counters start from zero.
 */
async function measure(
  count: number,
  rate: number,
  burst: number,
  job: (client: Client, runs: RunRef[]) => Promise<number>,
): Promise<Measured> {
  const server: ServerChild = await startServerChild({
    apiKey: API_KEY,
    rateLimit: { requestsPerSecond: rate, burst },
  });
  try {
    const runs = await server.createRuns(count, 1);
    const client = createClient({ apiKey: API_KEY, baseUrl: server.url });
    await client.runs.get(runs[0]!.threadId, runs[0]!.runId);
    await new Promise((resolve) => setTimeout(resolve, (burst / rate) * 1000 + 100));
    await server.resetStats();
    const start = process.hrtime.bigint();
    const stopped = await job(client, runs);
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    const stats = await server.stats();
    return { wallMs, requests: stats.requests, rateLimited: stats.rateLimited, stopped };
  } finally {
    await server.close();
  }
}

/** Measures `job` `rounds` times, each on a fresh server; the round with the median wall time. */
async function rounds(
  n: number,
  measureOnce: () => Promise<Measured>,
): Promise<{ typical: Measured; walls: Summary }> {
  const all: Measured[] = [];
  for (let i = 0; i < n; i++) all.push(await measureOnce());
  const walls = summarize(all.map((m) => m.wallMs));
  const sorted = [...all].sort((a, b) => a.wallMs - b.wallMs);
  return { typical: sorted[(sorted.length - 1) >> 1]!, walls };
}

export async function run(options: BenchOptions = {}): Promise<Result> {
  const log = options.log ?? defaultLog;
  const count = options.tiny ? 60 : 400;
  const rate = options.tiny ? 60 : 200;
  const burst = options.tiny ? 20 : 200;
  const repeats = options.tiny ? 1 : 3;
  const idealMs = ((count - burst) / rate) * 1000;

  // Default options: what a user calling cancelActive on a busy thread gets.
  const active = await rounds(repeats, async () => {
    const m = await measure(count, rate, burst, async (client, runs) => {
      const stopped = await client.runs.cancelActive(runs[0]!.threadId);
      return stopped.length;
    });
    log(
      `cancel-active: cancelActive ${fmt(m.wallMs / 1000, 2)} s for ${m.stopped} runs, ` +
        `${m.requests} requests, ${m.rateLimited} × 429`,
    );
    return m;
  });
  const many = await rounds(repeats, async () => {
    const m = await measure(count, rate, burst, async (client, runs) => {
      let ok = 0;
      for await (const result of client.runs.cancelMany(runs)) if (result.ok) ok++;
      return ok;
    });
    log(`cancel-active: cancelMany alone ${fmt(m.wallMs / 1000, 2)} s`);
    return m;
  });

  const ratio = active.walls.median / idealMs;
  const spread = (walls: Summary) => `${fmt(walls.min / 1000, 2)}–${fmt(walls.max / 1000, 2)}`;
  const row = (name: string, r: { typical: Measured; walls: Summary }, stops: string) => [
    name,
    fmt(r.walls.median / 1000, 2),
    spread(r.walls),
    `${fmt(r.walls.median / idealMs, 2)}×`,
    r.typical.requests,
    r.typical.rateLimited,
    stops,
  ];
  return {
    name: "cancel-active",
    title: `cancelActive: ${count} active runs on one thread, server limited to ${rate} requests/s`,
    method:
      `${count} in-progress runs on one thread; the server's token bucket refills ${rate}/s with a ` +
      `burst of ${burst} (full at the start), and a cancelled run becomes \`cancelled\` 50 ms ` +
      `after its cancel. The cancels alone need (runs - burst) / rate = ` +
      `${fmt(idealMs / 1000, 2)} s at that rate. cancelActive runs with its default options ` +
      "(concurrency 16, first pause between looks 100 ms); it lists the thread, cancels, and " +
      "waits until a look shows every run stopped. Each round against a fresh server child, " +
      "with a client that made one request before the clock starts (HTTP stack warmed up); " +
      `${repeats} round(s) per contender, median shown (requests and 429s: the median round).`,
    tables: [
      {
        columns: [
          "contender",
          "wall s (median)",
          "spread s",
          "× cancels alone",
          "requests sent",
          "429s",
          "stopped",
        ],
        rows: [
          row(
            "cancelActive (list, cancel, wait until stopped)",
            active,
            `${active.typical.stopped}`,
          ),
          row("cancelMany (cancels only, for context)", many, "not waited for"),
        ],
      },
    ],
    goals: [
      {
        goal: "cancelActive: all runs stopped within 1.5× the time the cancels alone need",
        measured: `${fmt(ratio, 2)}× (${fmt(active.walls.median / 1000, 2)} s vs ${fmt(idealMs / 1000, 2)} s)`,
        met: ratio <= 1.5 && active.typical.stopped === count,
      },
    ],
    notes: [
      `cancels alone at the rate: ${fmt(idealMs / 1000, 2)} s; cancelActive: median ` +
        `${fmt(active.walls.median / 1000, 2)} s (${spread(active.walls)}); ratio ${fmt(ratio, 2)}; ` +
        `cancelActive / cancelMany alone: ${fmt(active.walls.median / many.walls.median, 2)}.`,
      "Before issue 9, cancelActive cancelled one run and waited for it before the next, 4 at a " +
        "time: 400 runs took 51 s on this server.",
      "A round with 0 × 429 never reached the server's rate: the client was short of CPU (the " +
        "cores are shared), which the time of the cancels alone does not account for.",
      "requests sent and 429s are the server's own counters (RunsServer.stats).",
    ],
    metrics: {
      "cancelActive.wallMs": active.walls.median,
      "cancelsAlone.idealMs": idealMs,
      "cancelActive.ratio": ratio,
      "cancelMany.wallMs": many.walls.median,
    },
  };
}
