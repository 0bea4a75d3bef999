/**
 * What a huge request body costs the reference server: a client streams `size` bytes at it
 * (without a key, with a key, and with a Content-Length declaring it all up front) and keeps
 * sending whatever the server answers, as a careless client would. Each case gets a fresh server
 * child process; its resident set size is read before and at its peak after.
 */
import { request } from "node:http";
import { startServerChild } from "./lib/server-host.js";
import { fmt } from "./lib/stats.js";
import { defaultLog, type BenchOptions, type Result } from "./lib/types.js";

const API_KEY = "test-key";
const MiB = 1024 * 1024;

interface Case {
  name: string;
  headers: (size: number) => Record<string, string>;
}

const cases: Case[] = [
  { name: "no key, chunked", headers: () => ({ authorization: "Bearer wrong" }) },
  { name: "right key, chunked", headers: () => ({ authorization: `Bearer ${API_KEY}` }) },
  {
    name: "right key, Content-Length",
    headers: (size) => ({ authorization: `Bearer ${API_KEY}`, "content-length": String(size) }),
  },
];

interface Sent {
  status: number | undefined;
  /** Bytes handed to the socket before the server closed it (or all of them). */
  bytesSent: number;
}

/** POSTs `size` bytes in 64 KiB chunks, ignoring the answer until the body is out or the socket breaks. */
function sendBlindly(url: string, size: number, headers: Record<string, string>): Promise<Sent> {
  const chunk = Buffer.alloc(64 * 1024, "x");
  return new Promise((resolve) => {
    let sent = 0;
    let status: number | undefined;
    let broken = false;
    const req = request(url, { method: "POST", headers });
    req.on("response", (res) => {
      status = res.statusCode;
      res.resume();
    });
    req.on("error", () => {
      broken = true;
      resolve({ status, bytesSent: sent });
    });
    req.on("close", () => resolve({ status, bytesSent: sent }));
    const pump = (): void => {
      while (!broken && sent < size) {
        const piece = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += piece.length;
        if (!req.write(piece)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!broken) req.end();
    };
    pump();
  });
}

export async function run(options: BenchOptions = {}): Promise<Result> {
  const log = options.log ?? defaultLog;
  const size = options.tiny ? 8 * MiB : 300 * MiB;
  const rows: (string | number)[][] = [];
  const metrics: Record<string, number> = {};
  let worstGrowth = 0;
  for (const c of cases) {
    const server = await startServerChild({ apiKey: API_KEY });
    try {
      const [{ threadId, runId }] = (await server.createRuns(1)) as [
        { threadId: string; runId: string },
      ];
      const before = await server.memory();
      const url = `${server.url}/threads/${threadId}/runs/${runId}/cancel`;
      const sent = await sendBlindly(url, size, c.headers(size));
      const after = await server.memory();
      const growth = Math.max(0, after.peakRss - before.rss);
      worstGrowth = Math.max(worstGrowth, growth);
      log(
        `server-memory ${c.name}: answered ${sent.status ?? "nothing"}, ${fmt(sent.bytesSent / MiB, 1)} MiB sent, ` +
          `server RSS ${fmt(before.rss / MiB, 0)} → peak ${fmt(after.peakRss / MiB, 0)} MiB`,
      );
      rows.push([
        c.name,
        sent.status ?? "none",
        fmt(sent.bytesSent / MiB, 1),
        fmt(before.rss / MiB, 1),
        fmt(after.peakRss / MiB, 1),
        fmt(growth / MiB, 1),
      ]);
      metrics[`${c.name}.peakRssMiB`] = after.peakRss / MiB;
    } finally {
      await server.close();
    }
  }
  const limit = 32 * MiB;
  return {
    name: "server-memory",
    title: `Reference server memory under a ${fmt(size / MiB, 0)} MiB request body`,
    method:
      `A node:http client POSTs ${fmt(size / MiB, 0)} MiB to a cancel in 64 KiB chunks and keeps ` +
      "writing until the body is out or the server closes the connection. Server RSS (a child " +
      "process, fresh per case) is read before, and its lifetime peak (resourceUsage().maxRSS) after.",
    tables: [
      {
        columns: ["case", "status", "MiB sent", "RSS before MiB", "peak RSS MiB", "growth MiB"],
        rows,
      },
    ],
    goals: [
      {
        goal: "server-memory: a huge body grows the server by at most 32 MiB",
        measured: `${fmt(worstGrowth / MiB, 1)} MiB at worst`,
        met: worstGrowth <= limit,
      },
    ],
    notes: [
      "Growth = peak RSS after − RSS before; the peak also covers anything buffered and freed again.",
      "MiB sent counts what the client handed to its socket before the server closed it, kernel " +
        "buffers included: the server itself reads none of a refused body and at most 1 MiB of an " +
        "accepted one.",
    ],
    metrics,
  };
}
