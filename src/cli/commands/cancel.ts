import type { ThreadRunClient } from "../../index.js";
import { EXIT } from "../errors.js";
import { describeRun, statusLine, wire, type Output } from "../output.js";

/** `threadrun cancel <thread_id> <run_id> [--wait]`. */
export async function cancel(
  client: ThreadRunClient,
  out: Output,
  [threadId, runId]: string[],
  options: { wait: boolean; timeoutMs: number | undefined },
): Promise<number> {
  if (!options.wait) {
    const run = await client.runs.cancel(threadId!, runId!);
    if (out.json) out.data(wire(run));
    else out.say(describeRun(run));
    return EXIT.ok;
  }
  const line = statusLine();
  try {
    const run = await client.runs.cancelAndWait(threadId!, runId!, {
      onStatus: (r) => line.update(r),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    });
    line.end();
    if (out.json) out.data(wire(run));
    else out.say(describeRun(run));
    if (run.status === "cancelled") return EXIT.ok;
    out.say(`run ${run.id} ended ${run.status}, not cancelled`);
    return EXIT.notCancelled;
  } finally {
    line.end();
  }
}
