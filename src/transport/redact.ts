/**
 * Keeping the credential out of what the client shows: error messages built from a response (a
 * proxy's error page may echo the request's headers), log lines and hook objects.
 */

/** Replaces the credential in a text. Keys under 8 characters (local test keys) are left alone. */
export function redact(text: string, secret: string | undefined): string {
  if (secret === undefined || secret.length < 8) return text;
  for (const form of [secret, encodeURIComponent(secret)]) {
    if (text.includes(form)) text = text.split(form).join("[redacted]");
  }
  return text;
}

/** A query parameter whose value is a credential (`api-key=`, `access_token=`, `sig=`...), up to its value. */
const SECRET_PARAMETER =
  /([?&][^=&#]*(?:key|token|secret|sig|passw|auth|credential)[^=&#]*=)[^&#]*/gi;

/**
 * A URL (or a path with its query) as logs and hooks show it: the credential replaced, and the
 * value of any query parameter named like one (`?api-key=...`) as `[redacted]`. The base URL
 * cannot carry a user name or password (createClient refuses one).
 */
export function shownUrl(url: string, secret: string | undefined): string {
  return redact(url, secret).replace(SECRET_PARAMETER, "$1[redacted]");
}
