/**
 * Waiting for a run to stop, and the cancels that wait: a cancel answers `cancelling`, while what
 * a caller needs is the run stopped (the server refuses new messages on a thread while a run is
 * active).
 */
import { TimeoutError } from "./errors/timeout-error.js";
import { isTerminalStatus, type RunStatus, type ThreadRun } from "./model.js";
import { count, positive, type RequestOptions } from "./options.js";
import { refusedAsStopped } from "./refusal.js";
import { retryAfterMs } from "./retry.js";
import { responseInfo } from "./response-info.js";
import type { Runs } from "./runs.js";
import { sleep } from "./sleep.js";

/** Options of {@link RunsClient.wait} and the waiting part of the cancels. */
export interface WaitOptions {
  /**
   * The first pause between polls in ms. It grows by half after each poll that shows no change,
   * up to `maxIntervalMs`, and starts again at a status change. A server's
   * `openai-poll-after-ms` or `Retry-After` header overrides it.
   * @default 500
   */
  intervalMs?: number;
  /**
   * The longest pause between polls in ms.
   * @default 5000
   */
  maxIntervalMs?: number;
  /**
   * The deadline for the whole wait in ms; past it, a {@link TimeoutError} carrying the last run
   * seen is thrown. The run is not cancelled by it.
   * @default 600000 (10 minutes)
   */
  timeoutMs?: number;
  /** Stops waiting (not the run) and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called once for each status seen, the first one included, with the run at that moment. */
  onStatus?: (run: ThreadRun) => void;
  /**
   * The options of each poll request (its own time limit, retries, headers).
   * @default the client's
   */
  request?: Omit<RequestOptions, "signal">;
}

export type Settled = "terminal" | "terminal-or-action";

interface WaitState {
  last: ThreadRun | undefined;
}

/** Checks the wait options and applies their defaults. */
function waitSettings(options: WaitOptions): {
  initial: number;
  ceiling: number;
  timeoutMs: number;
} {
  const initial = positive(options.intervalMs, 500, "intervalMs");
  const ceiling = Math.max(initial, positive(options.maxIntervalMs, 5_000, "maxIntervalMs"));
  const timeoutMs = positive(options.timeoutMs, 600_000, "timeoutMs");
  if (options.onStatus !== undefined && typeof options.onStatus !== "function") {
    throw new TypeError("onStatus must be a function");
  }
  if (options.request?.maxRetries !== undefined) {
    count(options.request.maxRetries, 0, "request.maxRetries");
  }
  return { initial, ceiling, timeoutMs };
}

/** Polls until the run is terminal (or, for `terminal-or-action`, needs action). */
export async function waitFor(
  runs: Runs,
  threadId: string,
  runId: string,
  options: WaitOptions,
  until: Settled,
  first?: ThreadRun,
  startedAt: number = Date.now(),
): Promise<ThreadRun> {
  const { initial, ceiling, timeoutMs } = waitSettings(options);
  const { signal, onStatus } = options;
  const deadline = startedAt + timeoutMs;
  const state: WaitState = { last: undefined };
  let interval = initial;
  let status: RunStatus | undefined;
  let run = first;

  for (;;) {
    if (signal?.aborted) throw signal.reason;
    if (run === undefined) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw timedOut(runId, timeoutMs, state.last);
      const requestTimeout = Math.min(
        options.request?.timeoutMs ?? Number.POSITIVE_INFINITY,
        remaining,
      );
      try {
        run = await runs.get(threadId, runId, {
          ...options.request,
          ...(Number.isFinite(requestTimeout) ? { timeoutMs: Math.max(1, requestTimeout) } : {}),
          ...(signal ? { signal } : {}),
        });
      } catch (error) {
        if (error instanceof TimeoutError && Date.now() >= deadline)
          throw timedOut(runId, timeoutMs, state.last);
        throw error;
      }
    }
    state.last = run;
    if (run.status !== status) {
      status = run.status;
      interval = initial;
      onStatus?.(run);
    }
    if (
      isTerminalStatus(run.status) ||
      (until === "terminal-or-action" && run.status === "requires_action")
    ) {
      return run;
    }
    const delay = Math.max(1, serverPause(run) ?? interval);
    interval = Math.min(ceiling, interval * 1.5);
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw timedOut(runId, timeoutMs, run);
    // Sleep to the deadline at most; the next turn then gives up with the last run seen.
    await sleep(Math.min(delay, remaining), signal);
    run = undefined;
  }
}

/** The pause a server asked for on its last answer: `openai-poll-after-ms`, else `Retry-After`. */
function serverPause(run: ThreadRun): number | undefined {
  const headers = responseInfo(run)?.headers;
  if (!headers) return undefined;
  // An empty header is absent, not 0 (Number("") is 0, which would poll every millisecond).
  const value = headers.get("openai-poll-after-ms")?.trim();
  const poll = value ? Number(value) : Number.NaN;
  if (Number.isFinite(poll) && poll >= 0) return poll;
  return retryAfterMs(headers) ?? undefined;
}

function timedOut(runId: string, timeoutMs: number, last: ThreadRun | undefined): TimeoutError {
  return new TimeoutError(
    `Run ${runId} did not stop within ${timeoutMs} ms${last ? ` (last status: ${last.status})` : ""}`,
    timeoutMs,
    last,
  );
}

/**
 * Cancels, then waits until the run is terminal. A run that completes before the cancel lands
 * resolves as `completed`; a run that had already ended resolves as it is.
 */
export async function cancelThenWait(
  runs: Runs,
  threadId: string,
  runId: string,
  options: WaitOptions,
): Promise<ThreadRun> {
  // Bad options are refused before the cancel is sent, not after it landed.
  waitSettings(options);
  // The deadline covers the cancel request too, not only the polls after it.
  const startedAt = Date.now();
  let run: ThreadRun | undefined;
  try {
    run = await runs.cancel(threadId, runId, {
      ...options.request,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    // Already stopped or stopping: not an error for a caller who wants the run stopped.
    // Already stopped or stopping: not an error for a caller who wants the run stopped. Any other
    // refusal (a status this version does not know) would leave us waiting for nothing.
    if (!refusedAsStopped(error)) throw error;
  }
  return waitFor(runs, threadId, runId, options, "terminal", run, startedAt);
}
