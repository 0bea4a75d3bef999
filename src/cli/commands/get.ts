import { deadlineSignal, type Context } from "../context.js";
import { EXIT } from "../errors.js";
import { describeRun, wire } from "../output.js";

/** `threadrun get <thread_id> <run_id>`. */
export async function get(ctx: Context, [threadId, runId]: string[]): Promise<number> {
  const run = await ctx.client.runs.get(threadId!, runId!, deadlineSignal(ctx));
  if (ctx.out.json) ctx.out.data(wire(run));
  else ctx.out.say(describeRun(run));
  return EXIT.ok;
}
