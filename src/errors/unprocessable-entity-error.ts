import { ApiError } from "./api-error.js";

/**
 * 422: the server understood the request but cannot process it.
 * @category Errors
 */
export class UnprocessableEntityError extends ApiError {
  override name = "UnprocessableEntityError";
}
