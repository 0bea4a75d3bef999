/**
 * The reference server in its own process, so client and server do not share one event loop.
 * Started by server-host.ts (fork + tsx); options come in BENCH_SERVER_OPTIONS, commands over IPC.
 */
import { startRunsServer, type RunsServerOptions } from "../../src/testing/index.js";

interface Command {
  id: number;
  op: "createRuns" | "stats" | "resetStats" | "memory" | "close";
  count?: number;
  threads?: number;
  status?: string;
}

const options = JSON.parse(process.env["BENCH_SERVER_OPTIONS"] ?? "{}") as RunsServerOptions;
const server = await startRunsServer({ recordRequests: false, ...options });
const send = (message: unknown) => process.send?.(message);
send({ type: "ready", url: server.url });

process.on("message", (message: Command) => {
  void (async () => {
    switch (message.op) {
      case "createRuns": {
        // [threadId, runId] pairs, spread over `threads` threads.
        const count = message.count ?? 0;
        const threads = Math.max(1, Math.min(message.threads ?? 1, count));
        const pairs: [string, string][] = [];
        for (let t = 0; t < threads; t++) {
          const n = Math.floor(count / threads) + (t < count % threads ? 1 : 0);
          const init = { status: message.status ?? "in_progress" };
          for (const run of server.createRuns(n, init)) pairs.push([run.thread_id, run.id]);
        }
        return send({ id: message.id, result: pairs });
      }
      case "stats":
        return send({ id: message.id, result: server.stats });
      case "memory": {
        // maxRSS is the peak since the process started, in KiB.
        const { rss } = process.memoryUsage();
        return send({
          id: message.id,
          result: { rss, peakRss: process.resourceUsage().maxRSS * 1024 },
        });
      }
      case "resetStats":
        server.resetStats();
        return send({ id: message.id, result: null });
      case "close":
        await server.close();
        send({ id: message.id, result: null });
        process.disconnect?.();
        return;
    }
  })();
});
process.on("disconnect", () => process.exit(0));
