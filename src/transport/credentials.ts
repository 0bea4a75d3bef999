/**
 * The headers of every attempt, credential included. The credential lives only here and in the
 * headers handed to the sender: never on the client, an error, a log line or a hook's object.
 */
import {
  checkCredential,
  mergeHeaders,
  type RequestOptions,
  type ResolvedOptions,
} from "../options.js";

export interface Credentials {
  /** The headers of a call without per-call headers, when the key is a string: built once. */
  readonly staticHeaders: Record<string, string>;
  /** The secret {@link staticHeaders} carry, to redact it: worked out once. */
  readonly staticSecret: string | undefined;
  /** Whether {@link headersFor} must be awaited (a key function, or per-call headers). */
  needsWork(extra: RequestOptions["headers"]): boolean;
  /** The headers of one attempt: a fresh token from a key function, then the per-call headers. */
  headersFor(extra: RequestOptions["headers"]): Promise<Record<string, string>>;
  /** The secret the headers carry (the part of `Authorization` after `Bearer `), to redact it. */
  secretIn(headers: Record<string, string>): string | undefined;
}

export function createCredentials(resolved: ResolvedOptions): Credentials {
  // A caller's own Authorization header (or its removal) wins over the key.
  const apiKey = resolved.authorizationFromHeaders ? null : resolved.apiKey;
  const staticHeaders: Record<string, string> =
    typeof apiKey === "string"
      ? { authorization: `Bearer ${apiKey}`, ...resolved.headers }
      : { ...resolved.headers };
  const staticSecret = secretOf(staticHeaders);
  return {
    staticHeaders,
    staticSecret,
    needsWork: (extra) => typeof apiKey === "function" || extra !== undefined,
    async headersFor(extra) {
      let headers = staticHeaders;
      if (typeof apiKey === "function") {
        const token = await apiKey();
        // An empty token is refused by checkCredential ("the key is empty").
        if (typeof token !== "string") {
          throw new TypeError(
            "apiKey: the credential function returned no token (expected a non-empty string)",
          );
        }
        headers = { ...staticHeaders, authorization: `Bearer ${checkCredential(token, "apiKey")}` };
      }
      if (extra !== undefined) {
        headers = { ...headers };
        mergeHeaders(headers, extra, "headers");
      }
      return headers;
    },
    secretIn: (headers) => (headers === staticHeaders ? staticSecret : secretOf(headers)),
  };
}

/** The secret part of an Authorization header (`Bearer <this>`), if any. */
function secretOf(headers: Record<string, string>): string | undefined {
  const value = headers["authorization"]?.trim();
  if (!value) return undefined;
  // Without a space (a bare token) indexOf gives -1, and the whole value is the secret.
  return value.slice(value.indexOf(" ") + 1).trim() || undefined;
}
