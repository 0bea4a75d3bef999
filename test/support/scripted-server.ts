/**
 * A tiny scriptable `node:http` server on loopback, for tests that need a server misbehaving in one
 * exact way (the reference server in `reference-server.ts` is for lifecycle tests): one handler per test,
 * every request recorded (method, raw URL, headers, body), attempts counted, sockets tracked so
 * a test can see when the client let go of a connection.
 */
import { createServer } from "node:http";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Socket } from "node:net";
import { afterEach } from "vitest";
import { wireRun } from "./wire.js";

export { CREATED_AT, wireRun } from "./wire.js";

export interface Recorded {
  method: string;
  /** The request target exactly as sent: path and query, still percent-encoded. */
  url: string;
  /** The path part of {@link url}, without `/v1`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** `Date.now()` at arrival. */
  at: number;
}

/** Answers one request. `attempt` counts requests to this server from 1. */
export type Handler = (req: Recorded, res: ServerResponse, attempt: number) => void | Promise<void>;

export interface TestServer {
  /** Base URL to give the client: `http://127.0.0.1:<port>/v1`. */
  readonly url: string;
  /** Every request so far, oldest first. */
  readonly requests: Recorded[];
  /** Replaces the handler. */
  handle(handler: Handler): void;
  /** `Date.now()` of each time a response was closed (finished or torn down), in order. */
  readonly closedAt: number[];
  close(): Promise<void>;
}

const started: TestServer[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
});

/** Starts a server that is closed after the current test. */
export async function startServer(handler: Handler = okRun()): Promise<TestServer> {
  let current = handler;
  const requests: Recorded[] = [];
  const closedAt: number[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const at = Date.now();
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const url = req.url ?? "/";
      const q = url.indexOf("?");
      const recorded: Recorded = {
        method: req.method ?? "GET",
        url,
        path: (q === -1 ? url : url.slice(0, q)).replace(/^\/v1/, ""),
        query: new URLSearchParams(q === -1 ? "" : url.slice(q + 1)),
        headers: req.headers,
        body,
        at,
      };
      requests.push(recorded);
      res.on("close", () => closedAt.push(Date.now()));
      Promise.resolve(current(recorded, res, requests.length)).catch((error: unknown) => {
        if (!res.headersSent) json(res, 599, { error: { message: String(error) } });
        else res.destroy();
      });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  const test: TestServer = {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    closedAt,
    handle: (next) => void (current = next),
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      })),
  };
  started.push(test);
  return test;
}

/** Writes a JSON answer with an `x-request-id`. */
export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "x-request-id": "req_test",
    ...headers,
  });
  res.end(text);
}

/** The documented error body. */
export function errorBody(
  message: string,
  extra: { type?: string; param?: string | null; code?: string | null } = {},
): { error: { message: string; type: string; param: string | null; code: string | null } } {
  return {
    error: {
      message,
      type: extra.type ?? "invalid_request_error",
      param: extra.param ?? null,
      code: extra.code ?? null,
    },
  };
}

/** A handler answering 200 with a run (the ids taken from the path when they are there). */
export function okRun(overrides: Record<string, unknown> = {}): Handler {
  return (req, res) => json(res, 200, wireRun({ ...idsFrom(req.path), ...overrides }));
}

/** The decoded thread and run ids of a `/threads/{t}/runs/{r}` path. */
export function idsFrom(path: string): { thread_id?: string; id?: string } {
  const parts = path.split("/");
  const out: { thread_id?: string; id?: string } = {};
  if (parts[1] === "threads" && parts[2] !== undefined)
    out.thread_id = decodeURIComponent(parts[2]);
  if (parts[3] === "runs" && parts[4] !== undefined) out.id = decodeURIComponent(parts[4]);
  return out;
}

/** Runs the handlers in order, one per request; the last one answers every later request. */
export function sequence(...handlers: Handler[]): Handler {
  return (req, res, attempt) => {
    const handler = handlers[Math.min(attempt, handlers.length) - 1];
    if (handler === undefined) throw new Error("sequence() needs at least one handler");
    return handler(req, res, attempt);
  };
}

/** A handler answering an error status with the documented body. */
export function status(
  code: number,
  message = `status ${code}`,
  headers: Record<string, string> = {},
): Handler {
  return (_req, res) => json(res, code, errorBody(message), headers);
}

/** Destroys the socket before any answer. */
export const resetBeforeHeaders: Handler = (_req, res) => void res.socket?.destroy();

/** Sends 200 headers and half a run, then destroys the socket. */
export const resetMidBody: Handler = (req, res) => {
  const text = JSON.stringify(wireRun(idsFrom(req.path)));
  res.writeHead(200, { "content-type": "application/json", "content-length": text.length });
  res.write(text.slice(0, text.length >> 1), () => res.socket?.destroy());
};

/** Sends 200 headers and half a run, then stalls (the rest never comes). */
export const stallBody: Handler = (req, res) => {
  const text = JSON.stringify(wireRun(idsFrom(req.path)));
  res.writeHead(200, { "content-type": "application/json", "content-length": text.length });
  res.write(text.slice(0, text.length >> 1));
};

/** Never answers at all. */
export const stallHeaders: Handler = () => {};
