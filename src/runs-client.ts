/**
 * `client.runs`: the operations of the spec (runs.ts) and the ones that finish a cancel: wait,
 * cancelAndWait, cancelActive and cancelMany.
 */
import { cancelMany, type CancelItem, type CancelManyOptions, type CancelResult } from "./bulk.js";
import { ThreadRunError } from "./errors/threadrun-error.js";
import { encodePathId } from "./ids.js";
import { isTerminalStatus, type ThreadRun } from "./model.js";
import { count } from "./options.js";
import { Runs, checkOptions } from "./runs.js";
import type { Transport } from "./transport.js";
import { cancelThenWait, waitFor, type WaitOptions } from "./wait.js";

/** Options of {@link RunsClient.cancelActive}. */
export interface CancelActiveOptions extends WaitOptions {
  /**
   * Runs cancelled and waited for at once.
   * @default 4
   */
  concurrency?: number;
}

export class RunsClient extends Runs {
  readonly #transport: Transport;

  /** @internal */
  constructor(transport: Transport) {
    super(transport);
    this.#transport = transport;
  }

  /**
   * Polls a run until it is terminal or `requires_action` (which waiting cannot change), and
   * resolves with it. Honours `openai-poll-after-ms` and `Retry-After`, backs off gently, and calls
   * `onStatus` once per status change. Aborting stops the waiting, not the run.
   * @throws {@link TimeoutError} at the deadline, carrying the last run seen in `error.run`.
   */
  wait(threadId: string, runId: string, options: WaitOptions = {}): Promise<ThreadRun> {
    encodePathId(threadId, "threadId");
    encodePathId(runId, "runId");
    checkOptions(options);
    return waitFor(this, threadId, runId, options, "terminal-or-action");
  }

  /**
   * Cancels a run and waits until it is terminal: `cancelled`, or whatever terminal status it
   * reached first (it may complete before the cancel lands). A run that had already ended
   * resolves as it is, not as an error.
   */
  cancelAndWait(threadId: string, runId: string, options: WaitOptions = {}): Promise<ThreadRun> {
    encodePathId(threadId, "threadId");
    encodePathId(runId, "runId");
    checkOptions(options);
    return cancelThenWait(this, threadId, runId, options);
  }

  /**
   * Cancels every run of the thread that is not terminal, across all pages, waits until each one
   * is terminal, and resolves with them (an empty array when none was active). When it resolves,
   * no run on the thread is active: it lists again and repeats while new active runs appear.
   */
  async cancelActive(threadId: string, options: CancelActiveOptions = {}): Promise<ThreadRun[]> {
    encodePathId(threadId, "threadId");
    checkOptions(options);
    const concurrency = count(options.concurrency, 4, "concurrency");
    if (concurrency < 1) throw new RangeError("concurrency must be at least 1");
    const stopped = new Map<string, ThreadRun>();
    const listOptions = {
      ...options.request,
      ...(options.signal ? { signal: options.signal } : {}),
      limit: 100,
    };
    for (let round = 0; ; round++) {
      const active: ThreadRun[] = [];
      for await (const run of this.list(threadId, listOptions)) {
        if (!isTerminalStatus(run.status)) active.push(run);
      }
      if (active.length === 0) return [...stopped.values()];
      if (round === 10) {
        throw new ThreadRunError(
          `cancelActive: thread ${threadId} still has active runs after ${round} rounds (are runs being created meanwhile?)`,
        );
      }
      let next = 0;
      const worker = async () => {
        while (next < active.length) {
          const run = active[next++] as ThreadRun;
          stopped.set(run.id, await cancelThenWait(this, threadId, run.id, options));
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, active.length) }, worker));
    }
  }

  /**
   * Cancels many runs, from an array or an (async) iterable, yielding one result per item as
   * each finishes. Bounded concurrency; one shared pacer slows every worker after a 429 and
   * learns the server's rate. A run that had already ended, or whose cancel landed on an earlier
   * attempt, counts as a success with the run as it now is.
   *
   * ```ts
   * for await (const result of client.runs.cancelMany(items, { concurrency: 16 })) {
   *   if (!result.ok) console.error(result.item.runId, result.error);
   * }
   * ```
   */
  cancelMany<Item extends CancelItem>(
    items: Iterable<Item> | AsyncIterable<Item>,
    options?: CancelManyOptions,
  ): AsyncGenerator<CancelResult<Item>, void, undefined> {
    return cancelMany(this.#transport, items, options);
  }
}
