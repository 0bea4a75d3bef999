import { ApiError, isTerminalStatus, type ThreadRun } from "../../index.js";
import { deadlineSignal, type Context } from "../context.js";
import { timedOut } from "../deadline.js";
import { EXIT } from "../errors.js";
import { describeRun, statusLine, wire } from "../output.js";

/**
 * `threadrun cancel <thread_id> <run_id> [--wait]`. Idempotent: a run already cancelling or ended
 * exits 0 and says so, as cancelMany counts it, so re-running a batch does not fail its items.
 */
export async function cancel(
  ctx: Context,
  [threadId, runId]: string[],
  options: { wait: boolean },
): Promise<number> {
  const { client, out } = ctx;
  if (!options.wait) {
    let run: ThreadRun;
    try {
      run = await client.runs.cancel(threadId!, runId!, deadlineSignal(ctx));
    } catch (error) {
      const stopped = await alreadyStopped(ctx, error, threadId!, runId!);
      if (stopped === undefined) throw error;
      out.say(`${runId!}: already ${stopped.status}; nothing to cancel`);
      if (out.json) out.data(wire(stopped));
      return EXIT.ok;
    }
    if (out.json) out.data(wire(run));
    else out.say(describeRun(run));
    return EXIT.ok;
  }
  const line = statusLine();
  let last: string | undefined;
  try {
    const run = await client.runs.cancelAndWait(threadId!, runId!, {
      onStatus: (r) => {
        last = r.status;
        line.update(r);
      },
      ...(ctx.deadline.timeoutMs !== undefined ? { timeoutMs: ctx.deadline.remaining()! } : {}),
      ...deadlineSignal(ctx),
    });
    line.end();
    if (out.json) out.data(wire(run));
    else out.say(describeRun(run));
    if (run.status === "cancelled") return EXIT.ok;
    out.say(`run ${run.id} ended ${run.status}, not cancelled`);
    return EXIT.notCancelled;
  } catch (error) {
    // The deadline may abort a poll before the wait's own limit says which status it last saw.
    if (error === ctx.deadline.signal?.reason) throw timedOut(ctx.deadline.timeoutMs!, last);
    throw error;
  } finally {
    line.end();
  }
}

/**
 * The run as it is now, when the server refused the cancel because there was nothing left to
 * cancel (it is cancelling, or has ended); else `undefined`. Decided by the run's status, not by
 * the wording of the refusal.
 */
async function alreadyStopped(
  ctx: Context,
  error: unknown,
  threadId: string,
  runId: string,
): Promise<ThreadRun | undefined> {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 409)) {
    return undefined;
  }
  const run = await ctx.client.runs
    .get(threadId, runId, deadlineSignal(ctx))
    .catch(() => undefined);
  return run !== undefined && (run.status === "cancelling" || isTerminalStatus(run.status))
    ? run
    : undefined;
}
