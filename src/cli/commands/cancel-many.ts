/**
 * `threadrun cancel-many [FILE|-]`: cancels the runs a file (or stdin) lists through
 * `cancelMany` (bounded concurrency, one shared pacer), with live progress, one JSON line per run
 * with --json, an optional journal to resume from, and a Ctrl-C that loses nothing.
 */
import { isTerminalStatus, type ThreadRun } from "../../index.js";
import { nonEmptyString } from "../../validate.js";
import type { Flags } from "../args.js";
import type { Context } from "../context.js";
import { EXIT } from "../errors.js";
import { onInterrupt } from "../interrupt.js";
import { InterruptedError } from "../interrupted-error.js";
import { Journal } from "../journal.js";
import { Progress } from "../progress.js";
import { errorFacts, type ResultLine } from "../result-line.js";
import type { InputRun } from "../run-input.js";
import { checkReadable, countRecords, readRecords } from "../run-source.js";

export interface CancelManySettings {
  /** The file to read; `undefined` reads stdin. */
  file: string | undefined;
  concurrency: number;
  /** `--max-rps`, cancelMany's `maxRequestsPerSecond`. */
  maxRps: number | undefined;
  wait: boolean;
  journal: string | undefined;
}

/**
 * The flags of cancel-many of its own, checked before anything is sent (and before the key);
 * `--concurrency` and `--max-rps` are checked with the other API flags (api-settings.ts).
 */
export function cancelManySettings(
  values: Flags,
  file: string | undefined,
): Omit<CancelManySettings, "concurrency" | "maxRps"> {
  const settings = {
    file: file === "-" ? undefined : file,
    wait: values.wait,
    journal: nonEmptyString(values.journal, "--journal", undefined),
  };
  if (settings.file !== undefined) checkReadable(settings.file);
  return settings;
}

/** What happened so far; the progress line and the summary read it. */
interface Tally {
  done: number;
  failed: number;
  stopped: number;
  malformed: number;
  /** Left out because the journal says they were stopped. */
  skipped: number;
  /** Taken, then aborted in flight (second Ctrl-C, or --timeout-ms). */
  aborted: number;
  /** Runs and malformed lines to go through, once known. */
  total: number | undefined;
}

