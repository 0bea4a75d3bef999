/**
 * Listing the runs of a thread: the query and its limits from the spec, the page conversion, and
 * the walk across pages that follows `has_more` / `last_id`.
 */
import { listRuns } from "../generated/operations.js";
import { optionsOf, requestPart } from "./call-options.js";
import { InvalidResponseError } from "./errors/invalid-response-error.js";
import { convertRun, type ThreadRun } from "./model.js";
import { checkRequestOptions, REQUEST_OPTION_KEYS, type RequestOptions } from "./options.js";
import { remember } from "./response-info.js";
import type { DecodedResponse } from "./transport.js";
import { describe, wholeNumber } from "./validate.js";

/**
 * The query of {@link Runs.list}, plus the options of each page's request.
 * @category Runs
 */
export interface ListRunsOptions extends RequestOptions {
  /**
   * Runs per page, 1 to 100.
   * @default 20
   */
  limit?: number | undefined;
  /**
   * `desc` lists the newest run first.
   * @default "desc"
   */
  order?: "asc" | "desc" | undefined;
  /** Start after this run id (a cursor: the `lastId` of a previous page). */
  after?: string | undefined;
  /** Stop before this run id. */
  before?: string | undefined;
}

/**
 * One page of a run list.
 * @category Runs
 */
export interface RunPage {
  data: ThreadRun[];
  firstId: string | null;
  lastId: string | null;
  hasMore: boolean;
}

/**
 * The runs of a thread, fetched page by page as you iterate: `for await (const run of list)`.
 * `pages()` iterates whole pages instead; `all()` collects every run.
 * @category Runs
 */
export interface RunList extends AsyncIterable<ThreadRun> {
  pages(): AsyncIterableIterator<RunPage>;
  all(): Promise<ThreadRun[]>;
}

const QUERY = listRuns.query;
const LIST_KEYS: readonly string[] = [...REQUEST_OPTION_KEYS, "limit", "order", "after", "before"];

/** A checked list call: the query without `after`, the first cursor, and each page's options. */
export interface ListSettings {
  query: string;
  after: string | undefined;
  request: RequestOptions;
}

/** Checks the options of a list call completely and encodes its query. */
export function listSettings(options: unknown): ListSettings {
  const given = optionsOf(options, LIST_KEYS, "list");
  const request = requestPart(given);
  checkRequestOptions(request, "options");
  const parts: string[] = [];
  const { limit, order, after, before } = given;
  if (limit !== undefined) {
    const { minimum, maximum } = QUERY.limit;
    parts.push(`limit=${wholeNumber(limit, "limit", 0, { min: minimum, max: maximum })}`);
  }
  if (order !== undefined) {
    if (!(QUERY.order.enum as readonly unknown[]).includes(order)) {
      throw new TypeError(
        `order must be ${QUERY.order.enum.map((v) => `"${v}"`).join(" or ")}, got ${describe(order)}`,
      );
    }
    parts.push(`order=${String(order)}`);
  }
  for (const [name, value] of [
    ["after", after],
    ["before", before],
  ] as const) {
    if (value !== undefined && (typeof value !== "string" || value === "")) {
      throw new TypeError(`${name} must be a non-empty run id, got ${describe(value)}`);
    }
  }
  if (before !== undefined) parts.push(`before=${encodeURIComponent(before as string)}`);
  return { query: parts.join("&"), after: after as string | undefined, request };
}

/**
 * The lazy list: `fetchPage(query)` sends one page's request. Nothing is sent until iteration.
 */
export function runList(
  settings: ListSettings,
  fetchPage: (query: string) => Promise<DecodedResponse>,
): RunList {
  const base = settings.query;
  async function* pages(): AsyncIterableIterator<RunPage> {
    let after = settings.after;
    // Every cursor seen: a server that repeats one (or cycles through a few) would page forever.
    const seen = new Set<string>();
    for (;;) {
      const query =
        after === undefined ? base : `${base}${base ? "&" : ""}after=${encodeURIComponent(after)}`;
      const answer = await fetchPage(query);
      const page = toPage(answer);
      yield page;
      if (!page.hasMore || page.data.length === 0) return;
      if (after !== undefined) seen.add(after);
      if (page.lastId === null || seen.has(page.lastId)) {
        throw new InvalidResponseError("has_more is true but last_id does not move the cursor on", {
          field: "last_id",
          response: answer.context,
        });
      }
      after = page.lastId;
    }
  }
  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.data;
    },
    async all() {
      const runs: ThreadRun[] = [];
      for await (const page of pages()) runs.push(...page.data);
      return runs;
    },
  };
}

function toPage(answer: DecodedResponse): RunPage {
  const body = answer.body as Record<string, unknown> | null;
  const data = typeof body === "object" && body !== null ? body["data"] : undefined;
  if (!Array.isArray(data)) {
    throw new InvalidResponseError(
      `data: expected an array of runs, got ${data === undefined ? "nothing" : typeof data}`,
      { field: "data", response: answer.context },
    );
  }
  const runs = new Array<ThreadRun>(data.length);
  for (let i = 0; i < data.length; i++) runs[i] = convertRun(data[i], `data[${i}]`, answer.context);
  const b = body as Record<string, unknown>;
  const page: RunPage = {
    data: runs,
    firstId: typeof b["first_id"] === "string" ? b["first_id"] : null,
    lastId: typeof b["last_id"] === "string" ? b["last_id"] : (runs[runs.length - 1]?.id ?? null),
    hasMore: b["has_more"] === true,
  };
  return remember(page, answer.info);
}
