/**
 * Admin routes of the reference server, under `/__admin/` (a prefix the spec does not use): what
 * `server.createRun()`, `setStatus()`, `inject()` and friends do in TypeScript, as plain HTTP with
 * JSON bodies in the wire's snake_case, so that tests in any language can drive `threadrun serve`.
 * They need no key, are never rate limited, faulted, counted or recorded, and answer errors in the
 * API's error shape with a message naming the field and the value as given.
 *
 * | method and path                                          | does                                  |
 * | -------------------------------------------------------- | ------------------------------------- |
 * | `GET /__admin/`                                          | lists these routes                    |
 * | `POST /__admin/runs`                                     | creates a run, or `count` runs        |
 * | `GET /__admin/runs?thread_id=`                           | every run (of one thread)             |
 * | `POST /__admin/threads/{thread_id}/runs/{run_id}/status` | sets a run's status                   |
 * | `POST /__admin/faults`                                   | queues a fault                        |
 * | `DELETE /__admin/faults`                                 | drops the queued faults               |
 * | `GET /__admin/stats`                                     | the counters                          |
 * | `GET /__admin/requests`                                  | the recorded requests                 |
 * | `POST /__admin/reset`                                    | drops runs, faults, counters, records |
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  checkKnownKeys,
  checkOptionsObject,
  describe,
  duration,
  nonEmptyString,
  oneOf,
  optionalBoolean,
  wholeNumber,
} from "../validate.js";
import type { CreateRunInit } from "./factory.js";
import type { Fault, FaultMatch, Operation } from "./faults.js";
import type { RunsServer } from "./server.js";

export const ADMIN_PREFIX = "/__admin";

/**
 * Options of the admin routes (`RunsServerOptions.admin`).
 * @category Testing
 */
export interface AdminOptions {
  /**
   * Runs and threads created through the admin routes without an id get ids drawn from this seed,
   * the same ones in the same order each time (and again after a reset).
   * @default undefined (random ids)
   */
  seed?: number | undefined;
}

/** Whether a request target is an admin route. */
export function isAdminPath(url: string): boolean {
  return (
    url === ADMIN_PREFIX || url.startsWith(`${ADMIN_PREFIX}/`) || url.startsWith(`${ADMIN_PREFIX}?`)
  );
}

/** A client mistake in an admin request: answered 400 with its message. */
class AdminRequestError extends Error {
  override name = "AdminRequestError";
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_COUNT = 100_000;

/** The admin request handler for `target`. */
export function adminRoutes(
  target: () => RunsServer,
  options: AdminOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const seed = options.seed;
  let ids = seed === undefined ? undefined : new SeededIds(seed);

  const routes: Route[] = [
    { method: "GET", path: /^\/?$/, run: () => ({ status: 200, body: { routes: ROUTE_LIST } }) },
    {
      method: "POST",
      path: /^\/runs$/,
      run: async (req) => {
        const created = createRuns(target(), await readJson(req), ids);
        return { status: 201, body: created };
      },
    },
    {
      method: "GET",
      path: /^\/runs$/,
      run: (_req, _match, query) => {
        const threadId = query.get("thread_id") ?? undefined;
        return { status: 200, body: { object: "list", data: target().runs(threadId) } };
      },
    },
    {
      method: "POST",
      path: /^\/threads\/([^/]+)\/runs\/([^/]+)\/status$/,
      run: async (req, match) => {
        const body = await readJson(req);
        checkKnownKeys(body, ["status"], "status body");
        const status = nonEmptyString(body["status"], "status", undefined);
        if (status === undefined) throw new AdminRequestError("status is required");
        const threadId = decode(match[1]!);
        const runId = decode(match[2]!);
        const server = target();
        if (server.run(threadId, runId) === undefined) {
          throw new AdminRequestError(`no run ${runId} on thread ${threadId}`, 404);
        }
        server.setStatus(threadId, runId, status);
        return { status: 200, body: server.run(threadId, runId) };
      },
    },
    {
      method: "POST",
      path: /^\/faults$/,
      run: async (req) => {
        const fault = toFault(await readJson(req));
        target().inject(fault);
        return { status: 201, body: { queued: fault } };
      },
    },
    {
      method: "DELETE",
      path: /^\/faults$/,
      run: () => {
        target().clearFaults();
        return { status: 200, body: { cleared: true } };
      },
    },
    { method: "GET", path: /^\/stats$/, run: () => ({ status: 200, body: target().stats }) },
    {
      method: "GET",
      path: /^\/requests$/,
      run: () => ({ status: 200, body: { object: "list", data: target().requests } }),
    },
    {
      method: "POST",
      path: /^\/reset$/,
      run: () => {
        target().reset();
        ids = seed === undefined ? undefined : new SeededIds(seed);
        return { status: 200, body: { reset: true } };
      },
    },
  ];

  return (req, res) => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = (q === -1 ? url : url.slice(0, q)).slice(ADMIN_PREFIX.length);
    const query = new URLSearchParams(q === -1 ? "" : url.slice(q + 1));
    const method = req.method ?? "GET";
    // curl asks before sending a body over 1 KiB; the admin routes read every body they get.
    if (/100-continue/i.test(req.headers.expect ?? "")) res.writeContinue();
    void (async () => {
      try {
        const matching = routes.filter((route) => route.path.test(path));
        if (matching.length === 0) {
          throw new AdminRequestError(
            `no admin route ${method} ${ADMIN_PREFIX}${path}; GET ${ADMIN_PREFIX}/ lists them`,
            404,
          );
        }
        const route = matching.find((r) => r.method === method);
        if (route === undefined) {
          const allowed = matching.map((r) => r.method).join(", ");
          throw new AdminRequestError(
            `${ADMIN_PREFIX}${path} takes ${allowed}, not ${method}`,
            405,
          );
        }
        const answer = await route.run(req, route.path.exec(path)!, query);
        reply(res, answer.status, answer.body);
      } catch (error) {
        const status =
          error instanceof AdminRequestError
            ? error.status
            : error instanceof TypeError || error instanceof RangeError
              ? 400
              : 500;
        const message = error instanceof Error ? error.message : String(error);
        if (!res.headersSent) {
          reply(res, status, {
            error: {
              message,
              type: status === 500 ? "server_error" : "invalid_request_error",
              param: null,
              code: null,
            },
          });
        }
        // A body that was refused unread is left behind: the connection cannot be reused.
        if (!req.readableEnded) req.socket.destroy();
      }
    })();
  };
}

