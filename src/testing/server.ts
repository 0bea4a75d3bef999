import { createServer } from "node:http";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { adminRoutes, isAdminPath } from "./admin.js";
import { bodyTooLarge, declaredTooLarge, discardBody, hasBody, readBody } from "./body.js";
import type { BodyOutcome } from "./body.js";
import { answerClientError } from "./client-errors.js";
import { copyRun } from "./clone.js";
import { applyStatus, copyOverrides } from "./factory.js";
import type { CreateRunInit } from "./factory.js";
import { Chaos, FaultQueue } from "./faults.js";
import type { Fault } from "./faults.js";
import { admit } from "./front-door.js";
import type { Admitted, FrontDoorRules } from "./front-door.js";
import { randomId, requestIdFactory } from "./ids.js";
import { Lifecycle } from "./lifecycle.js";
import { resolveServerOptions } from "./options.js";
import type { RunsServerOptions } from "./options.js";
import { TokenBucket } from "./rate-limit.js";
import { RequestRecorder, StatsCounter } from "./recorder.js";
import type { RecordedRequest, RequestTally, RunsServerStats } from "./recorder.js";
import { Responder } from "./respond.js";
import { handle } from "./routes.js";
import type { Answer } from "./routes.js";
import { RunStore } from "./store.js";
import { TimerSet } from "./timers.js";
import type { WireRun } from "./wire.js";
import { errorBody, statusErrorBody } from "./wire.js";

/**
 * A running reference server plus the handles a test needs to seed, break and inspect it.
 * @category Testing
 */
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
   * Queues a fault for the next matching request(s). Faults act once the request is admitted and
   * its body read: a request refused for its key, api-version, the rate limit, an unknown route,
   * a wrong method or a body over 1 MiB does not consume one.
   */
  inject(fault: Fault): void;
  /** Drops every queued fault not yet consumed. */
  clearFaults(): void;
  /**
   * The recorded requests, oldest first (a copy; at most `maxRecordedRequests`). Bodies are kept
   * as their first 4 KiB with their size (see {@link RecordedRequest}), so the record stays small.
   */
  readonly requests: ReadonlyArray<RecordedRequest>;
  /** A snapshot of the counters since start or the last {@link resetStats}. */
  readonly stats: RunsServerStats;
  /** Zeroes the counters and forgets the recorded requests: a fresh measurement window. */
  resetStats(): void;
  /**
   * Forgets every run and thread, drops the queued faults, zeroes the counters and forgets the
   * recorded requests: as freshly started (the options stay).
   */
  reset(): void;
  /** Stops listening, closes every connection (idle keep-alive ones too) and clears pending timers. */
  close(): Promise<void>;
}

/**
 * Starts an in-memory reference server for the runs API over real HTTP (plain `node:http`).
 *
 * Whatever a client sends, the process hosting it keeps running: a request's head is checked
 * (key, api-version, rate limit, route, method) before a byte of its body is read; a body over
 * 1 MiB is refused with 413 and never buffered; what the HTTP parser refuses gets a JSON 400 (431
 * for oversized headers); a request cut short is forgotten; and an exception while handling one
 * becomes a 500 naming it.
 * @param options - see {@link RunsServerOptions}; every field has a default. Checked completely
 * first: an unknown key or a bad value throws a `TypeError`/`RangeError` naming it.
 * @category Testing
 */
