/**
 * Cancelling many runs: bounded concurrency, one shared pacer, results streamed as they finish so
 * that millions of items pass through in flat memory, and exactly one result per item taken,
 * whatever stops the loop. cancelActive cancels through the same machinery.
 */
import type { BulkSettings, CancelItem, CancelResult } from "./bulk-options.js";
import { ThreadRunError } from "./errors/threadrun-error.js";
import type { RequestOptions } from "./options.js";
import { describe } from "./validate.js";
import { isPromiseLike } from "./is-promise-like.js";
import { Pacer } from "./pacer.js";
import { refusedAsStopped } from "./refusal.js";
import type { Runs } from "./runs.js";
import { WITH_HOOKS, WITH_ITEM_HOOKS } from "./with-hooks.js";

/**
 * The one place the pacer meets the requests: a view of `runs` whose every request (the cancels,
 * the GETs after refusals, cancelActive's lists) passes one shared pacer, so that a 429 slows
 * every worker of the job, and the job's ceilings (`concurrency`, `maxRequestsPerSecond`) hold.
 */
export function pacedRuns(runs: Runs, settings: BulkSettings): Runs {
  const { concurrency, maxRequestsPerSecond } = settings;
  return runs[WITH_HOOKS](new Pacer({ concurrency, maxRequestsPerSecond }));
}

/**
 * Cancels the items through `runs` (already paced), yielding one result per item taken. Items are
 * taken one at a time (even from an async source) and only while fewer than `concurrency` are in
 * flight and the consumer keeps up, so memory stays flat.
 */
export async function* cancelStream<Item extends CancelItem>(
  runs: Runs,
  items: Iterable<Item> | AsyncIterable<Item>,
  settings: BulkSettings,
): AsyncGenerator<CancelResult<Item>, void, undefined> {
  const { concurrency, signal, onProgress } = settings;
  if (signal?.aborted) throw signal.reason;
  const source: Iterator<Item> | AsyncIterator<Item> =
    Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  const total = Array.isArray(items) ? items.length : undefined;
  // Back-pressure: results waiting for a slow consumer hold the taking of new items.
  const highWater = concurrency * 2;

  const ready: CancelResult<Item>[] = [];
  let inFlight = 0;
  /** A `next()` of an async source is pending (one at a time). */
  let pulling = false;
  /** False once the source said it is done, threw, or was closed. */
  let sourceOpen = true;
  /** No item is taken any more. */
  let stopped = false;
  /** Why it stopped early (abort, callback, source): thrown once the results are out. */
  let stopError: { error: unknown } | undefined;
  /** The consumer left the loop: results go nowhere and no request starts. */
  let left = false;
  let progressPending = 0;
  let progressFailed = false;
  let done = 0;
  let failed = 0;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };

  const closeSource = () => {
    if (!sourceOpen) return;
    sourceOpen = false;
    // Not awaited: a source waiting for input (a stdin that never closes) ends on return(), but a
    // pending next() may never settle, and nothing must wait for it.
    try {
      void Promise.resolve(source.return?.()).catch(() => {});
    } catch {
      // A source whose return() throws has nothing left to release.
    }
  };

  const stop = (error?: { error: unknown }) => {
    if (error !== undefined) stopError ??= error;
    if (stopped) return;
    stopped = true;
    closeSource();
    notify();
  };

  const progressFailedWith = (error: unknown) => {
    progressFailed = true;
    stop({ error });
  };

  const report = (result: CancelResult<Item>) => {
    if (left) return;
    ready.push(result);
    done++;
    if (!result.ok) failed++;
    if (onProgress !== undefined && !progressFailed) {
      try {
        // Typed `void`, which an async function is too: a promise it returns is watched.
        const returned: unknown = onProgress({ done, failed, total });
        if (isPromiseLike(returned)) {
          progressPending++;
          void Promise.resolve(returned)
            .catch(progressFailedWith)
            .finally(() => {
              progressPending--;
              notify();
            });
        }
      } catch (error) {
        progressFailedWith(error);
      }
    }
    notify();
  };

  const take = (next: IteratorResult<Item>) => {
    if (next.done === true) {
      sourceOpen = false;
      notify();
      return;
    }
    const item = next.value;
    if (stopped) {
      // Handed over after the stop by a pull made before it: taken, so reported, but not sent.
      report({ item, ok: false, error: stopError?.error, sent: false });
      return;
    }
    inFlight++;
    void cancelOne(runs, item, settings.request, () => left).then((result) => {
      inFlight--;
      report(result);
      pump();
    });
  };

  const sourceFailed = (error: unknown) => {
    sourceOpen = false;
    stop({ error });
  };

  /** Takes items while there is room; an async source's next item arrives later. */
  const pump = () => {
    while (
      !stopped &&
      sourceOpen &&
      !pulling &&
      inFlight < concurrency &&
      ready.length < highWater
    ) {
      let next: IteratorResult<Item> | Promise<IteratorResult<Item>>;
      try {
        next = source.next();
      } catch (error) {
        return sourceFailed(error);
      }
      if (!isPromiseLike<IteratorResult<Item>>(next)) {
        take(next);
        continue;
      }
      pulling = true;
      next.then(
        (result) => {
          pulling = false;
          take(result);
          pump();
        },
        (error: unknown) => {
          pulling = false;
          sourceFailed(error);
        },
      );
      return;
    }
  };

  const onAbort = () => stop({ error: signal?.reason });
  signal?.addEventListener("abort", onAbort, { once: true });
  let finished = false;
  try {
    pump();
    for (;;) {
      const result = ready.shift();
      if (result !== undefined) {
        yield result;
        pump();
        continue;
      }
      // A pull still pending after a stop is not waited for: the source may never answer.
      if (inFlight === 0 && progressPending === 0 && (stopped || !sourceOpen)) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    finished = true;
  } finally {
    signal?.removeEventListener("abort", onAbort);
    if (!finished) {
      // The consumer left (break, return, throw): no request starts after this.
      left = true;
      stop();
    }
  }
  if (stopError !== undefined) throw stopError.error;
}

/** Cancels one item; never rejects. */
async function cancelOne<Item extends CancelItem>(
  runs: Runs,
  item: Item,
  request: RequestOptions,
  consumerLeft: () => boolean,
): Promise<CancelResult<Item>> {
  let sent = false;
  const tracked = runs[WITH_ITEM_HOOKS]({
    beforeAttempt: () => {
      // After the consumer left, nothing new goes out, not even a retry of an item in flight.
      if (consumerLeft()) throw new ThreadRunError("cancelMany: the loop was left; not sent");
      sent = true;
    },
  });
  try {
    if (typeof item !== "object" || item === null) {
      throw new TypeError(`each item must be an object { threadId, runId }, got ${describe(item)}`);
    }
    return { item, ok: true, run: await tracked.cancel(item.threadId, item.runId, request) };
  } catch (error) {
    if (!refusedAsStopped(error)) return { item, ok: false, error, sent };
    // The server answered: the run had already stopped, which is what a bulk cancel is for. The
    // run is fetched without the caller's signal, so that an abort now cannot turn that answer
    // into a failure (it costs one GET, bounded by its time limit).
    const { signal: _ignored, ...unaborted } = request;
    try {
      return { item, ok: true, run: await tracked.get(item.threadId, item.runId, unaborted) };
    } catch (getError) {
      return { item, ok: false, error: getError, sent: true };
    }
  }
}
