import type { ThreadRun, ThreadRunClient } from "../../index.js";
import { EXIT, UsageError } from "../errors.js";
import { describeRun, wire, type Output } from "../output.js";

export interface ListFlags {
  limit?: string | undefined;
  order?: string | undefined;
  all: boolean;
}

/** `threadrun list <thread_id> [--limit N] [--order asc|desc] [--all]`. */
export async function list(
  client: ThreadRunClient,
  out: Output,
  [threadId]: string[],
  flags: ListFlags,
): Promise<number> {
  const limit = flags.limit === undefined ? undefined : Number(flags.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 100)) {
    throw new UsageError(`--limit must be a whole number from 1 to 100, got ${flags.limit}`);
  }
  if (flags.order !== undefined && flags.order !== "asc" && flags.order !== "desc") {
    throw new UsageError(`--order must be asc or desc, got ${flags.order}`);
  }
  const listing = client.runs.list(threadId!, {
    ...(limit !== undefined ? { limit } : {}),
    ...(flags.order !== undefined ? { order: flags.order } : {}),
  });
  let runs: ThreadRun[];
  let more = false;
  if (flags.all) {
    runs = await listing.all();
  } else {
    const first = await listing.pages().next();
    runs = first.done ? [] : first.value.data;
    more = !first.done && first.value.hasMore;
  }
  if (out.json) out.data(runs.map(wire));
  for (const run of runs) out.say(describeRun(run));
  out.say(`${runs.length} run(s)${more ? " (more: use --all)" : ""}`);
  return EXIT.ok;
}
