import { ApiError } from "./api-error.js";

/**
 * 404: no such thread or run (or a wrong base URL).
 * @category Errors
 */
export class NotFoundError extends ApiError {
  override name = "NotFoundError";
}
