/** What every API command gets: the client, where to write, the deadline and the traffic counts. */
import type { ThreadRunClient } from "../index.js";
import type { Deadline } from "./deadline.js";
import type { StderrLogger } from "./log.js";
import type { Output } from "./output.js";
import type { Traffic } from "./traffic.js";

export interface Context {
  client: ThreadRunClient;
  out: Output;
  /** `--timeout-ms`, for the whole command. */
  deadline: Deadline;
  traffic: Traffic;
  /** `--max-retries`, when given. */
  maxRetries: number | undefined;
  /** The client's log lines (`--verbose`), on stderr; a live progress line puts them above it. */
  logger: StderrLogger;
}

/** `{ signal }` of the command's deadline, or nothing when it has none (no signal costs nothing). */
export function deadlineSignal(ctx: Context): { signal?: AbortSignal } {
  return ctx.deadline.signal === undefined ? {} : { signal: ctx.deadline.signal };
}
