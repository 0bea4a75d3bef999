import type { ThreadRun } from "../model.js";
import { ThreadRunError } from "./threadrun-error.js";

/**
 * One run `cancelActive` could not stop, and why.
 * @category Errors
 */
export interface CancelActiveFailure {
  runId: string;
  /**
   * Why it did not stop: its cancel's error (an {@link ApiError}, a `ConnectionError`...), a
   * {@link TimeoutError} carrying the last run seen when the deadline passed while it was still
   * stopping, or a `ThreadRunError` when runs kept appearing on the thread.
   */
  error: unknown;
}

/**
 * `cancelActive` stopped some runs but not all. Every run it could stop was stopped (a run that
 * failed did not hold the others back); `stopped` has them in their final state and `failures`
 * says which runs did not stop, and why.
 * @category Errors
 */
export class CancelActiveError extends ThreadRunError {
  override name = "CancelActiveError";
  declare readonly threadId: string;
  /** The runs that were active and are now terminal. */
  declare readonly stopped: ThreadRun[];
  /** The runs that may still be active, each with its error. */
  declare readonly failures: CancelActiveFailure[];

  constructor(threadId: string, stopped: ThreadRun[], failures: CancelActiveFailure[]) {
    super(
      `cancelActive: ${failures.length} of ${failures.length + stopped.length} active runs on ` +
        `${threadId} did not stop: ${listed(failures)}; ${stopped.length} stopped`,
    );
    this.threadId = threadId;
    this.stopped = stopped;
    this.failures = failures;
  }
}

/** The first few failures as `run_a (InternalServerError: ...)`, then how many more. */
function listed(failures: CancelActiveFailure[]): string {
  const SHOWN = 3;
  const parts = failures.slice(0, SHOWN).map(({ runId, error }) => `${runId} (${brief(error)})`);
  if (failures.length > SHOWN) parts.push(`and ${failures.length - SHOWN} more`);
  return parts.join(", ");
}

function brief(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const message = error.message.length > 120 ? `${error.message.slice(0, 117)}...` : error.message;
  return `${error.name}: ${message}`;
}