export async function startRunsServer(options?: RunsServerOptions): Promise<RunsServer> {
  const settings = resolveServerOptions(options);
  const { latencyMs, recordRequests } = settings;
  const pollAfter = settings.pollAfterMs === undefined ? undefined : String(settings.pollAfterMs);

  const timers = new TimerSet();
  const store = new RunStore();
  const lifecycle = new Lifecycle(store, timers, settings.cancelDelayMs);
  const context = { store, lifecycle };
  const faults = new FaultQueue();
  const chaos = settings.chaos === undefined ? undefined : new Chaos(settings.chaos);
  const rules: FrontDoorRules = {
    expectedAuth: settings.apiKey === null ? undefined : `Bearer ${settings.apiKey}`,
    apiVersion: settings.apiVersion,
    bucket: settings.rateLimit === undefined ? undefined : new TokenBucket(settings.rateLimit),
  };
  const recorder = new RequestRecorder(settings.maxRecordedRequests);
  const stats = new StatsCounter();
  const nextRequestId = requestIdFactory();
  const responder = new Responder(nextRequestId, timers);
  // The answer being written on each connection, so a parser error can tell whether it may still
  // write a status line there.
  const answering = new WeakMap<Duplex, ServerResponse>();
  // The admin routes (threadrun serve) reach the server through its handle, made once listening.
  let exposed: RunsServer | undefined;
  const admin =
    settings.admin === undefined ? undefined : adminRoutes(() => exposed!, settings.admin);

  const answer = (res: ServerResponse, tally: RequestTally, reply: Answer): void => {
    responder.send(res, reply);
    tally.answered(reply.status);
  };

  /** An exception while handling becomes a 500 naming it (or, once the answer has begun, a reset). */
  const failed = (res: ServerResponse, tally: RequestTally, error: unknown): void => {
    if (!res.headersSent && !res.destroyed) {
      try {
        return answer(res, tally, internalError(error));
      } catch {
        // The 500 could not be written either: fall through to the reset.
      }
    }
    tally.abandoned();
    res.destroy();
  };

  /** Runs one step of handling a request; nothing it throws escapes to the host process. */
  const guarded = (res: ServerResponse, tally: RequestTally, step: () => void): void => {
    try {
      step();
    } catch (error) {
      failed(res, tally, error);
    }
  };

  /** One request as `server.requests` keeps it (bodies cut to a prefix; see RecordedRequest). */
  const record = (exchange: Exchange, body: BodyOutcome | undefined): void => {
    if (!recordRequests) return;
    const { req } = exchange;
    recorder.add({
      method: exchange.method,
      path: exchange.url,
      headers: flattenHeaders(req.headers),
      body: body?.prefix ?? "",
      bodyBytes: body?.bytes ?? 0,
      bodyTruncated: body === undefined ? hasBody(req) : body.truncated,
      at: exchange.at,
    });
  };

  /** Answers before the body was read; the body is then dropped, never kept (see discardBody). */
  const refuseBeforeBody = (exchange: Exchange, reply: Answer): void => {
    const { req, res, tally } = exchange;
    record(exchange, undefined);
    answer(res, tally, reply);
    discardBody(req);
  };

  /** The head is in: the checks that need no body, then the body (bounded), then the operation. */
  const enter = (exchange: Exchange): void => {
    const { req, res, tally } = exchange;
    if (res.destroyed) {
      // The client gave up while the simulated latency ran.
      tally.abandoned();
      return;
    }
    const admission = admit(rules, exchange.method, exchange.url, req.headers);
    if ("refused" in admission) {
      if (admission.rateLimited) stats.rateLimited++;
      return refuseBeforeBody(exchange, admission.refused);
    }
    const declared = declaredTooLarge(req);
    if (declared !== undefined) return refuseBeforeBody(exchange, bodyTooLarge(declared));
    if (!hasBody(req)) {
      record(exchange, undefined);
      return dispatch(exchange, admission);
    }
    // Only now may a client waiting on `Expect: 100-continue` send its body.
    if (exchange.expectsContinue) res.writeContinue();
    readBody(req, (body) =>
      guarded(res, tally, () => {
        record(exchange, body);
        if (body.end === "aborted") return tally.abandoned();
        if (body.end === "too-large") {
          answer(res, tally, bodyTooLarge(undefined));
          return discardBody(req);
        }
        dispatch(exchange, admission);
      }),
    );
  };

  /** An admitted request with its body read: faults, then the operation. */
  const dispatch = (exchange: Exchange, { route, query }: Admitted): void => {
    const { req, res, tally, method } = exchange;
    const fault =
      faults.take({ method, operation: route.operation, runId: route.runId }) ??
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
          return answer(res, tally, reply);
        }
        case "malformed":
          return answer(res, tally, { status: 200, body: '{"object":"thread.run","id":"run_' });
        case "reset":
          if (fault.afterHeaders !== true) {
            tally.reset();
            req.socket.destroy();
            return;
          }
          break;
      }
    }

    const reply = handle(route, query, context);
    if (pollAfter !== undefined && route.operation === "getRun") {
      reply.headers = { ...reply.headers, "openai-poll-after-ms": pollAfter };
    }

    if (fault === undefined) return answer(res, tally, reply);
    switch (fault.kind) {
      case "handle-then-status":
        // The work above happened; only the answer is lost.
        return answer(res, tally, { status: fault.status, body: statusErrorBody(fault.status) });
      case "reset":
        tally.reset();
        return responder.sendThenReset(res, reply);
      case "delay":
        responder
          .sendDelayed(res, reply, fault.ms, fault.bodyDelayMs ?? 0)
          .then((sent) => (sent ? tally.answered(reply.status) : tally.abandoned()))
          .catch((error: unknown) => failed(res, tally, error));
        return;
    }
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse, expectsContinue: boolean) => {
    if (admin !== undefined && isAdminPath(req.url ?? "/")) return admin(req, res);
    const at = Date.now();
    const tally = stats.arrive(at);
    // However the exchange ends, it leaves the counters once: a client that left settles here.
    res.once("close", tally.abandoned);
    answering.set(req.socket, res);
    const exchange: Exchange = {
      req,
      res,
      tally,
      method: req.method ?? "GET",
      url: req.url ?? "/",
      at,
      expectsContinue,
    };
    guarded(res, tally, () => {
      if (latencyMs > 0) timers.later(latencyMs, () => guarded(res, tally, () => enter(exchange)));
      else enter(exchange);
    });
  };

  const server = createServer((req, res) => onRequest(req, res, false));
  // Answering `Expect: 100-continue` ourselves: a refused request is answered without a
  // 100 Continue, so a polite client never sends its body at all.
  server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) =>
    onRequest(req, res, true),
  );
  server.on("clientError", (error: Error, socket: Duplex) => {
    const underway = answering.get(socket);
    const started = underway !== undefined && underway.headersSent && !underway.writableEnded;
    answerClientError(error, socket, nextRequestId(), started);
  });

  // Per connection, not per request: cheap, and it shows the client's real parallelism.
  server.on("connection", (socket) => {
    stats.connected();
    socket.once("close", () => stats.disconnected());
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(settings.port, settings.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  // Once listening, the server's own errors are failed accepts (EMFILE under a connection flood):
  // transient, and no reason to take the host process down.
  server.on("error", () => {});
  const port = (server.address() as AddressInfo).port;
  const host = settings.host;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}/v1`;

  let closing: Promise<void> | undefined;
  const find = (threadId: string, runId: string): WireRun => {
    const stored = store.get(threadId, runId);
    if (stored === undefined) throw new Error(`no run ${runId} on thread ${threadId}`);
    return stored.run;
  };

  exposed = {
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
    reset: () => {
      store.clear();
      faults.clear();
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
  return exposed;
}

/** One request on its way through the server. */
interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  tally: RequestTally;
  method: string;
  /** The request target as sent (path and query, still percent-encoded). */
  url: string;
  /** Arrival, `Date.now()` ms. */
  at: number;
  /** The client waits for `100 Continue` before sending its body. */
  expectsContinue: boolean;
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

/** A 500 in the API's error shape that names what went wrong inside the reference server. */
function internalError(error: unknown): Answer {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    status: 500,
    body: errorBody(
      `The reference server failed while handling this request: ${what}`,
      "server_error",
    ),
  };
}
