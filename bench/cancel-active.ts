/**
 * Clearing a big thread under a rate limit: cancelActive on one thread of `count` active runs,
 * against the reference server (child process) with a token bucket of `rate` requests per second.
 * The yardstick is the time the cancels alone need at that rate: (count - burst) / rate. For
 * context, cancelMany of the same runs (cancels only, no listing, no waiting) on a fresh server.
 */
import { createClient } from "../src/index.js";
import { startServerChild, type RunRef, type ServerChild } from "./lib/server-host.js";
import { fmt } from "./lib/stats.js";
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

export async function run(options: BenchOptions = {}): Promise<Result> {
  const log = options.log ?? defaultLog;
  const count = options.tiny ? 60 : 400;
  const rate = options.tiny ? 60 : 200;
  const burst = options.tiny ? 20 : 200;
  const idealMs = ((count - burst) / rate) * 1000;

  // Default options: what a user calling cancelActive on a busy thread gets.
  const active = await measure(count, rate, burst, async (client, runs) => {
    const stopped = await client.runs.cancelActive(runs[0]!.threadId);
    return stopped.length;
  });
  log(
    `cancel-active: ${fmt(active.wallMs / 1000, 2)} s for ${active.stopped} runs, ` +
      `${active.requests} requests, ${active.rateLimited} × 429`,
  );
  const many = await measure(count, rate, burst, async (client, runs) => {
    let ok = 0;
    for await (const result of client.runs.cancelMany(runs)) if (result.ok) ok++;
    return ok;
  });
  log(`cancel-active: cancelMany alone ${fmt(many.wallMs / 1000, 2)} s`);

  const ratio = active.wallMs / idealMs;
  const row = (name: string, m: Measured, stops: string) => [
    name,
    fmt(m.wallMs / 1000, 2),
    `${fmt(m.wallMs / idealMs, 2)}×`,
    m.requests,
    m.rateLimited,
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
      "waits until a look shows every run stopped. Each contender against a fresh server child, " +
      "with a client that made one request before the clock starts (HTTP stack warmed up).",
    tables: [
      {
        columns: ["contender", "wall s", "× cancels alone", "requests sent", "429s", "stopped"],
        rows: [
          row("cancelActive (list, cancel, wait until stopped)", active, `${active.stopped}`),
          row("cancelMany (cancels only, for context)", many, "not waited for"),
        ],
      },
    ],
    goals: [
      {
        goal: "cancelActive: all runs stopped within 1.5× the time the cancels alone need",
        measured: `${fmt(ratio, 2)}× (${fmt(active.wallMs / 1000, 2)} s vs ${fmt(idealMs / 1000, 2)} s)`,
        met: ratio <= 1.5 && active.stopped === count,
      },
    ],
    notes: [
      `cancels alone at the rate: ${fmt(idealMs / 1000, 2)} s; cancelActive: ${fmt(active.wallMs / 1000, 2)} s; ratio ${fmt(ratio, 2)}.`,
      "Before issue 9, cancelActive cancelled one run and waited for it before the next, 4 at a " +
        "time: 400 runs took 51 s on this server.",
      "requests sent and 429s are the server's own counters (RunsServer.stats).",
    ],
    metrics: {
      "cancelActive.wallMs": active.wallMs,
      "cancelsAlone.idealMs": idealMs,
      "cancelActive.ratio": ratio,
      "cancelMany.wallMs": many.wallMs,
    },
  };
}
