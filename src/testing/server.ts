import { createServer } from "node:http";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { copyRun } from "./clone.js";
import { applyStatus, copyOverrides } from "./factory.js";
import type { CreateRunInit } from "./factory.js";
import { Chaos, FaultQueue } from "./faults.js";
import type { Fault } from "./faults.js";
import { randomId, requestIdFactory } from "./ids.js";
import { Lifecycle } from "./lifecycle.js";
import { resolveServerOptions } from "./options.js";
import type { RunsServerOptions } from "./options.js";
import { TokenBucket } from "./rate-limit.js";
import { RequestRecorder, StatsCounter } from "./recorder.js";
import type { RecordedRequest, RunsServerStats } from "./recorder.js";
import { Responder } from "./respond.js";
import { badEncoding, handle, parseRoute, unknownRoute, wrongMethod } from "./routes.js";
import type { Answer } from "./routes.js";
import { RunStore } from "./store.js";
import { TimerSet } from "./timers.js";
import type { WireRun } from "./wire.js";
import { errorBody, statusErrorBody } from "./wire.js";

/** A running reference server plus the handles a test needs to seed, break and inspect it. */
export interface RunsServer {
  /** Base URL to give a client, routes under `/v1`, e.g. `http://127.0.0.1:54321/v1`. */
  readonly url: string;
  /** The port actually bound. */
  readonly port: number;
  /** Seeds one run; answers a copy of the stored wire run. */
  createRun(init?: CreateRunInit): WireRun;
  /**
   * Seeds `count` runs on one thread (`init.threadId`, @default a new thread), oldest first;
   * `init.id` is not allowed (ids must differ). Answers copies. A thread is known (listing it
   * answers 200, not 404) once a run was created on it; `createRuns(0, { threadId })` makes an
   * empty one.
   */
  createRuns(count: number, init?: CreateRunInit): WireRun[];
  /** A copy of a run's current state, or `undefined`. */
  run(threadId: string, runId: string): WireRun | undefined;
  /** Copies of all runs of a thread (or of every thread), oldest first per thread. */
  runs(threadId?: string): WireRun[];
  /** Sets a run's status and the matching `*_at` timestamp (and usage once terminal). Throws if unknown. */
  setStatus(threadId: string, runId: string, status: string): void;
  /**
   * Queues a fault for the next matching request(s). Faults act after the front door: a request
   * refused for its key, its api-version or the rate limit does not consume one.
   */
  inject(fault: Fault): void;
  /** Drops every queued fault not yet consumed. */
  clearFaults(): void;
  /** The recorded requests, oldest first (a copy; at most `maxRecordedRequests`). */
  readonly requests: ReadonlyArray<RecordedRequest>;
  /** A snapshot of the counters since start or the last {@link resetStats}. */
  readonly stats: RunsServerStats;
  /** Zeroes the counters and forgets the recorded requests: a fresh measurement window. */
  resetStats(): void;
  /** Stops listening, closes every connection (idle keep-alive ones too) and clears pending timers. */
  close(): Promise<void>;
}

/**
 * Starts an in-memory reference server for the runs API over real HTTP (plain `node:http`).
 * @param options - see {@link RunsServerOptions}; every field has a default. Checked completely
 * first: an unknown key or a bad value throws a `TypeError`/`RangeError` naming it.
 */
