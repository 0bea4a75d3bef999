import { ApiError } from "./api-error.js";

/**
 * 403: the credential is valid but may not do this.
 * @category Errors
 */
export class PermissionDeniedError extends ApiError {
  override name = "PermissionDeniedError";
}
