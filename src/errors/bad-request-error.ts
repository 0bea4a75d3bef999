import { ApiError } from "./api-error.js";

/**
 * 400: the server refused the request as malformed (also: cancelling a run that already ended).
 * @category Errors
 */
export class BadRequestError extends ApiError {
  override name = "BadRequestError";
}
