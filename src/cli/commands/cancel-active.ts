import { CancelActiveError, isTerminalStatus, type ThreadRun } from "../../index.js";
import type { Context } from "../context.js";
import { EXIT, classify } from "../errors.js";
import { describeRun, wire } from "../output.js";
import { Progress } from "../progress.js";

/**
 * cancelActive reports the runs still stopping at its own deadline (the command's) one by one; the
 * command's signal comes this much later, only to end whatever would outlive it.
 */
const OWN_DEADLINE_FIRST_MS = 250;

/**
 * `threadrun cancel-active <thread_id>`: exit 0 once no run on the thread is active. Live progress
 * as cancel-many shows it (runs stopped of those found active); each run that did not stop is
 * listed with its error.
 */
export async function cancelActive(
  ctx: Context,
  [threadId]: string[],
  options: { concurrency: number | undefined; maxRps: number | undefined },
): Promise<number> {
  const { out, deadline } = ctx;
  const found = new Set<string>();
  const stopped = new Set<string>();
  const counts = { done: 0, failed: 0, total: 0 };
  const progress = new Progress({
    label: "cancel-active",
    counts: () => counts,
    traffic: ctx.traffic,
    stream: process.stderr,
  });
  const onStatus = (run: ThreadRun) => {
    found.add(run.id);
    if (isTerminalStatus(run.status)) stopped.add(run.id);
    counts.total = found.size;
    counts.done = stopped.size;
  };
  // Log lines (--verbose) go above the live line, not through it.
  ctx.logger.through = (line) => progress.note(line);
  progress.start();
  let runs: ThreadRun[];
  try {
    runs = await ctx.client.runs.cancelActive(threadId!, {
      onStatus,
      onProgress: (p) => void (counts.failed = p.failed),
      ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
      ...(options.maxRps !== undefined ? { maxRequestsPerSecond: options.maxRps } : {}),
      ...(ctx.maxRetries !== undefined ? { maxRetries: ctx.maxRetries } : {}),
      ...(deadline.timeoutMs !== undefined
        ? {
            timeoutMs: deadline.remaining()!,
            signal: deadline.after(OWN_DEADLINE_FIRST_MS)!,
          }
        : {}),
    });
  } catch (error) {
    progress.stop();
    if (!(error instanceof CancelActiveError)) throw error;
    for (const { runId, error: why } of error.failures) {
      out.say(
        `failed: ${runId}: ${why instanceof Error ? why.name : "Error"}: ${classify(why).message}`,
      );
    }
    if (out.json) out.data(error.stopped.map(wire));
    for (const run of error.stopped) out.say(describeRun(run));
    out.say(
      `cancel-active: ${error.stopped.length} stopped, ${error.failures.length} did not stop on ${threadId!}`,
    );
    return classify(error).code;
  }
  progress.stop();
  if (out.json) out.data(runs.map(wire));
  for (const run of runs) out.say(describeRun(run));
  out.say(
    runs.length === 0
      ? `no active run on ${threadId}`
      : `stopped ${runs.length} run(s); no run on ${threadId} is active`,
  );
  return EXIT.ok;
}
