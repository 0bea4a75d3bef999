/**
 * Stopping every active run of a thread: look at the thread (its pages of 100 runs), cancel the
 * active runs through cancelMany's paced, concurrent machinery, and wait for them all together by
 * looking at the thread again, not by polling each run. Repeat while new active runs appear.
 */
import { cancelStream, pacedRuns } from "./bulk.js";
import type { CancelActiveSettings } from "./cancel-active-options.js";
import { CancelActiveError, type CancelActiveFailure } from "./errors/cancel-active-error.js";
import { ThreadRunError } from "./errors/threadrun-error.js";
import { TimeoutError } from "./errors/timeout-error.js";
import { isTerminalStatus, type ThreadRun } from "./model.js";
import type { RequestOptions } from "./options.js";
import type { Runs } from "./runs.js";
import { sleep } from "./sleep.js";
import { deadlineSignal, serverPause, timedOut, type DeadlineSignal } from "./wait.js";

/** Cancel rounds (a look that finds new active runs starts one) before giving up on new ones. */
const MAX_ROUNDS = 10;
const PAGE_SIZE = 100;

/** What is known of a run that was active when first seen. */
interface Tracked {
  run: ThreadRun;
  state: "stopping" | "stopped" | "failed";
  error?: unknown;
}

export async function cancelActive(
  runs: Runs,
  threadId: string,
  settings: CancelActiveSettings,
): Promise<ThreadRun[]> {
  const deadline = Date.now() + settings.timing.timeoutMs;
  // A look (its retries included) ends at the deadline. Only the lists carry this signal: the
  // cancels keep the signal-free fast path, and none starts after the deadline.
  const limit = deadlineSignal(deadline, settings.bulk.signal);
  try {
    return await lookAndCancel(runs, threadId, settings, deadline, limit);
  } finally {
    limit.dispose();
  }
}

