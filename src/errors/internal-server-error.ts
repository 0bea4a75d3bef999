import { ApiError } from "./api-error.js";

/**
 * 5xx: the server failed.
 * @category Errors
 */
export class InternalServerError extends ApiError {
  override name = "InternalServerError";
}
