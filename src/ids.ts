/**
 * The path-parameter guard. An id goes into the URL path, so it must never be able to change which
 * path is called: `""`, `"."` and `".."` would (a URL parser folds them away, turning a cancel into
 * another request), and everything else is percent-encoded, `/`, `?` and `#` included.
 */
/** An id that cannot name a path segment of its own: empty, `.` or `..` (URLs resolve the dots). */
export function isUnsafeId(value: string): boolean {
  return value === "" || value === "." || value === "..";
}

export function encodePathId(value: unknown, name: string): string {
  if (typeof value !== "string") {
    throw new TypeError(`${name} must be a string, got ${value === null ? "null" : typeof value}`);
  }
  if (isUnsafeId(value)) {
    throw new TypeError(
      `${name} must be a non-empty id other than "." or "..", got ${JSON.stringify(value)}`,
    );
  }
  try {
    return encodeURIComponent(value);
  } catch {
    // encodeURIComponent throws URIError on a lone UTF-16 surrogate.
    throw new TypeError(`${name} is not valid Unicode text (it contains a lone surrogate)`);
  }
}
