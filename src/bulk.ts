/**
 * Cancelling many runs: bounded concurrency, one shared pacer, results streamed as they finish so
 * that millions of items pass through in flat memory, and exactly one result per item.
 */
import type { ThreadRun } from "./model.js";
import { count, type RequestOptions } from "./options.js";
import { Pacer } from "./pacer.js";
import { Runs } from "./runs.js";
import type { Transport } from "./transport.js";
import { refusedAsStopped } from "./refusal.js";
import { positiveNumber } from "./validate.js";

/** One run to cancel. Extra fields are kept and handed back with its result. */
export interface CancelItem {
  threadId: string;
  runId: string;
}

/** The outcome of one item: the run as the server answered, or the error. */
export type CancelResult<Item extends CancelItem = CancelItem> =
  { item: Item; ok: true; run: ThreadRun } | { item: Item; ok: false; error: unknown };

export interface CancelProgress {
  /** Items finished, failed ones included. */
  done: number;
  failed: number;
  /** The number of items, when the source is an array; else `undefined`. */
  total: number | undefined;
}

export interface CancelManyOptions {
  /**
   * Cancels in flight at once.
   * @default 16
   */
  concurrency?: number;
  /**
   * Stops taking new items; items in flight end with the signal's reason as their error, and once
   * their results are out the iteration throws the reason.
   */
  signal?: AbortSignal;
  /** Called after each item, with the counts so far. */
  onProgress?: (progress: CancelProgress) => void;
  /**
   * Retries per item for 5xx, 408, 409, timeouts and connection errors. A 429 does not use them
   * up (up to 50 per item): under the shared pacer it means "slow down", which every worker
   * then does, not that the item failed.
   * @default 10
   */
  maxRetries?: number;
  /** The options of each cancel request (its time limit, headers). */
  request?: Omit<RequestOptions, "signal" | "maxRetries">;
  /**
   * A ceiling on requests per second, retries included, below whatever the server allows: room
   * left for other traffic on the same key. The job still slows down further when the server
   * asks it to.
   * @default Infinity (only the server's limit)
   */
  maxRequestsPerSecond?: number;
}

export async function* cancelMany<Item extends CancelItem>(
  transport: Transport,
  items: Iterable<Item> | AsyncIterable<Item>,
  options: CancelManyOptions = {},
): AsyncGenerator<CancelResult<Item>, void, undefined> {
  const concurrency = count(options.concurrency, 16, "concurrency");
  if (concurrency < 1) throw new RangeError("concurrency must be at least 1");
  const maxRetries = count(options.maxRetries, 10, "maxRetries");
  const { signal, onProgress } = options;
  if (
    items === null ||
    typeof items !== "object" ||
    !(Symbol.iterator in items || Symbol.asyncIterator in items)
  ) {
    throw new TypeError(
      "items must be an array, an iterable or an async iterable of { threadId, runId }",
    );
  }
  const total = Array.isArray(items) ? items.length : undefined;

  const maxRequestsPerSecond = positiveNumber(
    options.maxRequestsPerSecond,
    "maxRequestsPerSecond",
    Number.POSITIVE_INFINITY,
  );
  const pacer = new Pacer({ concurrency, maxRequestsPerSecond });
  const runs = new Runs(transport, pacer);
  const requestOptions: RequestOptions = {
    ...options.request,
    maxRetries,
    ...(signal ? { signal } : {}),
  };

  const source: Iterator<Item> | AsyncIterator<Item> =
    Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  let pulling: Promise<unknown> = Promise.resolve();
  let exhausted = false;
  /** Items are taken one at a time, even from an async source shared by all workers. */
  const pull = (): Promise<IteratorResult<Item>> => {
    const next = pulling.then(() =>
      exhausted ? { done: true as const, value: undefined } : source.next(),
    );
    pulling = next.catch(() => {});
    return next;
  };

  const ready: CancelResult<Item>[] = [];
  let wakeConsumer: (() => void) | undefined;
  const blockedWorkers: (() => void)[] = [];
  const wakeWorkers = () => blockedWorkers.splice(0).forEach((wake) => wake());
  /** Set when the consumer stops early: workers then finish what they hold without waiting. */
  let closed = false;
  let running = concurrency;
  let sourceError: { error: unknown } | undefined;
  /** The source said it was done, or threw: nothing to close. */
  let sourceEnded = false;
  let done = 0;
  let failed = 0;
  const highWater = concurrency * 2;

  const deliver = async (result: CancelResult<Item>) => {
    ready.push(result);
    done++;
    if (!result.ok) failed++;
    onProgress?.({ done, failed, total });
    wakeConsumer?.();
    // Back-pressure: a slow consumer holds the workers, so memory stays flat.
    while (ready.length >= highWater && !closed)
      await new Promise<void>((r) => blockedWorkers.push(r));
  };

  const worker = async () => {
    try {
      for (;;) {
        if (signal?.aborted) return;
        let next: IteratorResult<Item>;
        try {
          next = await pull();
        } catch (error) {
          sourceError ??= { error };
          exhausted = sourceEnded = true;
          return;
        }
        if (next.done) {
          exhausted = true;
          // `exhausted` may also have been set by an abort or an early stop: then this `done` is
          // the pull's own, and the source itself is still open.
          if (!closed && !signal?.aborted) sourceEnded = true;
          return;
        }
        const item = next.value;
        await deliver(await cancelOne(runs, item, requestOptions));
      }
    } finally {
      running--;
      wakeConsumer?.();
    }
  };
  const workers = Array.from({ length: concurrency }, worker);

  try {
    for (;;) {
      while (ready.length > 0) {
        yield ready.shift() as CancelResult<Item>;
        wakeWorkers();
      }
      if (running === 0) break;
      await new Promise<void>((r) => (wakeConsumer = r));
      wakeConsumer = undefined;
    }
  } finally {
    exhausted = true;
    closed = true;
    wakeWorkers();
    // A consumer that stopped early (break, throw) is not kept waiting for the items in flight;
    // once the workers let go of the source, it is closed so that its `finally` blocks run.
    void Promise.allSettled(workers).then(() => closeSource());
  }
  await Promise.all(workers);
  if (sourceError) throw sourceError.error;
  if (signal?.aborted) throw signal.reason;

  function closeSource(): void {
    if (sourceEnded) return;
    sourceEnded = true;
    try {
      void Promise.resolve(source.return?.()).catch(() => {});
    } catch {
      // A source whose return() throws has nothing left to release.
    }
  }
}

async function cancelOne<Item extends CancelItem>(
  runs: Runs,
  item: Item,
  options: RequestOptions,
): Promise<CancelResult<Item>> {
  try {
    if (typeof item !== "object" || item === null)
      throw new TypeError("each item must be an object { threadId, runId }");
    const run = await runs.cancel(item.threadId, item.runId, options);
    return { item, ok: true, run };
  } catch (error) {
    // A run that had already ended is stopped, which is what a bulk cancel is for.
    if (refusedAsStopped(error)) {
      try {
        const run = await runs.get(item.threadId, item.runId, options);
        return { item, ok: true, run };
      } catch (getError) {
        return { item, ok: false, error: getError };
      }
    }
    return { item, ok: false, error };
  }
}
