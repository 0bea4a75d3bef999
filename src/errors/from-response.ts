import { ApiError, type ApiErrorInit } from "./api-error.js";
import { AuthenticationError } from "./authentication-error.js";
import { BadRequestError } from "./bad-request-error.js";
import { ConflictError } from "./conflict-error.js";
import { InternalServerError } from "./internal-server-error.js";
import { NotFoundError } from "./not-found-error.js";
import { PermissionDeniedError } from "./permission-denied-error.js";
import { RateLimitError } from "./rate-limit-error.js";
import { UnprocessableEntityError } from "./unprocessable-entity-error.js";

const BY_STATUS: Record<number, new (init: ApiErrorInit) => ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
};

/**
 * The one function that turns an error answer into an error. Any body works: the documented
 * `{error: {...}}` JSON, an empty body, an HTML page from a proxy; the status picks the class.
 */
export function errorFromResponse(
  status: number,
  headers: Headers,
  bodyText: string,
  method: string,
  path: string,
  retryAfterMs: number | null,
): ApiError {
  let body: ApiErrorInit["body"];
  let rawBody: string | undefined;
  try {
    // A JSON primitive or `null` has no `error`: the optional chain reads undefined.
    const error = (JSON.parse(bodyText) as { error?: unknown } | null)?.error;
    if (typeof error === "object" && error !== null) body = error as ApiErrorInit["body"];
    else if (typeof error === "string") body = { message: error };
  } catch {
    // Not JSON: keep a short, single-line excerpt for the message.
  }
  if (!body) {
    // A body of only whitespace flattens to "", which is no excerpt (dropped below).
    const flat = bodyText.replace(/\s+/g, " ").trim();
    rawBody = flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
  }
  const init: ApiErrorInit = {
    status,
    method,
    path,
    headers,
    body,
    ...(rawBody ? { rawBody } : {}),
  };
  if (status === 429) return new RateLimitError(init, retryAfterMs);
  if (status >= 500) return new InternalServerError(init);
  const ErrorClass = BY_STATUS[status] ?? ApiError;
  return new ErrorClass(init);
}
