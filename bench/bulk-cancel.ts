/**
 * Bulk cancel under a rate limit: the reference server (child process) with a token bucket of
 * `rate` requests per second; threadrun's cancelMany (concurrency 16) vs Promise.allSettled over
 * the openai package's cancel (default retries). Each contender gets a fresh server.
 */
import OpenAI from "openai";
import { createClient } from "../src/index.js";
import { startServerChild, type RunRef } from "./lib/server-host.js";
import { fmt } from "./lib/stats.js";
import { defaultLog, type BenchOptions, type Result } from "./lib/types.js";

const API_KEY = "test-key";

interface Outcome {
  name: string;
  wallMs: number;
  requests: number;
  rateLimited: number;
  failed: number;
  ok: number;
  errors: Map<string, number>;
}

interface RunnerOutcome {
  ok: number;
  failed: number;
  /** Why items failed: error description → count. */
  errors: Map<string, number>;
}

type Runner = (url: string, items: RunRef[]) => Promise<RunnerOutcome>;

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const status = (error as { status?: unknown }).status;
  return `${error.name}${typeof status === "number" ? ` ${status}` : ""}: ${error.message.slice(0, 100)}`;
}

function tally(errors: Map<string, number>, error: unknown): void {
  const key = describeError(error);
  errors.set(key, (errors.get(key) ?? 0) + 1);
}

const runners: { name: string; run: Runner }[] = [
  {
    name: "threadrun cancelMany (concurrency 16)",
    run: async (url, items) => {
      const client = createClient({ apiKey: API_KEY, baseUrl: url });
      let ok = 0;
      let failed = 0;
      const errors = new Map<string, number>();
      for await (const result of client.runs.cancelMany(items, { concurrency: 16 })) {
        if (result.ok) ok++;
        else {
          failed++;
          tally(errors, result.error);
        }
      }
      return { ok, failed, errors };
    },
  },
  {
    name: "openai: Promise.allSettled over cancel",
    run: async (url, items) => {
      const client = new OpenAI({ apiKey: API_KEY, baseURL: url });
      const settled = await Promise.allSettled(
        items.map((item) =>
          client.beta.threads.runs.cancel(item.runId, { thread_id: item.threadId }),
        ),
      );
      const errors = new Map<string, number>();
      for (const s of settled) if (s.status === "rejected") tally(errors, s.reason);
      const ok = settled.filter((s) => s.status === "fulfilled").length;
      return { ok, failed: settled.length - ok, errors };
    },
  },
];

export async function run(options: BenchOptions = {}): Promise<Result> {
  const log = options.log ?? defaultLog;
  const count = options.tiny ? 300 : 10_000;
  const rate = options.tiny ? 200 : 500;
  const ideal = (count / rate) * 1000;
  const outcomes: Outcome[] = [];
  for (const runner of runners) {
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
      const { ok, failed, errors } = await runner.run(server.url, items);
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      const stats = await server.stats();
      const outcome = {
        name: runner.name,
        wallMs,
        requests: stats.requests,
        rateLimited: stats.rateLimited,
        failed,
        ok,
        errors,
      };
      log(
        `bulk-cancel ${runner.name}: ${fmt(wallMs / 1000, 2)} s, ${stats.requests} requests, ` +
          `${stats.rateLimited} × 429, ${failed} failed`,
      );
      outcomes.push(outcome);
    } finally {
      await server.close();
    }
  }
  const ours = outcomes[0] as Outcome;
  const metrics: Record<string, number> = {};
  for (const o of outcomes) {
    metrics[`${o.name}.wallMs`] = o.wallMs;
    metrics[`${o.name}.requests`] = o.requests;
  }
  return {
    name: "bulk-cancel",
    title: `Bulk cancel: ${count.toLocaleString("en-US")} runs, server limited to ${rate} requests/s`,
    method:
      `${count} in-progress runs over ${Math.ceil(count / 100)} threads; the server's token bucket ` +
      `refills ${rate}/s with the default burst (= ${rate} tokens, full at the start). Ideal = ` +
      `items / rate = ${fmt(ideal / 1000, 1)} s (the full bucket makes ${fmt((count - rate) / rate, 1)} s ` +
      "possible). One run per contender, each against a fresh server child process.",
    tables: [
      {
        columns: ["contender", "wall s", "× ideal", "requests sent", "429s", "items failed"],
        rows: outcomes.map((o) => [
          o.name,
          fmt(o.wallMs / 1000, 2),
          `${fmt(o.wallMs / ideal, 2)}×`,
          o.requests,
          o.rateLimited,
          o.failed,
        ]),
      },
    ],
    goals: [
      {
        goal: "bulk: cancelMany within 1.1× ideal",
        measured: `${fmt(ours.wallMs / ideal, 2)}× (${fmt(ours.wallMs / 1000, 2)} s)`,
        met: ours.wallMs <= ideal * 1.1,
      },
      {
        goal: "bulk: cancelMany zero failed items",
        measured: `${ours.failed} failed`,
        met: ours.failed === 0,
      },
    ],
    notes: [
      ...outcomes.flatMap((o) =>
        [...o.errors.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([error, n]) => `${o.name}: ${n} item(s) failed with \`${error}\``),
      ),
      "requests sent and 429s are the server's own counters (RunsServer.stats); 429s counts only the " +
        "rate limiter's refusals.",
    ],
    metrics,
  };
}
