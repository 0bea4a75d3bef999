import type { ThreadRunClient } from "../../index.js";
import { EXIT } from "../errors.js";
import { describeRun, wire, type Output } from "../output.js";

/** `threadrun get <thread_id> <run_id>`. */
export async function get(
  client: ThreadRunClient,
  out: Output,
  [threadId, runId]: string[],
): Promise<number> {
  const run = await client.runs.get(threadId!, runId!);
  if (out.json) out.data(wire(run));
  else out.say(describeRun(run));
  return EXIT.ok;
}
