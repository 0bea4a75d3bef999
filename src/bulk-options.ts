/**
 * cancelMany's options and items, checked at the call. Kept apart from the machinery (bulk.ts),
 * which `Runs` loads on first use, so that a page that only cancels one run does not download the
 * bulk machinery and its pacer (bundlers split a dynamic import into its own chunk).
 */
import { nestedRequest, optionsOf } from "./call-options.js";
import type { RequestOptions } from "./options.js";
import type { ThreadRun } from "./model.js";
import {
  describe,
  optionalFunction,
  optionalSignal,
  positiveNumber,
  wholeNumber,
} from "./validate.js";

/**
 * One run to cancel. Extra fields are kept and handed back with its result.
 * @category Waiting and bulk
 */
export interface CancelItem {
  threadId: string;
  runId: string;
}

/**
 * The outcome of one item: the run as the server answered, or the error. `sent` says whether a
 * cancel request for the item went out: when it did, the cancel may have landed even though the
 * item failed (a lost answer, an abort while in flight), so check the run.
 * @category Waiting and bulk
 */
export type CancelResult<Item extends CancelItem = CancelItem> =
  | { item: Item; ok: true; run: ThreadRun }
  | { item: Item; ok: false; error: unknown; sent: boolean };

/**
 * The counts so far of a bulk job, as `onProgress` receives them.
 * @category Waiting and bulk
 */
export interface CancelProgress {
  /** Items finished, failed ones included. */
  done: number;
  failed: number;
  /** The number of items, when the source is an array; else `undefined`. */
  total: number | undefined;
}

/**
 * Options of {@link Runs.cancelMany}. All are checked at the call.
 * @category Waiting and bulk
 */
export interface CancelManyOptions {
  /**
   * Cancels in flight at once, 1 to 1024. Workers are not allocated up front, so a large value
   * for a few items costs nothing.
   * @default 16
   */
  concurrency?: number | undefined;
  /**
   * Stops the job: no item is taken after it, the source is closed, requests in flight are aborted
   * (their items fail with the reason and `sent: true`), and once the results of the items taken
   * are out, the iteration throws the reason.
   */
  signal?: AbortSignal | undefined;
  /**
   * Called after each item, with the counts so far. If it throws (or the promise it returns
   * rejects), no item is taken after that, the items taken finish and yield their results, and
   * the iteration throws its error. A promise it returns is not awaited before the next item, but
   * the iteration does not end before it settles.
   * @default undefined
   */
  onProgress?: ((progress: CancelProgress) => void) | undefined;
  /**
   * Retries per item for 5xx, 408, 409, timeouts and connection errors. A 429 does not use them
   * up (up to 50 per item): under the shared pacer it means "slow down", which every worker
   * then does, not that the item failed.
   * @default 10
   */
  maxRetries?: number | undefined;
  /**
   * The options of each cancel request (its time limit, headers). `signal` and `maxRetries` are
   * the ones above.
   * @default the client's
   */
  request?: Omit<RequestOptions, "signal" | "maxRetries"> | undefined;
  /**
   * A ceiling on requests per second, retries included, below whatever the server allows: room
   * left for other traffic on the same key. The job still slows down further when the server
   * asks it to.
   * @default Infinity (only the server's limit)
   */
  maxRequestsPerSecond?: number | undefined;
}

/** Checked bulk options, with defaults applied. */
export interface BulkSettings {
  concurrency: number;
  signal: AbortSignal | undefined;
  onProgress: ((progress: CancelProgress) => void) | undefined;
  /** Requests per second at most, or Infinity. */
  maxRequestsPerSecond: number;
  /** The options of every request: the caller's `request` with `maxRetries` and `signal`. */
  request: RequestOptions;
}

export const BULK_KEYS: readonly string[] = [
  "concurrency",
  "signal",
  "onProgress",
  "maxRetries",
  "request",
  "maxRequestsPerSecond",
];
const BULK_REQUEST_KEYS: readonly string[] = ["timeoutMs", "headers"];
/** Past this many cancels in flight a client gains nothing; far past it, it runs out of memory. */
export const MAX_CONCURRENCY = 1024;

/** Checks cancelMany's options completely and applies their defaults. */
export function cancelManySettings(options: unknown): BulkSettings {
  return bulkSettings(optionsOf(options, BULK_KEYS, "cancelMany"));
}

/** Reads and checks the bulk options of `given` (whose keys were checked by the caller). */
export function bulkSettings(given: Readonly<Record<string, unknown>>): BulkSettings {
  const concurrency = wholeNumber(given["concurrency"], "concurrency", 16, {
    min: 1,
    max: MAX_CONCURRENCY,
  });
  const maxRetries = wholeNumber(given["maxRetries"], "maxRetries", 10, { min: 0 });
  const signal = optionalSignal(given["signal"], "signal");
  return {
    concurrency,
    signal,
    onProgress: optionalFunction(given["onProgress"], "onProgress"),
    maxRequestsPerSecond: positiveNumber(
      given["maxRequestsPerSecond"],
      "maxRequestsPerSecond",
      Number.POSITIVE_INFINITY,
    ),
    request: {
      ...nestedRequest(given["request"], BULK_REQUEST_KEYS),
      maxRetries,
      ...(signal ? { signal } : {}),
    },
  };
}

/** Refuses anything but an array, an iterable or an async iterable, at the call. */
export function checkItems(items: unknown): void {
  if (
    items === null ||
    typeof items !== "object" ||
    !(Symbol.iterator in items || Symbol.asyncIterator in items)
  ) {
    throw new TypeError(
      `items must be an array, an iterable or an async iterable of { threadId, runId }, got ${describe(items)}`,
    );
  }
}
