/**
 * Per-call cost on loopback: the same cancel / get against the reference server (in a child
 * process), by raw fetch + JSON.parse, bare openapi-fetch, threadrun, openai and @azure/ai-agents.
 * Sequential and at concurrency 16; contenders interleaved in rounds (rotated each round); the
 * ratio to raw fetch is taken within each round, then the median over rounds.
 *
 * Two contenders price an AbortSignal that never fires: raw fetch handed a fresh one per call,
 * and threadrun given a caller's signal (its transport then hands fetch a signal per attempt).
 * src/transport.ts keeps signals off fetch when the caller gave none; these rows show that cost
 * inside whole calls (bench/fetch-signal.ts measures it alone, interleaved far finer).
 *
 * Run directly (`node --import tsx bench/per-call.ts --json <file> [--tiny]`) it writes its
 * Result as JSON: bench/per-call-nodes.ts runs it that way under each Node of the matrix.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { AgentsClient } from "@azure/ai-agents";
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import OpenAI from "openai";
import createFetchClient from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { createClient } from "../src/index.js";
import { nodeHttp } from "../src/node/index.js";
import { startServerChild, type RunRef, type ServerChild } from "./lib/server-host.js";
import { fmt, rotate, spread, summarize } from "./lib/stats.js";
import { defaultLog, type BenchOptions, type Result, type Table } from "./lib/types.js";

type Op = "cancel" | "get";

interface Contender {
  name: string;
  cancel(threadId: string, runId: string): Promise<unknown>;
  get(threadId: string, runId: string): Promise<unknown>;
}

const API_KEY = "test-key";

/** A dummy Entra ID credential: a fixed token valid for an hour. */
export const dummyCredential: TokenCredential = {
  getToken: async (): Promise<AccessToken> => ({
    token: API_KEY,
    expiresOnTimestamp: Date.now() + 3_600_000,
  }),
};

export function contenders(url: string): Contender[] {
  const headers = {
    authorization: `Bearer ${API_KEY}`,
    "openai-beta": "assistants=v2",
    accept: "application/json",
  };
  const rawCall = async (method: string, path: string, signal?: AbortSignal): Promise<unknown> => {
    const response = await fetch(
      url + path,
      signal ? { method, headers, signal } : { method, headers },
    );
    const text = await response.text();
    if (!response.ok) throw new Error(`${response.status} ${text}`);
    return JSON.parse(text);
  };
  // A signal that never fires, made per call as a per-attempt time limit would make it.
  const idleSignal = (): AbortSignal => new AbortController().signal;

  const bare = createFetchClient<paths>({ baseUrl: url, headers });
  const unwrap = <T>(result: { data?: T; error?: unknown; response: Response }): T => {
    if (result.data === undefined) throw new Error(`${result.response.status}`);
    return result.data;
  };

  const threadrun = createClient({ apiKey: API_KEY, baseUrl: url });
  // A caller's signal that never fires: with it, the transport hands fetch a signal per attempt.
  const callerSignal = { signal: new AbortController().signal };
  // On Node, threadrun/node's sender: node:http, as the Azure SDK uses.
  const threadrunNode = createClient({ apiKey: API_KEY, baseUrl: url, http: nodeHttp() });
  const openai = new OpenAI({ apiKey: API_KEY, baseURL: url });

  const azure = new AgentsClient(url, dummyCredential, { allowInsecureConnection: true });
  // The bearer-token policy refuses plain http (the reference server has no TLS). It is swapped
  // for a policy that sets the same header, as the real one does with a cached token.
  azure.pipeline.removePolicy({ name: "bearerTokenAuthenticationPolicy" });
  azure.pipeline.addPolicy({
    name: "benchStaticBearer",
    sendRequest: (request, next) => {
      request.headers.set("authorization", `Bearer ${API_KEY}`);
      return next(request);
    },
  });

  return [
    {
      name: "raw fetch + JSON.parse",
      cancel: (t, r) => rawCall("POST", `/threads/${t}/runs/${r}/cancel`),
      get: (t, r) => rawCall("GET", `/threads/${t}/runs/${r}`),
    },
    {
      name: "raw fetch, idle AbortSignal",
      cancel: (t, r) => rawCall("POST", `/threads/${t}/runs/${r}/cancel`, idleSignal()),
      get: (t, r) => rawCall("GET", `/threads/${t}/runs/${r}`, idleSignal()),
    },
    {
      name: "openapi-fetch (bare)",
      cancel: async (t, r) =>
        unwrap(
          await bare.POST("/threads/{thread_id}/runs/{run_id}/cancel", {
            params: { path: { thread_id: t, run_id: r } },
          }),
        ),
      get: async (t, r) =>
        unwrap(
          await bare.GET("/threads/{thread_id}/runs/{run_id}", {
            params: { path: { thread_id: t, run_id: r } },
          }),
        ),
    },
    {
      name: "threadrun",
      cancel: (t, r) => threadrun.runs.cancel(t, r),
      get: (t, r) => threadrun.runs.get(t, r),
    },
    {
      name: "threadrun, caller's AbortSignal",
      cancel: (t, r) => threadrun.runs.cancel(t, r, callerSignal),
      get: (t, r) => threadrun.runs.get(t, r, callerSignal),
    },
    {
      name: "threadrun + nodeHttp()",
      cancel: (t, r) => threadrunNode.runs.cancel(t, r),
      get: (t, r) => threadrunNode.runs.get(t, r),
    },
    {
      name: "openai",
      cancel: (t, r) => openai.beta.threads.runs.cancel(r, { thread_id: t }),
      get: (t, r) => openai.beta.threads.runs.retrieve(r, { thread_id: t }),
    },
    {
      name: "@azure/ai-agents",
      cancel: (t, r) => azure.runs.cancel(t, r),
      get: (t, r) => azure.runs.get(t, r),
    },
  ];
}

