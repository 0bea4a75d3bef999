/**
 * Turning a final response into what a run operation returns: the JSON body of a 2xx, or the
 * error class of its status. A credential echoed by a proxy's error page never gets through.
 */
import { errorFromResponse } from "../errors/from-response.js";
import { InvalidResponseError, type ResponseContext } from "../errors/invalid-response-error.js";
import type { ResponseInfo } from "../response-info.js";
import { redact } from "./redact.js";
import type { CompletedExchange } from "./retry-loop.js";

/** A successful answer, decoded. */
export interface DecodedResponse {
  body: unknown;
  info: ResponseInfo;
  context: ResponseContext;
}

/**
 * The JSON body of a 2xx answer with what the answer said besides it; throws the matching
 * {@link ApiError} for an error status and an {@link InvalidResponseError} for a body not JSON.
 */
export function decodeResponse(
  completed: CompletedExchange,
  method: string,
  requestPath: string,
): DecodedResponse {
  const { response, text, attempts, secret, history } = completed;
  const { status, headers } = response;
  if (!response.ok) {
    const safe = redact(text, secret);
    const error = errorFromResponse(
      status,
      headers,
      safe,
      method,
      requestPath,
      completed.retryAfterMs,
    );
    error.attempts = attempts;
    error.history = history;
    throw error;
  }
  const requestId = headers.get("x-request-id");
  const context: ResponseContext = { method, path: requestPath, status, requestId };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    const excerpt = redact(text, secret).replace(/\s+/g, " ").trim().slice(0, 80);
    throw new InvalidResponseError(
      text.trim() === ""
        ? "the body is empty, expected JSON"
        : `the body is not JSON: ${JSON.stringify(excerpt)}`,
      { field: null, response: context, cause },
    );
  }
  return { body, info: { requestId, status, headers, attempts, history }, context };
}
