/** Starts bench/lib/server-child.ts in a child process and talks to it over IPC. */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { RunsServerOptions, RunsServerStats } from "../../src/testing/index.js";

export interface RunRef {
  threadId: string;
  runId: string;
}

export interface ServerChild {
  url: string;
  pid: number;
  /** Seeds `count` runs (default status `in_progress`) over `threads` threads. */
  createRuns(count: number, threads?: number, status?: string): Promise<RunRef[]>;
  stats(): Promise<RunsServerStats>;
  resetStats(): Promise<void>;
  /** The server process's resident set size now and at its peak so far, in bytes. */
  memory(): Promise<{ rss: number; peakRss: number }>;
  close(): Promise<void>;
}

const childFile = fileURLToPath(new URL("./server-child.ts", import.meta.url));

export async function startServerChild(options: RunsServerOptions = {}): Promise<ServerChild> {
  const child: ChildProcess = fork(childFile, [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, BENCH_SERVER_OPTIONS: JSON.stringify(options) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const pending = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  const url = await new Promise<string>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`server child exited early (${String(code)})`)));
    child.on(
      "message",
      (message: { type?: string; url?: string; id?: number; result?: unknown }) => {
        if (message.type === "ready") return resolve(message.url as string);
        const done = message.id === undefined ? undefined : pending.get(message.id);
        if (done) {
          pending.delete(message.id as number);
          done(message.result);
        }
      },
    );
  });
  child.removeAllListeners("exit");
  const call = <T>(op: string, extra: Record<string, unknown> = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, resolve as (result: unknown) => void);
      child.send({ id, op, ...extra }, (error) => error && reject(error));
    });
  let closed: Promise<void> | undefined;
  return {
    url,
    pid: child.pid as number,
    async createRuns(count, threads = 1, status = "in_progress") {
      const pairs = await call<[string, string][]>("createRuns", { count, threads, status });
      return pairs.map(([threadId, runId]) => ({ threadId, runId }));
    },
    stats: () => call<RunsServerStats>("stats"),
    resetStats: () => call<void>("resetStats"),
    memory: () => call<{ rss: number; peakRss: number }>("memory"),
    close() {
      closed ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill(), 5000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        if (child.connected) void call("close").catch(() => child.kill());
        else child.kill();
      });
      return closed;
    },
  };
}
