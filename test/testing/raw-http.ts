/**
 * HTTP below fetch, for the reference-server tests that need to send what fetch never would
 * (a broken request line, a huge header, a body cut short) or to watch the exchange byte by byte
 * (an answer that arrives while the body is still being sent). Loopback only.
 */
import { request } from "node:http";
import { connect, type Socket } from "node:net";
import { afterEach } from "vitest";
import type { RunsServer } from "../../src/testing/index.js";

const sockets = new Set<Socket>();

afterEach(() => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
});

/** One response as it came off the socket. */
export interface RawAnswer {
  status: number;
  /** Header names lower-case. */
  headers: Record<string, string>;
  body: string;
  /** Statuses of the interim (1xx) responses that came first, such as `100 Continue`. */
  interim: number[];
}

/** A socket to the server, destroyed after the current test. */
export async function openSocket(server: RunsServer): Promise<Socket> {
  const socket = connect(server.port, "127.0.0.1");
  sockets.add(socket);
  socket.once("close", () => sockets.delete(socket));
  // A reset by the server is an outcome the tests look at, not a crash of the test process.
  socket.on("error", () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  return socket;
}

/**
 * Reads the first complete final response from `socket` (its body by `content-length`), skipping
 * and noting interim ones. Rejects when the socket closes first or after `timeoutMs` (a bound
 * that keeps a broken server from hanging the test, not a speed check).
 */
export function readAnswer(socket: Socket, timeoutMs = 5000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    const interim: number[] = [];
    const done = (error: Error | undefined, answer?: RawAnswer) => {
      clearTimeout(timer);
      socket.off("data", onData);
      socket.off("close", onClose);
      if (error !== undefined) reject(error);
      else resolve(answer!);
    };
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf("\r\n\r\n");
        if (end === -1) return;
        const [statusLine = "", ...lines] = buffer
          .subarray(0, end)
          .toString("latin1")
          .split("\r\n");
        const status = Number(statusLine.split(" ")[1]);
        const headers: Record<string, string> = {};
        for (const line of lines) {
          const colon = line.indexOf(":");
          headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
        }
        if (status >= 100 && status < 200) {
          interim.push(status);
          buffer = buffer.subarray(end + 4);
          continue;
        }
        const length = Number(headers["content-length"] ?? 0);
        if (buffer.length < end + 4 + length) return;
        const body = buffer.subarray(end + 4, end + 4 + length).toString("utf8");
        return done(undefined, { status, headers, body, interim });
      }
    };
    const onClose = () => done(new Error(`socket closed before a full answer: ${String(buffer)}`));
    const timer = setTimeout(() => done(new Error("no answer in time")), timeoutMs);
    socket.on("data", onData);
    socket.once("close", onClose);
  });
}

/** Sends `bytes` on a fresh socket and reads the answer. */
export async function rawRequest(server: RunsServer, bytes: string | Buffer): Promise<RawAnswer> {
  const socket = await openSocket(server);
  const answer = readAnswer(socket);
  socket.write(bytes);
  return answer;
}

/** What {@link streamBody} saw. */
export interface StreamedAnswer {
  status: number;
  body: string;
  /** Body bytes handed to the socket when the answer's headers arrived. */
  sentWhenAnswered: number;
}

/**
 * POSTs a body of `totalBytes` in 64 KiB chunks with `node:http`, honouring backpressure, and
 * stops sending as soon as the answer's headers arrive (as curl and fetch do). So
 * `sentWhenAnswered < totalBytes` means the server answered before it had the whole body.
 */
export function streamBody(
  url: string,
  totalBytes: number,
  headers: Record<string, string> = {},
): Promise<StreamedAnswer> {
  const chunk = Buffer.alloc(64 * 1024, "x");
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(url, {
      method: "POST",
      headers: { "content-type": "text/plain", ...headers },
    });
    req.on("response", (res) => {
      answered = true;
      const sentWhenAnswered = sent;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (text: string) => (body += text));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, sentWhenAnswered }));
      res.on("error", reject);
    });
    // Once answered, the server may close while a chunk is still on its way: not a failure.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const pump = (): void => {
      while (!answered && sent < totalBytes) {
        const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - sent));
        sent += piece.length;
        if (!req.write(piece)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

/** Collects uncaught exceptions and unhandled rejections from now on; `stop()` returns them. */
export function watchProcessErrors(): { stop(): unknown[] } {
  const seen: unknown[] = [];
  const record = (error: unknown) => seen.push(error);
  process.on("uncaughtException", record);
  process.on("unhandledRejection", record);
  return {
    stop() {
      process.off("uncaughtException", record);
      process.off("unhandledRejection", record);
      return seen;
    },
  };
}
