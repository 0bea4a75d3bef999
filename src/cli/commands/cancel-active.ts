import type { ThreadRunClient } from "../../index.js";
import { EXIT } from "../errors.js";
import { describeRun, wire, type Output } from "../output.js";

/** `threadrun cancel-active <thread_id>`: exit 0 once no run on the thread is active. */
export async function cancelActive(
  client: ThreadRunClient,
  out: Output,
  [threadId]: string[],
  options: { timeoutMs: number | undefined },
): Promise<number> {
  const stopped = await client.runs.cancelActive(threadId!, {
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
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
