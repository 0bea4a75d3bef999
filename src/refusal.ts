/**
 * The server's refusal to cancel a run that is not active: `Cannot cancel run with status '<status>'`
 * (400 on OpenAI; some compatible servers answer 409). Read in one place for cancel, cancelAndWait
 * and cancelMany.
 */
import { ApiError } from "./errors/api-error.js";
import { isTerminalStatus } from "./model.js";

const CANNOT_CANCEL = /Cannot cancel run with status '([^']*)'/;

/** The status a cancel refusal names, or `undefined` when the error is not such a refusal. */
export function cancelRefusedStatus(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 409))
    return undefined;
  return CANNOT_CANCEL.exec(error.serverMessage)?.[1];
}

/**
 * Whether an error answer is a cancel refusal sent as 409: a definite answer, so the retry loop
 * does not send the cancel again (409 is otherwise retried, as a conflict that may clear).
 */
export function isRefusalAnswer(status: number, body: string): boolean {
  return status === 409 && CANNOT_CANCEL.test(body);
}

/**
 * Whether the error refuses a cancel because the run already stopped or is stopping, so there is
 * nothing left for a cancel to do. A refusal naming an unknown status is not: the run may stay
 * active, and the caller must hear about it.
 */
export function refusedAsStopped(error: unknown): boolean {
  const status = cancelRefusedStatus(error);
  return status !== undefined && (status === "cancelling" || isTerminalStatus(status));
}
