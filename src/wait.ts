/**
 * Waiting for a run to stop, and the cancel that waits: a cancel answers `cancelling`, while what
 * a caller needs is the run stopped (the server refuses new messages on a thread while a run is
 * active).
 */
import { nestedRequest, optionsOf } from "./call-options.js";
import { TimeoutError } from "./errors/timeout-error.js";
import { isTerminalStatus, type RunStatus, type ThreadRun } from "./model.js";
import type { RequestOptions } from "./options.js";
import { refusedAsStopped } from "./refusal.js";
import { responseInfo } from "./response-info.js";
import { retryAfterMs } from "./retry.js";
import type { Runs } from "./runs.js";
import { MAX_TIMER_MS, sleep } from "./sleep.js";
import { duration, optionalFunction, optionalSignal } from "./validate.js";

/**
 * Options of {@link Runs.wait} and {@link Runs.cancelAndWait}.
 * @category Waiting and bulk
 */
export interface WaitOptions {
  /**
   * The first pause between polls in ms. It grows by half after each poll that shows no change,
   * up to `maxIntervalMs`, and starts again at a status change. A server's
   * `openai-poll-after-ms` or `Retry-After` header overrides it.
   * @default 500
   */
  intervalMs?: number | undefined;
  /**
   * The longest pause between polls in ms.
   * @default 5000
   */
  maxIntervalMs?: number | undefined;
  /**
   * The deadline for the whole wait in ms (the cancel request of `cancelAndWait` included); past
   * it, a {@link TimeoutError} carrying the last run seen is thrown. The run is not cancelled by it.
   * @default 600000 (10 minutes)
   */
  timeoutMs?: number | undefined;
  /** Stops waiting (not the run) and rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /**
   * Called once for each status seen, the first one included, with the run at that moment. A
   * promise it returns is awaited before the next poll. If it throws or rejects, the wait ends
   * and rejects with that error.
   * @default undefined
   */
  onStatus?: ((run: ThreadRun) => void) | undefined;
  /**
   * The options of each request (its own time limit, retries, headers); the signal is the one
   * above.
   * @default the client's
   */
  request?: Omit<RequestOptions, "signal"> | undefined;
}

/** What a wait may stop at: only a terminal status, or also `requires_action`. */
export type Settled = "terminal" | "terminal-or-action";

/** The pacing of polls: checked, with defaults applied. */
export interface PollTiming {
  initialMs: number;
  ceilingMs: number;
  timeoutMs: number;
}

/** Checked wait options. */
export interface WaitSettings extends PollTiming {
  signal: AbortSignal | undefined;
  onStatus: ((run: ThreadRun) => void) | undefined;
  request: RequestOptions;
}

const WAIT_KEYS: readonly string[] = [
  "intervalMs",
  "maxIntervalMs",
  "timeoutMs",
  "signal",
  "onStatus",
  "request",
];

/** The keys of a wait's `request`: every request option but the signal. */
const WAIT_REQUEST_KEYS: readonly string[] = ["timeoutMs", "maxRetries", "headers"];

/** Checks wait options completely (`method` names the call in messages) and applies defaults. */
export function waitSettings(options: unknown, method: string): WaitSettings {
  const given = optionsOf(options, WAIT_KEYS, method);
  return {
    ...pollTiming(given),
    signal: optionalSignal(given["signal"], "signal"),
    onStatus: optionalFunction(given["onStatus"], "onStatus"),
    request: nestedRequest(given["request"], WAIT_REQUEST_KEYS),
  };
}

/** Reads and checks `intervalMs`, `maxIntervalMs` and `timeoutMs`. */
export function pollTiming(
  given: Readonly<Record<string, unknown>>,
  defaultIntervalMs = 500,
): PollTiming {
  const initialMs = duration(given["intervalMs"], "intervalMs", defaultIntervalMs);
  const maxIntervalMs = duration(given["maxIntervalMs"], "maxIntervalMs", 5_000);
  return {
    initialMs,
    ceilingMs: Math.max(initialMs, maxIntervalMs),
    timeoutMs: duration(given["timeoutMs"], "timeoutMs", 600_000),
  };
}

/** What to wait for, with checked settings. */
export interface WaitJob {
  threadId: string;
  runId: string;
  settings: WaitSettings;
  /** @default "terminal" */
  until?: Settled;
  /** The run as already known (the cancel's answer): its status is reported without a poll. */
  first?: ThreadRun | undefined;
  /** When the deadline started. @default now */
  startedAt?: number;
}