interface Route {
  method: string;
  /** Matched against the path after the prefix. */
  path: RegExp;
  run(
    req: IncomingMessage,
    match: RegExpExecArray,
    query: URLSearchParams,
  ): { status: number; body: unknown } | Promise<{ status: number; body: unknown }>;
}

const ROUTE_LIST = [
  "GET /__admin/",
  "POST /__admin/runs {thread_id?, id?, status?, count?, start_after_ms?, complete_after_ms?, requires_action_after_ms?, overrides?}",
  "GET /__admin/runs?thread_id=",
  "POST /__admin/threads/{thread_id}/runs/{run_id}/status {status}",
  "POST /__admin/faults {kind, status?, times?, body?, headers?, after_headers?, ms?, body_delay_ms?, match?: {method?, operation?, run_id?}}",
  "DELETE /__admin/faults",
  "GET /__admin/stats",
  "GET /__admin/requests",
  "POST /__admin/reset",
];

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new AdminRequestError(`bad percent-encoding in ${JSON.stringify(segment)}`);
  }
}

/** The JSON object of a request body (an empty body is `{}`), at most 1 MiB. */
async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes > MAX_BODY_BYTES) throw new AdminRequestError("the body is over 1 MiB", 413);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AdminRequestError(
      `the body is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new AdminRequestError(`the body must be a JSON object, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

const RUN_FIELDS = [
  "thread_id",
  "id",
  "status",
  "count",
  "start_after_ms",
  "complete_after_ms",
  "requires_action_after_ms",
  "overrides",
];

/** `POST /__admin/runs`: one run (answered as the run), or `count` runs (answered as a list). */
function createRuns(
  server: RunsServer,
  body: Record<string, unknown>,
  ids: SeededIds | undefined,
): unknown {
  checkKnownKeys(body, RUN_FIELDS, "POST /__admin/runs");
  const count =
    body["count"] === undefined
      ? undefined
      : wholeNumber(body["count"], "count", 1, { min: 0, max: MAX_COUNT });
  const id = nonEmptyString(body["id"], "id", undefined);
  if (id !== undefined && count !== undefined && count !== 1) {
    throw new AdminRequestError("id and a count other than 1 cannot go together: ids must differ");
  }
  const init: CreateRunInit = {};
  const threadId = nonEmptyString(body["thread_id"], "thread_id", undefined) ?? ids?.next("thread");
  if (threadId !== undefined) init.threadId = threadId;
  const status = nonEmptyString(body["status"], "status", undefined);
  if (status !== undefined) init.status = status;
  const after = (field: string) =>
    body[field] === undefined ? undefined : duration(body[field], field, 0, { zeroOk: true });
  const startAfterMs = after("start_after_ms");
  if (startAfterMs !== undefined) init.startAfterMs = startAfterMs;
  const completeAfterMs = after("complete_after_ms");
  if (completeAfterMs !== undefined) init.completeAfterMs = completeAfterMs;
  const requiresActionAfterMs = after("requires_action_after_ms");
  if (requiresActionAfterMs !== undefined) init.requiresActionAfterMs = requiresActionAfterMs;
  if (body["overrides"] !== undefined) {
    checkOptionsObject(body["overrides"], "overrides");
    init.overrides = body["overrides"] as NonNullable<CreateRunInit["overrides"]>;
  }

  if (count === undefined) {
    const runId = id ?? ids?.next("run");
    return server.createRun(runId === undefined ? init : { ...init, id: runId });
  }
  if (ids === undefined && id === undefined) {
    return { object: "list", data: server.createRuns(count, init) };
  }
  const data = [];
  for (let i = 0; i < count; i++)
    data.push(server.createRun({ ...init, id: id ?? ids!.next("run") }));
  return { object: "list", data };
}

const FAULT_KINDS = ["status", "reset", "malformed", "delay", "handle-then-status"] as const;
const FAULT_FIELDS: Record<(typeof FAULT_KINDS)[number], readonly string[]> = {
  status: ["kind", "status", "times", "body", "headers", "match"],
  reset: ["kind", "times", "after_headers", "match"],
  malformed: ["kind", "times", "match"],
  delay: ["kind", "ms", "body_delay_ms", "times", "match"],
  "handle-then-status": ["kind", "status", "times", "match"],
};
const OPERATIONS: readonly Operation[] = ["cancelRun", "getRun", "listRuns"];

/** A fault in the admin's snake_case JSON, checked field by field, as `server.inject()` takes it. */
function toFault(body: Record<string, unknown>): Fault {
  if (body["kind"] === undefined) {
    throw new AdminRequestError(`kind is required: one of ${FAULT_KINDS.join(", ")}`);
  }
  const kind = oneOf(body["kind"], "kind", FAULT_KINDS, "status");
  checkKnownKeys(body, FAULT_FIELDS[kind], `a ${kind} fault`);
  const times =
    body["times"] === undefined ? undefined : wholeNumber(body["times"], "times", 1, { min: 1 });
  const match = toMatch(body["match"]);
  const common = {
    ...(times === undefined ? {} : { times }),
    ...(match === undefined ? {} : { match }),
  };
  const httpStatus = () => {
    if (body["status"] === undefined)
      throw new AdminRequestError(`status is required for a ${kind} fault`);
    return wholeNumber(body["status"], "status", 500, { min: 100, max: 599 });
  };
  switch (kind) {
    case "status": {
      const fault: Fault = { kind, status: httpStatus(), ...common };
      const text = body["body"];
      if (text !== undefined) {
        if (typeof text !== "string")
          throw new TypeError(`body must be a string, got ${describe(text)}`);
        fault.body = text;
      }
      if (body["headers"] !== undefined) fault.headers = toHeaders(body["headers"]);
      return fault;
    }
    case "handle-then-status":
      return { kind, status: httpStatus(), ...common };
    case "reset":
      return {
        kind,
        afterHeaders: optionalBoolean(body["after_headers"], "after_headers", false),
        ...common,
      };
    case "malformed":
      return { kind, ...common };
    case "delay": {
      if (body["ms"] === undefined) throw new AdminRequestError("ms is required for a delay fault");
      const ms = duration(body["ms"], "ms", 0, { zeroOk: true });
      const bodyDelayMs =
        body["body_delay_ms"] === undefined
          ? undefined
          : duration(body["body_delay_ms"], "body_delay_ms", 0, { zeroOk: true });
      return { kind, ms, ...(bodyDelayMs === undefined ? {} : { bodyDelayMs }), ...common };
    }
  }
}

function toMatch(value: unknown): FaultMatch | undefined {
  if (value === undefined) return undefined;
  checkOptionsObject(value, "match");
  const given = value as Record<string, unknown>;
  checkKnownKeys(given, ["method", "operation", "run_id"], "match");
  const match: FaultMatch = {};
  const method = nonEmptyString(given["method"], "match.method", undefined);
  if (method !== undefined) match.method = method;
  if (given["operation"] !== undefined) {
    match.operation = oneOf(given["operation"], "match.operation", OPERATIONS, "cancelRun");
  }
  const runId = nonEmptyString(given["run_id"], "match.run_id", undefined);
  if (runId !== undefined) match.runId = runId;
  return match;
}

function toHeaders(value: unknown): Record<string, string> {
  checkOptionsObject(value, "headers");
  const headers: Record<string, string> = {};
  for (const [name, text] of Object.entries(value as Record<string, unknown>)) {
    if (typeof text !== "string") {
      throw new TypeError(`headers.${name} must be a string, got ${describe(text)}`);
    }
    headers[name] = text;
  }
  return headers;
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Ids like the server's own (`run_` and 24 alphanumerics), drawn from a seeded mulberry32. */
class SeededIds {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  next(prefix: string): string {
    let id = `${prefix}_`;
    for (let i = 0; i < 24; i++) id += ALPHABET[Math.floor(this.#random() * ALPHABET.length)];
    return id;
  }

  #random(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
