import type { Operation } from "./faults.js";
import type { Lifecycle } from "./lifecycle.js";
import type { PageQuery, RunStore } from "./store.js";
import type { WireRunList } from "./wire.js";
import { errorBody } from "./wire.js";

/** A response before it is written: the server decides how (and whether) to send it. */
export interface Answer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** A request path resolved to an operation, or why it could not be. */
export type Route =
  | { operation: Operation; method: "GET" | "POST"; threadId: string; runId: string | undefined }
  | { operation: undefined; problem: "unknown" | "encoding" };

const UNKNOWN: Route = { operation: undefined, problem: "unknown" };
const BAD_ENCODING: Route = { operation: undefined, problem: "encoding" };

/**
 * Maps `/v1/threads/{t}/runs[/{r}[/cancel]]` to an operation. Splitting happens before decoding,
 * so an id containing an encoded "/" stays one segment; ids may hold any character.
 */
export function parseRoute(path: string): Route {
  if (!path.startsWith("/v1/threads/")) return UNKNOWN;
  const parts = path.slice("/v1/threads/".length).split("/");
  if (parts.length < 2 || parts.length > 4 || parts[1] !== "runs") return UNKNOWN;
  try {
    const threadId = decodeURIComponent(parts[0]!);
    if (parts.length === 2)
      return { operation: "listRuns", method: "GET", threadId, runId: undefined };
    const runId = decodeURIComponent(parts[2]!);
    if (parts.length === 3) return { operation: "getRun", method: "GET", threadId, runId };
    if (parts[3] === "cancel") return { operation: "cancelRun", method: "POST", threadId, runId };
    return UNKNOWN;
  } catch {
    // decodeURIComponent throws URIError on malformed escapes such as "%E0%A4%A".
    return BAD_ENCODING;
  }
}

/** The state the handlers act on. */
export interface HandlerContext {
  store: RunStore;
  lifecycle: Lifecycle;
}

const invalid = (status: number, message: string, param: string | null = null): Answer => ({
  status,
  body: errorBody(message, "invalid_request_error", param),
});

const runNotFound = (runId: string): Answer => invalid(404, `No run found with id '${runId}'.`);

/** As the spec's NotFound: a thread is known once a run was created on it. */
const threadNotFound = (threadId: string): Answer =>
  invalid(404, `No thread found with id '${threadId}'.`);

/** The stored run a get or cancel names, or the 404 that says which id is unknown. */
function findRun(route: { threadId: string; runId: string | undefined }, store: RunStore) {
  const stored = store.get(route.threadId, route.runId!);
  if (stored !== undefined) return stored;
  return store.hasThread(route.threadId)
    ? runNotFound(route.runId!)
    : threadNotFound(route.threadId);
}

/** Answers a routed request whose method already matched. */
export function handle(
  route: Extract<Route, { operation: Operation }>,
  query: URLSearchParams | undefined,
  context: HandlerContext,
): Answer {
  switch (route.operation) {
    case "getRun": {
      const stored = findRun(route, context.store);
      if (!("run" in stored)) return stored;
      return { status: 200, body: JSON.stringify(stored.run) };
    }
    case "cancelRun": {
      const stored = findRun(route, context.store);
      if (!("run" in stored)) return stored;
      const outcome = context.lifecycle.cancel(stored.run);
      if (!outcome.ok) return invalid(400, `Cannot cancel run with status '${outcome.status}'`);
      return { status: 200, body: JSON.stringify(stored.run) };
    }
    case "listRuns":
      return listRuns(route.threadId, query, context.store);
  }
}

function listRuns(threadId: string, query: URLSearchParams | undefined, store: RunStore): Answer {
  if (!store.hasThread(threadId)) return threadNotFound(threadId);
  const page: PageQuery = { limit: 20, order: "desc" };
  const limit = query?.get("limit");
  if (limit != null) {
    const value = /^\d{1,3}$/.test(limit) ? Number(limit) : NaN;
    if (!(value >= 1 && value <= 100)) {
      return invalid(
        400,
        `Invalid 'limit': expected an integer between 1 and 100, got '${limit}'.`,
        "limit",
      );
    }
    page.limit = value;
  }
  const order = query?.get("order");
  if (order != null) {
    if (order !== "asc" && order !== "desc") {
      return invalid(400, `Invalid 'order': expected 'asc' or 'desc', got '${order}'.`, "order");
    }
    page.order = order;
  }
  // An empty cursor is treated as absent: some clients send `after=` on the first page.
  const after = query?.get("after");
  if (after) page.after = after;
  const before = query?.get("before");
  if (before) page.before = before;

  const result = store.page(threadId, page);
  if ("unknownCursor" in result) {
    const param = result.unknownCursor;
    const id = param === "after" ? after : before;
    return invalid(400, `Invalid '${param}': no run with id '${id}' on this thread.`, param);
  }
  const { data } = result;
  const list: WireRunList = {
    object: "list",
    data,
    first_id: data[0]?.id ?? null,
    last_id: data[data.length - 1]?.id ?? null,
    has_more: result.hasMore,
  };
  return { status: 200, body: JSON.stringify(list) };
}

/** 404 for a path that is no route of this API. */
export function unknownRoute(method: string, path: string): Answer {
  return invalid(404, `Invalid URL (${method} ${path})`);
}

/** 405 for a known path called with the wrong method. */
export function wrongMethod(method: string, path: string, allowed: string): Answer {
  return {
    ...invalid(405, `Method ${method} not allowed for ${path}; use ${allowed}.`),
    headers: { allow: allowed },
  };
}

/** 400 for a path whose percent-encoding cannot be decoded. */
export function badEncoding(path: string): Answer {
  return invalid(400, `Invalid percent-encoding in path ${path}`);
}
