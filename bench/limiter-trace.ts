/**
 * npx tsx bench/limiter-trace.ts <case name substring> [runs] [rate]
 *
 * A diagnostic, not a benchmark: one cancelMany (concurrency 32) against one limiter of
 * bench/lib/limiters.ts on the loopback limiter server, printing per 100 ms what the client sent,
 * what the server refused, the pacer's pace and concurrency limit, how many were in flight, and
 * the client's event-loop delay; then the wall time against the ideal (and, for a case that holds
 * requests, how long the server held them on average). The pacer is observed by wrapping its
 * prototype here, so the shipped code carries no tracing. TRACE_429=1 prints every 429 and what
 * the pacer made of it.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createClient } from "../src/index.js";
import { Pacer, type Ticket } from "../src/pacer.js";
import type { AttemptEnd } from "../src/transport.js";
import { limiterCases } from "./lib/limiters.js";
import { startLimiterServer } from "./lib/limiter-server.js";

interface Slot {
  sent: number;
  refused: number;
  faults: number;
  rate: number;
  limit: number;
  inFlight: number;
  delayMs: number;
}

const [pattern = "sliding", runsArg = "2000", rateArg = "400"] = process.argv.slice(2);
const rate = Number(rateArg);
const cases = limiterCases(rate);
const index = cases.findIndex((c) => c.name.includes(pattern));
const limiterCase = cases[index];
if (limiterCase === undefined) throw new Error(`no limiter case matches "${pattern}"`);
const runs = Number(runsArg) * limiterCase.runScale;

const slots: Slot[] = [];
let t0 = 0;
let inFlight = 0;
const slotAt = (now: number): Slot => {
  const i = Math.max(0, Math.floor((now - t0) / 100));
  while (slots.length <= i) {
    slots.push({ sent: 0, refused: 0, faults: 0, rate: 0, limit: 0, inFlight: 0, delayMs: 0 });
  }
  return slots[i] as Slot;
};

const proto = Pacer.prototype as unknown as {
  grant(now: number): Ticket;
  afterAttempt(ticket: Ticket, end: AttemptEnd): number | undefined;
};
const grant = proto.grant;
proto.grant = function (this: Pacer, now: number) {
  const ticket = grant.call(this, now);
  inFlight++;
  const slot = slotAt(performance.now());
  slot.sent++;
  slot.inFlight = Math.max(slot.inFlight, inFlight);
  return ticket;
};
const afterAttempt = proto.afterAttempt;
proto.afterAttempt = function (this: Pacer, ticket: Ticket, end: AttemptEnd) {
  inFlight--;
  const before = `${this.rate.rate.toFixed(0)}/${this.concurrency.limit}`;
  const wait = afterAttempt.call(this, ticket, end);
  const slot = slotAt(performance.now());
  if (end.answer?.status === 429) {
    slot.refused++;
    if (process.env["TRACE_429"]) {
      console.log(
        `  429 (${end.answer.headers.get("retry-after-ms") ?? end.answer.headers.get("retry-after") + " s"} ms) at ${(performance.now() - t0).toFixed(1)} level ${ticket.level} seq ${ticket.seq}${ticket.early ? " early" : ""}: ` +
          `rate/limit ${before} -> ${this.rate.rate.toFixed(0)}/${this.concurrency.limit}`,
      );
    }
  } else if (end.answer === undefined || end.answer.status >= 500) slot.faults++;
  slot.rate = this.rate.rate;
  slot.limit = this.concurrency.limit;
  return wait;
};

const server = await startLimiterServer(rate);
const delay = monitorEventLoopDelay({ resolution: 5 });
try {
  await server.use(index);
  const warm = createClient({ apiKey: "k", baseUrl: server.url });
  for await (const _ of warm.runs.cancelMany(
    Array.from({ length: 200 }, (_, i) => ({ threadId: "t", runId: `w${i}` })),
    { concurrency: 32 },
  ));
  await server.reset();
  slots.length = 0;
  const items = Array.from({ length: runs }, (_, i) => ({
    threadId: `thread_${i % 50}`,
    runId: `run_${i}`,
  }));
  const client = createClient({ apiKey: "k", baseUrl: server.url });
  let failed = 0;
  delay.enable();
  const sampler = setInterval(() => {
    slotAt(performance.now()).delayMs = delay.max / 1e6;
    delay.reset();
  }, 100);
  const cpu = process.cpuUsage();
  t0 = performance.now();
  for await (const result of client.runs.cancelMany(items, { concurrency: 32 })) {
    if (!result.ok) failed++;
  }
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  const stats = await server.stats();
  console.log(" t(s)  sent  429  flt   rate  lim  infl  loopMax");
  slots.forEach((s, i) => {
    console.log(
      `${((i * 100) / 1000).toFixed(1).padStart(5)} ${String(s.sent).padStart(5)} ${String(s.refused).padStart(4)} ${String(s.faults).padStart(4)} ${s.rate.toFixed(0).padStart(6)} ${String(s.limit).padStart(4)} ${String(s.inFlight).padStart(5)} ${s.delayMs.toFixed(1).padStart(8)}`,
    );
  });
  console.log(
    `${limiterCase.name}: ${(wall / 1000).toFixed(2)} s, ${(wall / limiterCase.idealMs(runs)).toFixed(2)}× ideal, ` +
      `${stats.refused} × 429 (server), ${failed} failed, client CPU ${((used.user + used.system) / 1000 / wall).toFixed(2)} cores` +
      (limiterCase.holdMs > 0
        ? `, held ${(stats.heldMs / (stats.requests - stats.refused)).toFixed(2)} ms on average`
        : ""),
  );
} finally {
  await server.close();
}
