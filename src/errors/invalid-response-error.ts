import { ThreadRunError } from "./threadrun-error.js";

/**
 * The request an invalid answer came from.
 * @category Errors
 */
export interface ResponseContext {
  method: string;
  path: string;
  status: number;
  requestId: string | null;
}

/**
 * A 2xx answer whose body is not what the spec promises: not JSON, or not a run. `field` names the
 * offending field (for example `created_at` or `data[3].tools[0]`) when the body was JSON.
 * @category Errors
 */
export class InvalidResponseError extends ThreadRunError {
  override name = "InvalidResponseError";
  /** The path of the field that did not match, or `null` when the body was not JSON at all. */
  declare readonly field: string | null;
  /** The request the answer came from; absent when converting a value by hand (`runFromWire`). */
  declare readonly response: ResponseContext | undefined;

  constructor(
    detail: string,
    init: { field: string | null; response?: ResponseContext; cause?: unknown },
  ) {
    const r = init.response;
    super(
      r
        ? `Invalid response to ${r.method} ${r.path} (${r.status}${r.requestId ? `, request id ${r.requestId}` : ""}): ${detail}`
        : `Invalid run object: ${detail}`,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.field = init.field;
    this.response = r;
  }
}
