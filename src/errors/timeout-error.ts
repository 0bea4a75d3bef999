import { ThreadRunError } from "./threadrun-error.js";
import type { ThreadRun } from "../model.js";

/**
 * A deadline passed: one attempt took longer than `timeoutMs` (headers and body together), or
 * `wait` reached its deadline before the run stopped; then `run` is the last state seen.
 * @category Errors
 */
export class TimeoutError extends ThreadRunError {
  override name = "TimeoutError";
  declare readonly timeoutMs: number;
  /** The last run seen, when waiting for a run timed out. */
  declare readonly run: ThreadRun | undefined;

  constructor(message: string, timeoutMs: number, run?: ThreadRun) {
    super(message);
    this.timeoutMs = timeoutMs;
    this.run = run;
  }
}
