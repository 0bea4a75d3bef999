/**
 * Exit codes, the contract with scripts, and how an error maps onto them.
 */
import {
  ApiError,
  CancelActiveError,
  ConnectionError,
  ThreadRunError,
  TimeoutError,
} from "../index.js";

export const EXIT = {
  ok: 0,
  /** The API answered an error, or the network failed; cancel-many: some runs did not stop. */
  api: 1,
  /** Bad arguments, a bad id, a missing key: nothing was sent. */
  usage: 2,
  /** With --wait: the run ended, but not cancelled (it completed, failed, expired...). */
  notCancelled: 3,
  /** A time limit passed (--timeout-ms). */
  timeout: 4,
  /** Interrupted with Ctrl-C (SIGINT): 128 + 2, as shells report it. */
  interrupted: 130,
} as const;

/** A mistake in how the CLI was called; the message is shown with a pointer to --help. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The exit code and message for anything a command threw. */
export function classify(error: unknown): { code: number; message: string } {
  if (error instanceof UsageError) return { code: EXIT.usage, message: error.message };
  if (error instanceof TimeoutError) return { code: EXIT.timeout, message: error.message };
  // cancel-active: every run that did not stop was still stopping at the deadline.
  if (
    error instanceof CancelActiveError &&
    error.failures.every((failure) => failure.error instanceof TimeoutError)
  ) {
    return { code: EXIT.timeout, message: error.message };
  }
  if (error instanceof ApiError || error instanceof ConnectionError) {
    return { code: EXIT.api, message: error.message };
  }
  // The client refuses bad ids and options with TypeError / RangeError before sending anything.
  if (error instanceof TypeError || error instanceof RangeError) {
    return { code: EXIT.usage, message: error.message };
  }
  if (error instanceof ThreadRunError) return { code: EXIT.api, message: error.message };
  return { code: EXIT.api, message: error instanceof Error ? error.message : String(error) };
}
