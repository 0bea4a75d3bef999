import { deadlineSignal, type Context } from "../context.js";
import { EXIT } from "../errors.js";
import { describeRun, wire } from "../output.js";

/** `threadrun cancel-active <thread_id>`: exit 0 once no run on the thread is active. */
export async function cancelActive(ctx: Context, [threadId]: string[]): Promise<number> {
  const { out } = ctx;
  const stopped = await ctx.client.runs.cancelActive(threadId!, {
    ...(ctx.deadline.timeoutMs !== undefined ? { timeoutMs: ctx.deadline.remaining()! } : {}),
    ...deadlineSignal(ctx),
  });
  if (out.json) out.data(stopped.map(wire));
  for (const run of stopped) out.say(describeRun(run));
  out.say(
    stopped.length === 0
      ? `no active run on ${threadId}`
      : `stopped ${stopped.length} run(s); no run on ${threadId} is active`,
  );
  return EXIT.ok;
}
