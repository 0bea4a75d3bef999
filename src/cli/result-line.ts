/**
 * The line `cancel-many --json` prints for each run as it finishes, and `--journal` keeps: the
 * ids, where the run was in the input, and its status or its error.
 */
import { ApiError } from "../index.js";

export interface ErrorFacts {
  /** The error's class: `NotFoundError`, `RateLimitError`, `TimeoutError`, `InputError`... */
  class: string;
  /** The HTTP status, when the server answered. */
  status: number | null;
  message: string;
  /** The `x-request-id` of the answer, to quote to the provider. */
  request_id: string | null;
}

export type ResultLine =
  | { thread_id: string; run_id: string; line: number; ok: true; status: string }
  | { thread_id: string | null; run_id: string | null; line: number; ok: false; error: ErrorFacts };

/** What a script needs to know about an error, in the wire's snake_case. */
export function errorFacts(error: unknown): ErrorFacts {
  if (error instanceof ApiError) {
    return {
      class: error.name,
      status: error.status,
      message: error.message,
      request_id: error.requestId,
    };
  }
  if (error instanceof Error) {
    return { class: error.name, status: null, message: error.message, request_id: null };
  }
  return { class: "Error", status: null, message: String(error), request_id: null };
}
