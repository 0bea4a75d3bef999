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

/** Query parameters whose values are credentials (`api-key`, `access_token`, `sig`...). */
const SECRET_PARAMETER = /key|token|secret|sig|password|passwd|auth|credential/i;

/**
 * A URL (or a path with its query) as logs and hooks show it: the credential replaced, and the
 * value of any query parameter named like one (`?api-key=...`) as `[redacted]`. The base URL
 * cannot carry a user name or password (createClient refuses one).
 */
export function shownUrl(url: string, secret: string | undefined): string {
  const text = redact(url, secret);
  const mark = text.indexOf("?");
  if (mark === -1) return text;
  const query = text
    .slice(mark + 1)
    .split("&")
    .map((pair) => {
      const equals = pair.indexOf("=");
      return equals !== -1 && SECRET_PARAMETER.test(pair.slice(0, equals))
        ? `${pair.slice(0, equals)}=[redacted]`
        : pair;
    });
  return `${text.slice(0, mark + 1)}${query.join("&")}`;
}