export async function cancelMany(ctx: Context, settings: CancelManySettings): Promise<number> {
  const { client, out, deadline, traffic } = ctx;
  const started = performance.now();
  const journal =
    settings.journal === undefined ? undefined : Journal.open(settings.journal, settings.wait);
  const skip = (threadId: string, runId: string) => journal?.stopped(threadId, runId) === true;
  const tally: Tally = {
    done: 0,
    failed: 0,
    stopped: 0,
    malformed: 0,
    skipped: 0,
    aborted: 0,
    total: settings.file === undefined ? undefined : await countRecords(settings.file, skip),
  };
  const progress = new Progress({
    label: "cancel-many",
    counts: () => tally,
    traffic,
    stream: process.stderr,
  });
  if (journal !== undefined && journal.unreadable > 0) {
    progress.note(`threadrun: ${journal.unreadable} unreadable line(s) in the journal, ignored`);
  }

  // The first Ctrl-C stops taking runs; the second, or the deadline, aborts those in flight.
  const stopTaking = new AbortController();
  const abort = new AbortController();
  const signal =
    deadline.signal === undefined ? abort.signal : AbortSignal.any([abort.signal, deadline.signal]);
  const stopInterrupts = onInterrupt(
    () => {
      stopTaking.abort();
      progress.note(
        "threadrun: interrupted: taking no new runs; finishing those in flight (Ctrl-C again to abort them)",
      );
    },
    () => abort.abort(new InterruptedError("interrupted: requests in flight aborted")),
  );

  const finished = (result: ResultLine) => {
    tally.done++;
    if (result.ok) tally.stopped++;
    else tally.failed++;
    journal?.record(result);
    if (out.json) out.line(result);
    if (!result.ok) progress.note(`failed: ${describeFailure(result)}`);
  };
  const succeeded = (item: InputRun, run: ThreadRun) =>
    finished({
      thread_id: item.threadId,
      run_id: item.runId,
      line: item.line,
      ok: true,
      status: run.status,
    });
  const failed = (item: InputRun, error: unknown) => {
    if (signal.aborted && error === signal.reason) {
      // Not finished: its cancel may or may not have landed. Not journaled, so a re-run sends it.
      tally.aborted++;
      if (out.json) out.line(failureLine(item, error));
      return;
    }
    finished(failureLine(item, error));
  };

  async function* runs(): AsyncGenerator<InputRun> {
    let seen = 0;
    for await (const record of readRecords(settings.file, stopTaking.signal)) {
      if (stopTaking.signal.aborted || signal.aborted) return;
      if (!record.ok) {
        seen++;
        tally.malformed++;
        finished({
          thread_id: null,
          run_id: null,
          line: record.line,
          ok: false,
          error: {
            class: "InputError",
            status: null,
            message: `line ${record.line}: ${record.message}`,
            request_id: null,
          },
        });
        continue;
      }
      if (skip(record.run.threadId, record.run.runId)) {
        tally.skipped++;
        continue;
      }
      seen++;
      yield record.run;
    }
    if (!stopTaking.signal.aborted) tally.total = seen;
  }

  /** --wait: polls a run whose cancel answered `cancelling` until it has stopped. */
  const waitUntilStopped = async (item: InputRun): Promise<void> => {
    try {
      const run = await client.runs.wait(item.threadId, item.runId, {
        signal,
        ...(deadline.timeoutMs !== undefined ? { timeoutMs: deadline.remaining()! } : {}),
      });
      if (isTerminalStatus(run.status)) succeeded(item, run);
      else failed(item, new Error(`the run is ${run.status}: it needs action and did not stop`));
    } catch (error) {
      failed(item, error);
    }
  };

  // Log lines (--verbose) go above the live line, not through it.
  ctx.logger.through = (line) => progress.note(line);
  progress.start();
  let stoppedBy: unknown;
  const waiting = new Set<Promise<void>>();
  try {
    const results = client.runs.cancelMany(runs(), {
      concurrency: settings.concurrency,
      signal,
      ...(ctx.maxRetries !== undefined ? { maxRetries: ctx.maxRetries } : {}),
      ...(settings.maxRps !== undefined ? { maxRequestsPerSecond: settings.maxRps } : {}),
    });
    for await (const result of results) {
      if (!result.ok) failed(result.item, result.error);
      else if (!settings.wait || isTerminalStatus(result.run.status)) {
        succeeded(result.item, result.run);
      } else {
        const waited: Promise<void> = waitUntilStopped(result.item).finally(() =>
          waiting.delete(waited),
        );
        waiting.add(waited);
        // As many waits as cancels in flight: the waits hold the cancels back, not memory.
        if (waiting.size >= settings.concurrency) await Promise.race(waiting);
      }
    }
    await Promise.all(waiting);
  } catch (error) {
    await Promise.allSettled(waiting);
    if (!(signal.aborted && error === signal.reason)) throw error;
    stoppedBy = error;
  } finally {
    stopInterrupts();
    progress.stop();
    journal?.close();
  }

  const interrupted = stopTaking.signal.aborted || stoppedBy instanceof InterruptedError;
  out.say(summary(tally, traffic, performance.now() - started, settings.journal, interrupted));
  if (interrupted) return EXIT.interrupted;
  if (stoppedBy !== undefined) {
    out.say(`threadrun: ${stoppedBy instanceof Error ? stoppedBy.message : String(stoppedBy)}`);
    return EXIT.timeout;
  }
  return tally.failed > 0 ? EXIT.api : EXIT.ok;
}

function failureLine(item: InputRun, error: unknown): ResultLine {
  return {
    thread_id: item.threadId,
    run_id: item.runId,
    line: item.line,
    ok: false,
    error: errorFacts(error),
  };
}

/** `line 12 thread_a run_b: NotFoundError: 404 No run found ... (request id req_1)`. */
function describeFailure(result: ResultLine & { ok: false }): string {
  const where =
    result.run_id === null ? "" : `line ${result.line} ${result.thread_id} ${result.run_id}: `;
  return `${where}${result.error.class === "InputError" ? "" : `${result.error.class}: `}${result.error.message}`;
}

/** The closing line of counts on stderr. */
function summary(
  tally: Tally,
  traffic: { requests: number; rateLimited: number },
  elapsedMs: number,
  journal: string | undefined,
  interrupted: boolean,
): string {
  const n = (value: number) => value.toLocaleString("en-US");
  const parts = [`${n(tally.stopped)} stopped`, `${n(tally.failed)} failed`];
  if (tally.malformed > 0) parts[1] += ` (${n(tally.malformed)} malformed line(s))`;
  if (journal !== undefined) parts.push(`${n(tally.skipped)} skipped (stopped per ${journal})`);
  if (tally.aborted > 0) {
    parts.push(
      `${n(tally.aborted)} aborted in flight (their cancel may have landed; run again to be sure)`,
    );
  }
  if (interrupted && tally.total !== undefined && tally.done + tally.aborted < tally.total) {
    parts.push(`${n(tally.total - tally.done - tally.aborted)} not started`);
  }
  const traffic_ = `${n(traffic.requests)} requests, ${n(traffic.rateLimited)} × 429, ${(elapsedMs / 1000).toFixed(1)} s`;
  return `cancel-many: ${interrupted ? "interrupted: " : ""}${parts.join(", ")}; ${traffic_}`;
}