export async function startRunsServer(options?: RunsServerOptions): Promise<RunsServer> {
  const settings = resolveServerOptions(options);
  const host = settings.host;
  const expectedAuth = settings.apiKey === null ? undefined : `Bearer ${settings.apiKey}`;
  const apiVersion = settings.apiVersion;
  const latencyMs = settings.latencyMs;
  const pollAfter = settings.pollAfterMs === undefined ? undefined : String(settings.pollAfterMs);
  const recordRequests = settings.recordRequests;

  const timers = new TimerSet();
  const store = new RunStore();
  const lifecycle = new Lifecycle(store, timers, settings.cancelDelayMs);
  const context = { store, lifecycle };
  const faults = new FaultQueue();
  const chaos = settings.chaos === undefined ? undefined : new Chaos(settings.chaos);
  const bucket = settings.rateLimit === undefined ? undefined : new TokenBucket(settings.rateLimit);
  const recorder = new RequestRecorder(settings.maxRecordedRequests);
  const stats = new StatsCounter();
  const responder = new Responder(requestIdFactory(), timers);

  const answer = (res: ServerResponse, reply: Answer): void => {
    stats.answered(reply.status);
    responder.send(res, reply);
  };

  /** Everything after the body is in: auth, version, rate limit, faults, then the operation. */
  const dispatch = (req: IncomingMessage, res: ServerResponse, method: string, url: string) => {
    if (res.destroyed) {
      // The client gave up while the simulated latency ran.
      stats.abandoned();
      return;
    }
    const q = url.indexOf("?");
    const path = q === -1 ? url : url.slice(0, q);
    const query = q === -1 ? undefined : new URLSearchParams(url.slice(q + 1));

    if (expectedAuth !== undefined) {
      const auth = req.headers.authorization;
      if (auth !== expectedAuth) return answer(res, unauthorized(auth));
    }
    if (apiVersion !== undefined) {
      const given = query?.get("api-version");
      if (given !== apiVersion) return answer(res, badApiVersion(given, apiVersion));
    }
    if (bucket !== undefined) {
      const limited = bucket.take();
      if (limited !== undefined) {
        stats.rateLimited++;
        return answer(res, rateLimited(limited.retryAfterMs));
      }
    }

    const route = parseRoute(path);
    const runId = route.operation === undefined ? undefined : route.runId;
    const fault =
      faults.take({ method, operation: route.operation, runId }) ??
      (chaos === undefined ? undefined : chaos.draw());
    if (fault !== undefined) {
      stats.faults++;
      switch (fault.kind) {
        case "status": {
          const reply: Answer = {
            status: fault.status,
            body: fault.body ?? statusErrorBody(fault.status),
          };
          if (fault.headers !== undefined) reply.headers = fault.headers;
          return answer(res, reply);
        }
        case "malformed":
          return answer(res, { status: 200, body: '{"object":"thread.run","id":"run_' });
        case "reset":
          if (fault.afterHeaders !== true) {
            stats.reset();
            req.socket.destroy();
            return;
          }
          break;
      }
    }

    let reply: Answer;
    if (route.operation === undefined) {
      reply = route.problem === "encoding" ? badEncoding(path) : unknownRoute(method, path);
    } else if (method !== route.method) {
      reply = wrongMethod(method, path, route.method);
    } else {
      reply = handle(route, query, context);
      if (pollAfter !== undefined && route.operation === "getRun") {
        reply.headers = { ...reply.headers, "openai-poll-after-ms": pollAfter };
      }
    }

    if (fault === undefined) return answer(res, reply);
    switch (fault.kind) {
      case "handle-then-status":
        // The work above happened; only the answer is lost.
        return answer(res, { status: fault.status, body: statusErrorBody(fault.status) });
      case "reset":
        stats.reset();
        return responder.sendThenReset(res, reply);
      case "delay":
        void responder
          .sendDelayed(res, reply, fault.ms, fault.bodyDelayMs ?? 0)
          .then((sent) => (sent ? stats.answered(reply.status) : stats.abandoned()));
        return;
    }
  };

  const server = createServer((req, res) => {
    const at = Date.now();
    stats.arrive(at);
    const method = req.method ?? "GET";
    const url = req.url ?? "/";
    const proceed = (body: string) => {
      if (recordRequests) {
        recorder.add({ method, path: url, headers: flattenHeaders(req.headers), body, at });
      }
      if (latencyMs > 0) timers.later(latencyMs, () => dispatch(req, res, method, url));
      else dispatch(req, res, method, url);
    };
    // Bodyless requests (every GET, and the SDKs' cancels) skip the stream machinery entirely.
    if (
      req.headers["content-length"] === undefined &&
      req.headers["transfer-encoding"] === undefined
    ) {
      proceed("");
      return;
    }
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => proceed(body));
  });

  // Per connection, not per request: cheap, and it shows the client's real parallelism.
  server.on("connection", (socket) => {
    stats.connected();
    socket.once("close", () => stats.disconnected());
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(settings.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}/v1`;

  let closing: Promise<void> | undefined;
  const find = (threadId: string, runId: string): WireRun => {
    const stored = store.get(threadId, runId);
    if (stored === undefined) throw new Error(`no run ${runId} on thread ${threadId}`);
    return stored.run;
  };

  return {
    url,
    port,
    createRun: (init = {}) => copyRun(lifecycle.create(copyOverrides(init))),
    createRuns: (count, init = {}) => {
      if (!Number.isInteger(count) || count < 0) {
        throw new RangeError(`count must be a non-negative integer, got ${String(count)}`);
      }
      if (init.id !== undefined) throw new TypeError("createRuns: init.id is not allowed");
      const threadId = init.threadId ?? randomId("thread");
      const own = copyOverrides(init);
      // Known even with no run: createRuns(0, { threadId }) makes an empty thread to list.
      store.addThread(threadId);
      const out = new Array<WireRun>(count);
      for (let i = 0; i < count; i++) out[i] = copyRun(lifecycle.create(own, threadId));
      return out;
    },
    run: (threadId, runId) => {
      const stored = store.get(threadId, runId);
      return stored === undefined ? undefined : copyRun(stored.run);
    },
    runs: (threadId) => store.all(threadId).map((stored) => copyRun(stored.run)),
    setStatus: (threadId, runId, status) => applyStatus(find(threadId, runId), status),
    inject: (fault) => faults.push(fault),
    clearFaults: () => faults.clear(),
    get requests() {
      return recorder.list();
    },
    get stats() {
      return stats.snapshot();
    },
    resetStats: () => {
      stats.clear();
      recorder.clear();
    },
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

function unauthorized(given: string | undefined): Answer {
  // The key is never echoed back, not even masked: answers end up in logs.
  const message =
    given === undefined
      ? "You didn't provide an API key. Send it in an Authorization header using Bearer auth (Authorization: Bearer YOUR_KEY)."
      : "Incorrect API key provided.";
  return {
    status: 401,
    body: errorBody(message, "invalid_request_error", null, "invalid_api_key"),
  };
}

function badApiVersion(given: string | null | undefined, expected: string): Answer {
  const message =
    given == null
      ? `Missing required query parameter 'api-version' (expected '${expected}').`
      : `Unsupported 'api-version' '${given}' (expected '${expected}').`;
  return { status: 400, body: errorBody(message, "invalid_request_error", "api-version") };
}

function rateLimited(retryAfterMs: number): Answer {
  return {
    status: 429,
    headers: {
      "retry-after": String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
      "retry-after-ms": String(retryAfterMs),
    },
    body: errorBody(
      `Rate limit reached for requests. Please try again in ${retryAfterMs}ms.`,
      "requests",
      null,
      "rate_limit_exceeded",
    ),
  };
}