/** cancelActive within `limit`, the signal of its `deadline` (epoch ms). */
async function lookAndCancel(
  runs: Runs,
  threadId: string,
  settings: CancelActiveSettings,
  deadline: number,
  limit: DeadlineSignal,
): Promise<ThreadRun[]> {
  const { bulk, timing, onStatus } = settings;
  const { signal } = bulk;
  const paced = pacedRuns(runs, bulk);
  const tracked = new Map<string, Tracked>();
  const progress = { done: 0, failed: 0, total: 0 };
  let interval = timing.initialMs;
  let rounds = 0;

  /** Records a run's state as seen; answers whether its status changed. */
  const saw = async (run: ThreadRun): Promise<boolean> => {
    const entry = tracked.get(run.id);
    if (entry === undefined) return false;
    const changed = entry.run.status !== run.status;
    entry.run = run;
    if (isTerminalStatus(run.status) && entry.state !== "stopped") {
      // A run whose cancel failed but that stopped anyway is stopped: that is what counts.
      entry.state = "stopped";
      delete entry.error;
    }
    if (changed) await onStatus?.(run);
    return changed;
  };

  const fail = (runId: string, error: unknown) => {
    const entry = tracked.get(runId);
    if (entry !== undefined && entry.state !== "stopped")
      Object.assign(entry, { state: "failed", error });
  };

  /**
   * Cancels `fresh` runs through the bulk machinery, then records each answer. Whether a status
   * changed is not needed: finding fresh runs was a change already, which resets the pause.
   */
  const cancelRound = async (fresh: ThreadRun[]): Promise<void> => {
    const late: ThreadRun[] = [];
    function* items() {
      for (const run of fresh) {
        // Past the deadline, no new cancel: the run is reported as not stopped.
        if (Date.now() >= deadline) late.push(run);
        else yield { threadId, runId: run.id };
      }
    }
    const before = { ...progress };
    progress.total += fresh.length;
    const { onProgress } = bulk;
    const stream = cancelStream(paced, items(), {
      ...bulk,
      onProgress:
        onProgress &&
        ((p) =>
          onProgress({
            done: before.done + p.done,
            failed: before.failed + p.failed,
            total: progress.total,
          })),
    });
    for await (const result of stream) {
      progress.done++;
      if (result.ok) {
        await saw(result.run);
      } else {
        progress.failed++;
        fail(result.item.runId, result.error);
      }
    }
    for (const run of late) {
      fail(
        run.id,
        new TimeoutError(
          `Run ${run.id} was not cancelled: the deadline of ${timing.timeoutMs} ms passed first`,
          timing.timeoutMs,
          run,
        ),
      );
    }
  };

  // Why the runs still stopping at the end were not seen to stop, when it was not the deadline.
  let lookFailure: { error: unknown } | undefined;
  for (let looks = 0; ; looks++) {
    const lookedAt = Date.now();
    let look: Awaited<ReturnType<typeof lookAt>>;
    try {
      look = await lookAt(paced, threadId, bulk.request, limit);
    } catch (error) {
      // Without one look nothing is known, and an abort is the caller's own: both reject as they
      // are. A later look that fails (after its retries) ends the call without losing what is
      // known: the runs seen to stop stay stopped, the others fail with that look's error.
      if (looks === 0 || signal?.aborted) throw error;
      lookFailure = { error };
      break;
    }
    if (look === "deadline") {
      // Without one look at the thread, nothing is known: not even that nothing was active.
      if (looks === 0) {
        throw new TimeoutError(
          `cancelActive: ${threadId} could not be listed within ${timing.timeoutMs} ms`,
          timing.timeoutMs,
        );
      }
      break;
    }
    let changed = false;
    const fresh: ThreadRun[] = [];
    for (const run of look.runs) {
      if (tracked.has(run.id)) {
        changed = (await saw(run)) || changed;
        continue;
      }
      // A run that had ended before is not ours to report.
      if (isTerminalStatus(run.status)) continue;
      tracked.set(run.id, { run, state: "stopping" });
      changed = true;
      await onStatus?.(run);
      // A run already cancelling needs no cancel, only waiting.
      if (run.status !== "cancelling") fresh.push(run);
    }
    let cancelled = false;
    if (fresh.length > 0 && rounds < MAX_ROUNDS) {
      rounds++;
      await cancelRound(fresh);
      cancelled = true;
    } else {
      for (const run of fresh) {
        fail(
          run.id,
          new ThreadRunError(
            `run ${run.id} is still active after ${MAX_ROUNDS} rounds of cancels on ${threadId} ` +
              "(are runs being started on it meanwhile?)",
          ),
        );
      }
    }
    const stopping = [...tracked.values()].some((entry) => entry.state === "stopping");
    // Done once a look after the last cancels shows nothing left to stop.
    if (!cancelled && !stopping) break;
    interval = changed ? timing.initialMs : Math.min(timing.ceilingMs, interval * 1.5);
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    // Looks are spaced from start to start: after a long round of cancels the next comes at once.
    const pause = Math.max(0, lookedAt + (look.serverPauseMs ?? interval) - Date.now());
    if (pause >= remaining) {
      // The next look would fall at or past the deadline: sleep to it and stop looking. Not a
      // check of the clock after the sleep: a timer may fire a millisecond before Date.now()
      // gets there, and a look started then is only cut at once.
      await sleep(remaining, signal);
      break;
    }
    await sleep(pause, signal);
  }

  const stopped: ThreadRun[] = [];
  const failures: CancelActiveFailure[] = [];
  for (const { run, state, error } of tracked.values()) {
    if (state === "stopped") stopped.push(run);
    else if (state === "failed") failures.push({ runId: run.id, error });
    else
      failures.push({
        runId: run.id,
        error: lookFailure ? lookFailure.error : timedOut(run.id, timing.timeoutMs, run),
      });
  }
  if (failures.length > 0) throw new CancelActiveError(threadId, stopped, failures);
  return stopped;
}

/**
 * Every run of the thread, one request per page of 100; "deadline" when the deadline passed first.
 */
async function lookAt(
  runs: Runs,
  threadId: string,
  request: RequestOptions,
  limit: DeadlineSignal,
): Promise<{ runs: ThreadRun[]; serverPauseMs: number | undefined } | "deadline"> {
  // Past the deadline the list is refused before it is sent (its signal has aborted): no check
  // of the clock here.
  const seen: ThreadRun[] = [];
  let serverPauseMs: number | undefined;
  try {
    const list = runs.list(threadId, { ...request, signal: limit.signal, limit: PAGE_SIZE });
    for await (const page of list.pages()) {
      serverPauseMs ??= serverPause(page);
      seen.push(...page.data);
    }
  } catch (error) {
    if (limit.passed()) return "deadline";
    throw error;
  }
  return { runs: seen, serverPauseMs };
}
