/**
 * cancel / get / list: the run operations of the spec, on top of the transport and the generated
 * converters. wait, cancelAndWait, cancelActive and cancelMany build on these (wait.ts, bulk.ts).
 */
import { cancelRun, getRun, listRuns } from "../generated/operations.js";
import { ApiError } from "./errors/api-error.js";
import { InvalidResponseError } from "./errors/invalid-response-error.js";
import { encodePathId } from "./ids.js";
import { convertRun, type ThreadRun } from "./model.js";
import type { RequestOptions } from "./options.js";
import { refusedAsStopped } from "./refusal.js";
import { remember } from "./response-info.js";
import type { Answer, AttemptHooks, Transport } from "./transport.js";

/** The query of {@link Runs.list}, plus the options of each page's request. */
export interface ListRunsOptions extends RequestOptions {
  /**
   * Runs per page, 1 to 100.
   * @default 20
   */
  limit?: number;
  /**
   * `desc` lists the newest run first.
   * @default "desc"
   */
  order?: "asc" | "desc";
  /** Start after this run id (a cursor: the `lastId` of a previous page). */
  after?: string;
  /** Stop before this run id. */
  before?: string;
}

/** One page of a run list. */
export interface RunPage {
  data: ThreadRun[];
  firstId: string | null;
  lastId: string | null;
  hasMore: boolean;
}

/**
 * The runs of a thread, fetched page by page as you iterate: `for await (const run of list)`.
 * `pages()` iterates whole pages instead; `all()` collects every run.
 */
export interface RunList extends AsyncIterable<ThreadRun> {
  pages(): AsyncIterableIterator<RunPage>;
  all(): Promise<ThreadRun[]>;
}

export class Runs {
  /** @internal */
  constructor(
    private readonly transport: Transport,
    /** @internal hooks that every request of this instance uses (bulk pacing). */
    private readonly hooks?: AttemptHooks,
  ) {}

  /**
   * Asks the server to cancel a run and resolves with the run as the server answered: usually
   * `cancelling`; use `client.runs.cancelAndWait` to wait for `cancelled`. Retried on 408, 409, 429,
   * 5xx, timeouts and connection errors. When a retry is refused because the run is already
   * cancelling or has ended (an earlier attempt landed), resolves with the run as it now is.
   * @throws {@link BadRequestError} when the run had already ended before this cancel.
   * @throws {@link NotFoundError} for an unknown thread or run.
   * @throws `TypeError` for a bad id, before any request is sent.
   */
  async cancel(threadId: string, runId: string, options?: RequestOptions): Promise<ThreadRun> {
    const path = cancelRun.path(encodePathId(threadId, "threadId"), encodePathId(runId, "runId"));
    checkOptions(options);
    try {
      return toRun(await this.transport.send({ method: "POST", path, options, hooks: this.hooks }));
    } catch (error) {
      // An earlier attempt may have landed: the retry's refusal then reports our own cancel.
      if (error instanceof ApiError && error.attempts > 1 && refusedAsStopped(error)) {
        return this.get(threadId, runId, options);
      }
      throw error;
    }
  }

  /**
   * Retrieves a run.
   * @throws {@link NotFoundError} for an unknown thread or run.
   */
  async get(threadId: string, runId: string, options?: RequestOptions): Promise<ThreadRun> {
    const path = getRun.path(encodePathId(threadId, "threadId"), encodePathId(runId, "runId"));
    checkOptions(options);
    return toRun(await this.transport.send({ method: "GET", path, options, hooks: this.hooks }));
  }

  /**
   * Lists the runs of a thread, following `has_more` / `last_id` across pages as you iterate.
   * Arguments are checked now; requests are sent while iterating.
   */
  list(threadId: string, options: ListRunsOptions = {}): RunList {
    const path = listRuns.path(encodePathId(threadId, "threadId"));
    checkOptions(options);
    const base = listQuery(options);
    const { transport, hooks } = this;
    const { signal, timeoutMs, maxRetries, headers } = options;
    const requestOptions: RequestOptions = {
      ...(signal ? { signal } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...(maxRetries !== undefined ? { maxRetries } : {}),
      ...(headers ? { headers } : {}),
    };

    async function* pages(): AsyncIterableIterator<RunPage> {
      let after = options.after;
      // Every cursor seen: a server that repeats one (or cycles through a few) would page forever.
      const seen = new Set<string>();
      for (;;) {
        const query =
          after === undefined
            ? base
            : `${base}${base ? "&" : ""}after=${encodeURIComponent(after)}`;
        const answer = await transport.send({
          method: "GET",
          path,
          query,
          options: requestOptions,
          hooks,
        });
        const page = toPage(answer);
        yield page;
        if (!page.hasMore || page.data.length === 0) return;
        if (after !== undefined) seen.add(after);
        if (page.lastId === null || seen.has(page.lastId)) {
          throw new InvalidResponseError(
            "has_more is true but last_id does not move the cursor on",
            {
              field: "last_id",
              response: answer.context,
            },
          );
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
}

function toRun(answer: Answer): ThreadRun {
  return remember(convertRun(answer.body, "", answer.context), answer.info);
}

function toPage(answer: Answer): RunPage {
  const body = answer.body as Record<string, unknown> | null;
  const data = typeof body === "object" && body !== null ? body["data"] : undefined;
  if (!Array.isArray(data)) {
    throw new InvalidResponseError(
      `data: expected an array of runs, got ${data === undefined ? "nothing" : typeof data}`,
      {
        field: "data",
        response: answer.context,
      },
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

const QUERY = listRuns.query;

/** Checks list parameters against the spec's limits and encodes them (without `after`). */
function listQuery(options: ListRunsOptions): string {
  const parts: string[] = [];
  const { limit, order, after, before } = options;
  if (limit !== undefined) {
    const { minimum, maximum } = QUERY.limit;
    if (!Number.isInteger(limit) || limit < minimum || limit > maximum) {
      throw new RangeError(
        `limit must be a whole number from ${minimum} to ${maximum}, got ${String(limit)}`,
      );
    }
    parts.push(`limit=${limit}`);
  }
  if (order !== undefined) {
    if (!(QUERY.order.enum as readonly string[]).includes(order)) {
      throw new TypeError(
        `order must be ${QUERY.order.enum.map((v) => `"${v}"`).join(" or ")}, got ${JSON.stringify(order)}`,
      );
    }
    parts.push(`order=${order}`);
  }
  for (const [name, value] of [
    ["after", after],
    ["before", before],
  ] as const) {
    if (value !== undefined && (typeof value !== "string" || value === "")) {
      throw new TypeError(`${name} must be a non-empty run id, got ${JSON.stringify(value)}`);
    }
  }
  if (before !== undefined) parts.push(`before=${encodeURIComponent(before)}`);
  return parts.join("&");
}

/** Catches the classic misuse early: an id (or anything else) where the options object goes. */
export function checkOptions(options: unknown): void {
  if (options !== undefined && (typeof options !== "object" || options === null)) {
    throw new TypeError(
      `options must be an object, got ${options === null ? "null" : typeof options}`,
    );
  }
}
