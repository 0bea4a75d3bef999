/**
 * `client.runs`: the operations of the spec (cancel, get, list) and the ones that finish a cancel
 * (wait, cancelAndWait, cancelActive, cancelMany), all on one transport. Attempt hooks are injected:
 * a bulk job gets its own view of the same operations whose every request passes its pacer.
 */
import { cancelRun, getRun, listRuns } from "../generated/operations.js";
import {
  cancelManySettings,
  checkItems,
  type BulkSettings,
  type CancelItem,
  type CancelManyOptions,
  type CancelResult,
} from "./bulk-options.js";
import { cancelActiveSettings, type CancelActiveOptions } from "./cancel-active-options.js";
import { ApiError } from "./errors/api-error.js";
import { encodePathId } from "./ids.js";
import { listSettings, runList, type ListRunsOptions, type RunList } from "./list.js";
import { convertRun, type ThreadRun } from "./model.js";
import { checkRequestOptions, type RequestOptions } from "./options.js";
import { refusedAsStopped } from "./refusal.js";
import { remember } from "./response-info.js";
import type { AttemptHooks, DecodedResponse, Transport } from "./transport.js";
import { cancelThenWait, waitFor, waitSettings, type WaitOptions } from "./wait.js";
import { combineHooks, sharedPacer, WITH_HOOKS, WITH_ITEM_HOOKS } from "./with-hooks.js";

/**
 * The run operations: `client.runs`.
 * @category Runs
 */
export class Runs {
  readonly #transport: Transport;
  readonly #hooks: AttemptHooks | undefined;

  /** @internal Made by `createClient`. */
  constructor(transport: Transport, hooks?: AttemptHooks) {
    this.#transport = transport;
    this.#hooks = hooks;
  }

