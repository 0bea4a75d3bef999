import type { ThreadRun } from "../../index.js";
import { oneOf, wholeNumber } from "../../validate.js";
import { numberFlag } from "../args.js";
import { deadlineSignal, type Context } from "../context.js";
import { EXIT } from "../errors.js";
import { describeRun, wire } from "../output.js";

export interface ListFlags {
  limit?: string | undefined;
  order?: string | undefined;
}

export interface ListQuery {
  limit?: number | undefined;
  order?: "asc" | "desc" | undefined;
}

/** `--limit` and `--order`, checked with the client's rules before anything is sent. */
export function listQuery(flags: ListFlags): ListQuery {
  return {
    limit:
      flags.limit === undefined
        ? undefined
        : wholeNumber(numberFlag(flags.limit), "--limit", 20, { min: 1, max: 100 }),
    order:
      flags.order === undefined
        ? undefined
        : oneOf(flags.order, "--order", ["asc", "desc"], "desc"),
  };
}

/** `threadrun list <thread_id> [--limit N] [--order asc|desc] [--all]`. */
export async function list(
  ctx: Context,
  [threadId]: string[],
  options: ListQuery & { all: boolean },
): Promise<number> {
  const { out } = ctx;
  const listing = ctx.client.runs.list(threadId!, {
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    ...(options.order !== undefined ? { order: options.order } : {}),
    ...deadlineSignal(ctx),
  });
  let runs: ThreadRun[];
  let more = false;
  if (options.all) {
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
