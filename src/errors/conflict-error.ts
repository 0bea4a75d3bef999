import { ApiError } from "./api-error.js";

/**
 * 409: the request conflicts with the resource's current state.
 * @category Errors
 */
export class ConflictError extends ApiError {
  override name = "ConflictError";
}