  /**
   * @internal The same operations on the same transport, with a shared pacer's `hooks` called on
   * every attempt after this view's own: a bulk job's view of the runs.
   */
  [WITH_HOOKS](hooks: AttemptHooks): Runs {
    return new Runs(
      this.#transport,
      combineHooks(this.#hooks, sharedPacer(hooks, this.#transport.log)),
    );
  }

  /**
   * @internal The same operations on the same transport, with `hooks` called on every attempt
   * after this view's own (a bulk item's bookkeeping).
   */
  [WITH_ITEM_HOOKS](hooks: AttemptHooks): Runs {
    return new Runs(this.#transport, combineHooks(this.#hooks, hooks));
  }

  /**
   * Asks the server to cancel a run and resolves with the run as the server answered: usually
   * `cancelling`; use {@link Runs.cancelAndWait} to wait for `cancelled`. Retried on 408, 409,
   * 429, 5xx, timeouts and connection errors. When a retry is refused because the run is already
   * cancelling or has ended (an earlier attempt landed), resolves with the run as it now is.
   * @throws {@link BadRequestError} when the run had already ended before this cancel.
   * @throws {@link NotFoundError} for an unknown thread or run.
   * @throws `TypeError` / `RangeError` for a bad id or option, before any request is sent.
   */
  async cancel(threadId: string, runId: string, options?: RequestOptions): Promise<ThreadRun> {
    const path = cancelRun.path(encodePathId(threadId, "threadId"), encodePathId(runId, "runId"));
    checkRequestOptions(options, "options");
    try {
      return toRun(await this.#send("POST", path, options));
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
   * @throws `TypeError` / `RangeError` for a bad id or option, before any request is sent.
   */
  async get(threadId: string, runId: string, options?: RequestOptions): Promise<ThreadRun> {
    const path = getRun.path(encodePathId(threadId, "threadId"), encodePathId(runId, "runId"));
    checkRequestOptions(options, "options");
    return toRun(await this.#send("GET", path, options));
  }

  /**
   * Lists the runs of a thread, following `has_more` / `last_id` across pages as you iterate.
   * Arguments and options are checked now (a `TypeError` / `RangeError`); requests are sent while
   * iterating.
   */
  list(threadId: string, options?: ListRunsOptions): RunList {
    const path = listRuns.path(encodePathId(threadId, "threadId"));
    const settings = listSettings(options);
    return runList(settings, (query) => this.#send("GET", path, settings.request, query));
  }

  /**
   * Polls a run until it is terminal or `requires_action` (which waiting cannot change), and
   * resolves with it. Honours `openai-poll-after-ms` and `Retry-After`, backs off gently, and calls
   * `onStatus` once per status change. Aborting stops the waiting, not the run.
   *
   * Ids and options are checked at the call: a bad one throws (`TypeError` / `RangeError`) before
   * any request. A throwing or rejecting `onStatus` ends the wait: it rejects with that error.
   * @throws {@link TimeoutError} at the deadline, carrying the last run seen in `error.run`.
   */
  wait(threadId: string, runId: string, options?: WaitOptions): Promise<ThreadRun> {
    encodePathId(threadId, "threadId");
    encodePathId(runId, "runId");
    const settings = waitSettings(options, "wait");
    return waitFor(this, { threadId, runId, settings, until: "terminal-or-action" });
  }

  /**
   * Cancels a run and waits until it is terminal: `cancelled`, or whatever terminal status it
   * reached first (it may complete before the cancel lands). A run that had already ended
   * resolves as it is, not as an error.
   *
   * Ids and options are checked at the call, before the cancel is sent. A throwing or rejecting
   * `onStatus` ends the wait (the cancel was sent): it rejects with that error.
   * @throws {@link TimeoutError} at the deadline (which covers the cancel request too).
   */
  cancelAndWait(threadId: string, runId: string, options?: WaitOptions): Promise<ThreadRun> {
    encodePathId(threadId, "threadId");
    encodePathId(runId, "runId");
    const settings = waitSettings(options, "cancelAndWait");
    return cancelThenWait(this, { threadId, runId, settings });
  }

  /**
   * Stops every active run of a thread: lists the thread (100 runs per page), cancels each run that
   * is not terminal through the same paced, concurrent machinery as {@link Runs.cancelMany}, then
   * waits for all of them together by listing the thread again (one request per 100 runs, not one
   * per run), backing off from `intervalMs`. It repeats while new active runs appear (at most 10
   * rounds of cancels), so when it resolves, no run on the thread is active.
   *
   * Resolves with the runs it stopped, in their final state (`[]` when none was active); runs that
   * were already `cancelling` when it looked are waited for and included.
   *
   * A run that fails does not hold the others back: every run that can be stopped is stopped, and
   * then it rejects with one {@link CancelActiveError} carrying `stopped` and `failures`
   * (`{ runId, error }`: the cancel's error, or a {@link TimeoutError} for a run still stopping at
   * the deadline). A run whose cancel failed but that stopped anyway counts as stopped. When the
   * thread cannot be listed again after its cancels (the list failing after its retries), the runs
   * still stopping are failures carrying that list's error; the ones seen stopped stay in `stopped`.
   *
   * The thread id and options are checked at the call, before any request. An abort, or a
   * throwing or rejecting `onStatus` / `onProgress`, rejects with its reason or error (the cancels
   * in flight finish; no new one is sent).
   * @throws {@link NotFoundError} for an unknown thread; an {@link ApiError} when the first list fails;
   * a {@link TimeoutError} when the thread could not be listed once before the deadline.
   */
  cancelActive(threadId: string, options?: CancelActiveOptions): Promise<ThreadRun[]> {
    encodePathId(threadId, "threadId");
    const settings = cancelActiveSettings(options);
    // The machinery is loaded on first use (see bulk-options.ts): checked above, run below.
    return import("./cancel-active.js").then(({ cancelActive }) =>
      cancelActive(this, threadId, settings),
    );
  }

  /**
   * Cancels many runs, from an array or an (async) iterable, yielding one result per item as each
   * finishes: `{ item, ok: true, run }`, or `{ item, ok: false, error, sent }`. Bounded
   * concurrency; one shared pacer slows every worker after a 429 and learns the server's rate. A
   * run that had already ended, or whose cancel landed on an earlier attempt, counts as a success
   * with the run as it now is. Items are taken from the source only as workers free up, so a
   * source of millions passes through in flat memory.
   *
   * ```ts
   * for await (const result of client.runs.cancelMany(items, { concurrency: 16 })) {
   *   if (!result.ok) console.error(result.item.runId, result.error, result.sent);
   * }
   * ```
   *
   * - **Options** are checked at the call: bad options or items throw there (`TypeError` /
   *   `RangeError`), before the first `next()` and before any request.
   * - **Every item taken yields exactly one result**, whatever happens (an abort, a callback that
   *   throws, a source that throws), as long as the loop runs.
   * - **`signal`**: no item is taken after the abort and the source is closed at once (its
   *   `return()` is called without waiting, so a source waiting for input ends). Requests in flight
   *   are aborted: their items fail with the signal's reason and `sent: true` (the cancel may have
   *   landed: check those). Items not sent yet fail with `sent: false`. An item the server had
   *   already answered reports that answer. Then the iteration throws the signal's reason.
   * - **`onProgress` throws** (or its promise rejects): no item is taken after it, the source is
   *   closed, every item already taken finishes and yields its result, then the iteration throws
   *   the callback's error. It is not called again.
   * - **`break`** (or `return` / `throw` in the loop body): no request starts after it, not even a
   *   retry; the source is closed. Requests already on the wire are not aborted: they finish in the
   *   background and their results are dropped (the loop does not wait for them).
   */
  cancelMany<Item extends CancelItem>(
    items: Iterable<Item> | AsyncIterable<Item>,
    options?: CancelManyOptions,
  ): AsyncGenerator<CancelResult<Item>, void, undefined> {
    const settings = cancelManySettings(options);
    checkItems(items);
    return bulkStream(this, items, settings);
  }

  #send(
    method: "GET" | "POST",
    path: string,
    options: RequestOptions | undefined,
    query?: string,
  ): Promise<DecodedResponse> {
    return this.#transport.send({
      method,
      path,
      ...(query ? { query } : {}),
      options,
      hooks: this.#hooks,
    });
  }
}

function toRun(answer: DecodedResponse): ThreadRun {
  return remember(convertRun(answer.body, "", answer.context), answer.info);
}

/**
 * cancelMany's stream, its machinery loaded on the first `next()`: a page that never cancels in
 * bulk never downloads it (bundlers split a dynamic import into a chunk of its own). `yield*` hands
 * `return()` and `throw()` to the real stream, so `break` and aborts behave as documented.
 */
async function* bulkStream<Item extends CancelItem>(
  runs: Runs,
  items: Iterable<Item> | AsyncIterable<Item>,
  settings: BulkSettings,
): AsyncGenerator<CancelResult<Item>, void, undefined> {
  const { cancelStream, pacedRuns } = await import("./bulk.js");
  yield* cancelStream(pacedRuns(runs, settings), items, settings);
}
