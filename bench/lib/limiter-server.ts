/**
 * A loopback `node:http` server that answers cancels behind one of the limiters of limiters.ts,
 * in its own process so that client and server do not share an event loop. Forked by
 * {@link startLimiterServer} with the rate in LIMITER_RATE; which case it serves, and when it
 * starts over, come over IPC.
 */
import { fork } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { wireRun } from "../../test/support/wire.js";
import { LimitedCancels, limiterCases, type EndpointStats, type LimiterCase } from "./limiters.js";

export interface LimiterServer {
  url: string;
  /** Serves `limiterCases(rate)[index]` from now on, starting with no traffic. */
  use(index: number): Promise<void>;
  /** Forgets all traffic; the limiter starts over now. */
  reset(): Promise<void>;
  stats(): Promise<EndpointStats>;
  close(): Promise<void>;
}

const CANCEL = /^\/v1\/threads\/([^/]+)\/runs\/([^/]+)\/cancel$/;

/** Starts the server for the cases of `limiterCases(rate)` in a child process. */
export async function startLimiterServer(rate: number): Promise<LimiterServer> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, LIMITER_RATE: String(rate) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const pending = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  const url = await new Promise<string>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`limiter server exited early (${code})`)));
    child.on("message", (message: { url?: string; id?: number; result?: unknown }) => {
      if (message.url !== undefined) return resolve(message.url);
      const done = message.id === undefined ? undefined : pending.get(message.id);
      pending.delete(message.id as number);
      done?.(message.result);
    });
  });
  child.removeAllListeners("exit");
  const call = <T>(op: string, index?: number): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, resolve as (result: unknown) => void);
      child.send({ id, op, index }, (error) => error && reject(error));
    });
  return {
    url,
    use: (index) => call("use", index),
    reset: () => call("reset"),
    stats: () => call("stats"),
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}

/**
 * Holds admitted requests for the case's `holdMs` on average. A timer fires late (Node's timers
 * count whole ms, and the loop may be busy): a plain `setTimeout(answer, 20)` held 20.3 ms on
 * average here, which made the in-flight cap's 400/s unreachable by 1.5% whatever the client did.
 * So the timer is set that much early, learnt from how late the last ones were.
 */
class HoldTimer {
  private lateMs = 0;

  delayFor(holdMs: number): number {
    return Math.max(0, holdMs - this.lateMs);
  }

  /** An answer went out `overMs` after its hold was due (negative: before). */
  observe(overMs: number): void {
    this.lateMs += 0.02 * overMs;
  }
}

/** The child: serves the case it is told to use until killed. */
async function serve(rate: number): Promise<void> {
  const cases = limiterCases(rate);
  const run = (threadId: string, runId: string) =>
    wireRun({ id: runId, thread_id: threadId, status: "cancelling" });
  let endpoint = new LimitedCancels(cases[0] as LimiterCase, performance.now(), run);
  const hold = new HoldTimer();
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const ids = req.method === "POST" ? CANCEL.exec(req.url ?? "") : null;
      if (ids === null) {
        res.writeHead(404, { "content-type": "application/json" });
        return res.end('{"error":{"message":"not found","type":"invalid_request_error"}}');
      }
      const arrivedAt = performance.now();
      const reply = endpoint.cancel(
        arrivedAt,
        decodeURIComponent(ids[1] as string),
        decodeURIComponent(ids[2] as string),
      );
      // Only admitted requests hold capacity (an in-flight cap counts them).
      const admitted = reply.reset || reply.status !== 429;
      const answer = () => {
        const now = performance.now();
        if (admitted) {
          endpoint.finish(now);
          endpoint.stats.heldMs += now - arrivedAt;
        }
        if (reply.holdMs > 0) hold.observe(now - arrivedAt - reply.holdMs);
        if (reply.reset) return void res.socket?.destroy();
        const text = JSON.stringify(reply.body);
        res.writeHead(reply.status, {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(text),
          "x-request-id": `req_${endpoint.stats.requests}`,
          ...reply.headers,
        });
        res.end(text);
      };
      if (reply.holdMs > 0) setTimeout(answer, hold.delayFor(reply.holdMs));
      else answer();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  process.send?.({ url: `http://127.0.0.1:${port}/v1` });
  process.on(
    "message",
    (message: { id: number; op: "use" | "reset" | "stats"; index?: number }) => {
      if (message.op === "use") {
        const limiterCase = cases[message.index ?? -1];
        if (limiterCase === undefined) throw new Error(`no limiter case ${message.index}`);
        endpoint = new LimitedCancels(limiterCase, performance.now(), run);
      }
      if (message.op === "reset") endpoint.reset(performance.now());
      process.send?.({ id: message.id, result: message.op === "stats" ? endpoint.stats : null });
    },
  );
  process.on("disconnect", () => process.exit(0));
}

if (
  process.env["LIMITER_RATE"] !== undefined &&
  process.argv[1] === fileURLToPath(import.meta.url)
) {
  await serve(Number(process.env["LIMITER_RATE"]));
}