/** Polls until the run is terminal (or, for `terminal-or-action`, needs action). */
export async function waitFor(runs: Runs, job: WaitJob): Promise<ThreadRun> {
  const { threadId, runId, settings, until = "terminal" } = job;
  const { initialMs, ceilingMs, timeoutMs, signal, onStatus, request } = settings;
  const deadline = (job.startedAt ?? Date.now()) + timeoutMs;
  let last: ThreadRun | undefined;
  let interval = initialMs;
  let status: RunStatus | undefined;
  let run = job.first;

  const limit = deadlineSignal(deadline, signal);
  try {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      if (run === undefined) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) throw timedOut(runId, timeoutMs, last);
        try {
          run = await runs.get(threadId, runId, { ...request, signal: limit.signal });
        } catch (error) {
          if (limit.passed()) throw timedOut(runId, timeoutMs, last);
          throw error;
        }
      }
      last = run;
      if (run.status !== status) {
        status = run.status;
        interval = initialMs;
        // A throw or a rejection ends the wait with the callback's error.
        await onStatus?.(run);
      }
      if (
        isTerminalStatus(run.status) ||
        (until === "terminal-or-action" && run.status === "requires_action")
      ) {
        return run;
      }
      const delay = Math.max(1, serverPause(run) ?? interval);
      interval = Math.min(ceilingMs, interval * 1.5);
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw timedOut(runId, timeoutMs, run);
      if (delay >= remaining) {
        // The next poll would fall at or past the deadline: sleep to it and give up with the last
        // run seen. Not a check of the clock after the sleep: a timer may fire a millisecond
        // before Date.now() reaches the deadline, and the poll sent then would be cut at once.
        await sleep(remaining, signal);
        throw timedOut(runId, timeoutMs, run);
      }
      await sleep(delay, signal);
      run = undefined;
    }
  } finally {
    limit.dispose();
  }
}

/** The signal of a call's deadline, with the caller's; see {@link deadlineSignal}. */
export interface DeadlineSignal {
  /** Aborts with the caller's signal, or when the deadline passes. */
  signal: AbortSignal;
  /** Whether the deadline has passed, and the caller has not aborted (a caller's abort wins). */
  passed: () => boolean;
  /** Clears the timer: call it when the call ends, so nothing keeps the process alive. */
  dispose: () => void;
}

/**
 * A signal that aborts with the caller's or when `deadline` (epoch ms) passes, for the requests of
 * a wait or a cancelActive: a request in flight at the deadline ends there, and the transport does
 * not retry it past the deadline. A timer of setTimeout, not AbortSignal.timeout: it is cleared
 * when the call ends, and runs on the same clock as the sleeps it races. Past setTimeout's range
 * there is no timer; the checks between polls still hold.
 */
export function deadlineSignal(deadline: number, signal: AbortSignal | undefined): DeadlineSignal {
  const passed = new AbortController();
  const remaining = deadline - Date.now();
  const timer = remaining <= MAX_TIMER_MS ? setTimeout(() => passed.abort(), remaining) : undefined;
  return {
    signal: signal ? AbortSignal.any([signal, passed.signal]) : passed.signal,
    // A caller's abort wins: its reason is what the wait rejects with.
    passed: () => passed.signal.aborted && !signal?.aborted,
    dispose: () => clearTimeout(timer),
  };
}

/** The pause a server asked for on its last answer: `openai-poll-after-ms`, else `Retry-After`. */
export function serverPause(answered: object): number | undefined {
  const headers = responseInfo(answered)?.headers;
  if (!headers) return undefined;
  // An empty header is absent, not 0 (Number("") is 0, which would poll every millisecond).
  const value = headers.get("openai-poll-after-ms")?.trim();
  const poll = value ? Number(value) : Number.NaN;
  if (Number.isFinite(poll) && poll >= 0) return poll;
  return retryAfterMs(headers) ?? undefined;
}

/** The error of a wait past its deadline, carrying the last run seen. */
export function timedOut(
  runId: string,
  timeoutMs: number,
  last: ThreadRun | undefined,
): TimeoutError {
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
  job: Omit<WaitJob, "until" | "first" | "startedAt">,
): Promise<ThreadRun> {
  const { threadId, runId, settings } = job;
  // The deadline covers the cancel request too, not only the polls after it.
  const startedAt = Date.now();
  const limit = deadlineSignal(startedAt + settings.timeoutMs, settings.signal);
  let run: ThreadRun | undefined;
  try {
    run = await runs.cancel(threadId, runId, { ...settings.request, signal: limit.signal });
  } catch (error) {
    if (limit.passed()) throw timedOut(runId, settings.timeoutMs, undefined);
    // Already stopped or stopping: not an error for a caller who wants the run stopped. Any other
    // refusal (a status this version does not know) would leave us waiting for nothing.
    if (!refusedAsStopped(error)) throw error;
  } finally {
    limit.dispose();
  }
  return waitFor(runs, { threadId, runId, settings, until: "terminal", first: run, startedAt });
}
