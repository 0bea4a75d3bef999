import type { AttemptRecord } from "../response-info.js";
import { ThreadRunError } from "./threadrun-error.js";

/**
 * What an error answer tells, as passed to {@link ApiError}.
 * @category Errors
 */
export interface ApiErrorInit {
  status: number;
  method: string;
  /** The path (and query) of the request, without the base URL's origin. */
  path: string;
  headers: Headers;
  /** The `error` object of the body, when the body had one. */
  body: { message?: unknown; type?: unknown; param?: unknown; code?: unknown } | undefined;
  /** The raw body text when it was not the documented JSON (an HTML page, say), cut short. */
  rawBody?: string;
}

/**
 * The server answered with an error status. Subclasses name the status (for example
 * {@link NotFoundError}); other statuses use this class itself.
 * @category Errors
 */
export class ApiError extends ThreadRunError {
  override name = "ApiError";
  /** The HTTP status. */
  declare readonly status: number;
  /** The server's `error.code`, for example `"rate_limit_exceeded"`, or `null`. */
  declare readonly code: string | null;
  /** The server's `error.type`, for example `"invalid_request_error"`, or `null`. */
  declare readonly type: string | null;
  /** The server's `error.param`: which parameter it refused, or `null`. */
  declare readonly param: string | null;
  /** The server's message alone (the `message` property adds status, method and path). */
  declare readonly serverMessage: string;
  /** The `x-request-id` header: quote it when asking the provider for help. */
  declare readonly requestId: string | null;
  /** The answer's headers. */
  declare readonly headers: Headers;
  declare readonly method: string;
  declare readonly path: string;
  /** How many attempts were made, retries included, before this answer was final. */
  attempts = 1;
  /** Every attempt of the call, oldest first: the one that got this answer is last. */
  history: AttemptRecord[] = [];

  constructor(init: ApiErrorInit) {
    const serverMessage =
      typeof init.body?.message === "string" && init.body.message !== ""
        ? init.body.message
        : init.rawBody
          ? `(no error message; body: ${init.rawBody})`
          : "(no error message)";
    const requestId = init.headers.get("x-request-id");
    super(
      `${init.status} ${serverMessage} (${init.method} ${init.path}${requestId ? `, request id ${requestId}` : ""})`,
    );
    this.status = init.status;
    this.code = typeof init.body?.code === "string" ? init.body.code : null;
    this.type = typeof init.body?.type === "string" ? init.body.type : null;
    this.param = typeof init.body?.param === "string" ? init.body.param : null;
    this.serverMessage = serverMessage;
    this.requestId = requestId;
    this.headers = init.headers;
    this.method = init.method;
    this.path = init.path;
  }

  /** A plain view for logs: no headers beyond the request id, never a credential. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      code: this.code,
      type: this.type,
      param: this.param,
      requestId: this.requestId,
      method: this.method,
      path: this.path,
      attempts: this.attempts,
      history: this.history,
    };
  }
}
