import { ApiError } from "./api-error.js";

/**
 * 401: the API key or token is missing, wrong or expired.
 * @category Errors
 */
export class AuthenticationError extends ApiError {
  override name = "AuthenticationError";
}