/** Runs `calls` in order or with `concurrency` workers; answers µs per call (wall / calls). */
async function timeCalls(
  fn: (ref: RunRef) => Promise<unknown>,
  refs: readonly RunRef[],
  concurrency: number,
): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < refs.length) await fn(refs[next++] as RunRef);
  };
  const start = process.hrtime.bigint();
  if (concurrency === 1) await worker();
  else await Promise.all(Array.from({ length: concurrency }, worker));
  return Number(process.hrtime.bigint() - start) / 1e3 / refs.length;
}

export async function run(options: BenchOptions = {}): Promise<Result> {
  const log = options.log ?? defaultLog;
  const calls = options.tiny ? 40 : 1500;
  const rounds = options.tiny ? 1 : 7;
  const warmup = options.tiny ? 10 : 300;
  const server: ServerChild = await startServerChild({
    apiKey: API_KEY,
    // Cancelled runs stay `cancelling`: no timers fire during the measurement.
    cancelDelayMs: 2_000_000_000,
  });
  const tables: Table[] = [];
  const metrics: Record<string, number> = {};
  const goals: Result["goals"] = [];
  try {
    const all = contenders(server.url);
    const getPool = await server.createRuns(100, 10);
    const modes = [
      { label: "sequential", concurrency: 1 },
      { label: "concurrency 16", concurrency: 16 },
    ];
    for (const op of ["get", "cancel"] as Op[]) {
      for (const mode of modes) {
        // For get, every call reads one of 100 runs; for cancel, every call cancels a fresh run.
        const refsFor = async (n: number): Promise<RunRef[]> =>
          op === "get"
            ? Array.from({ length: n }, (_, i) => getPool[i % getPool.length] as RunRef)
            : server.createRuns(n, Math.ceil(n / 100));
        for (const c of all) {
          await timeCalls(
            (x) => c[op](x.threadId, x.runId),
            await refsFor(warmup),
            mode.concurrency,
          );
        }
        const perCall = new Map<string, number[]>(all.map((c) => [c.name, []]));
        const ratios = new Map<string, number[]>(all.map((c) => [c.name, []]));
        for (let round = 0; round < rounds; round++) {
          const refs = await refsFor(calls * all.length);
          const thisRound = new Map<string, number>();
          let slice = 0;
          for (const c of rotate(all, round)) {
            const mine = refs.slice(slice * calls, (slice + 1) * calls);
            slice++;
            const us = await timeCalls((x) => c[op](x.threadId, x.runId), mine, mode.concurrency);
            thisRound.set(c.name, us);
            perCall.get(c.name)?.push(us);
          }
          const raw = thisRound.get(all[0]!.name) as number;
          for (const c of all) ratios.get(c.name)?.push((thisRound.get(c.name) as number) / raw);
          log(
            `per-call ${op} ${mode.label} round ${round + 1}/${rounds}: ` +
              all.map((c) => `${c.name} ${fmt(thisRound.get(c.name) as number)}`).join(", "),
          );
        }
        const rows = all.map((c) => {
          const s = summarize(perCall.get(c.name) as number[]);
          const r = summarize(ratios.get(c.name) as number[]);
          const key = `${op}.${mode.concurrency}.${c.name}`;
          metrics[`${key}.us`] = s.median;
          metrics[`${key}.ratio`] = r.median;
          return [c.name, fmt(s.median, 1), spread(s, 1), fmt(r.median, 2) + "×", spread(r, 2)];
        });
        tables.push({
          title: `${op}, ${mode.label} (${calls} calls × ${rounds} rounds per contender)`,
          columns: ["contender", "median µs/call", "spread (µs)", "× raw fetch", "ratio spread"],
          rows,
        });
      }
    }
    for (const op of ["get", "cancel"] as Op[]) {
      for (const concurrency of [1, 16]) {
        const ratio = metrics[`${op}.${concurrency}.threadrun.ratio`] as number;
        const us = metrics[`${op}.${concurrency}.threadrun.us`] as number;
        const openai = metrics[`${op}.${concurrency}.openai.us`] as number;
        const azure = metrics[`${op}.${concurrency}.@azure/ai-agents.us`] as number;
        const label = `${op}, ${concurrency === 1 ? "sequential" : "concurrency 16"}`;
        goals.push({
          goal: `per-call ${label}: threadrun ≤ 1.15× raw fetch`,
          measured: `${fmt(ratio, 2)}×`,
          met: ratio <= 1.15,
        });
        // On Node the fastest threadrun is the one on node:http (threadrun/node), the transport
        // the Azure SDK uses too; in browsers fetch is all there is, for every client.
        const usNode = metrics[`${op}.${concurrency}.threadrun + nodeHttp().us`] as number;
        goals.push({
          goal: `per-call ${label}: threadrun (nodeHttp) faster than openai and @azure/ai-agents`,
          measured: `${fmt(usNode, 1)} µs (fetch: ${fmt(us, 1)}) vs ${fmt(openai, 1)} / ${fmt(azure, 1)} µs`,
          met: usNode < openai && usNode < azure,
        });
      }
    }
  } finally {
    await server.close();
  }
  return {
    name: "per-call",
    title: "Per-call cost on loopback (HTTP/1.1 keep-alive, server in a child process)",
    method:
      `Each contender makes ${calls} calls per round for ${rounds} rounds (after ${warmup} warm-up ` +
      "calls), contenders rotated each round; µs/call = wall time / calls (at concurrency 16 that " +
      "is the amortised cost). Ratios are taken within a round, then the median over rounds. " +
      "Every cancel cancels a fresh run; gets read 100 pre-created runs.",
    tables,
    goals,
    notes: [
      "@azure/ai-agents: endpoint = the server URL (`…/v1`), so its paths land on the same routes; it " +
        "adds `?api-version=v1`, which the reference server ignores unless told to check it. Its " +
        "bearer-token policy refuses plain http, so it was replaced by a policy that sets the same " +
        "`Authorization` header (what the real policy does with a cached token).",
      "openai: default client (2 retries, 10 min timeout, an AbortSignal per request).",
      "raw fetch, idle AbortSignal: raw fetch handed a fresh AbortController's signal per call, " +
        "never fired; its × raw fetch is what a signal costs fetch on this Node. threadrun, " +
        "caller's AbortSignal: `{ signal }` given to every call, so the transport hands fetch a " +
        "signal per attempt (without one it hands none).",
    ],
    metrics,
  };
}

/** `node --import tsx bench/per-call.ts --json <file> [--tiny]`: the Result as JSON, plus Node. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { json: { type: "string" }, tiny: { type: "boolean", default: false } },
  });
  if (values.json === undefined) throw new Error("bench/per-call.ts: --json <file> is required");
  const result = await run({ tiny: values.tiny });
  writeFileSync(values.json, JSON.stringify({ node: process.version, result }, null, 2));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
