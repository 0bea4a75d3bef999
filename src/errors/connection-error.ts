import { ThreadRunError } from "./threadrun-error.js";

/**
 * The request or its answer did not get through: refused, reset, DNS failure. `cause` keeps why.
 * @category Errors
 */
export class ConnectionError extends ThreadRunError {
  override name = "ConnectionError";
  declare readonly method: string;
  declare readonly url: string;

  constructor(method: string, url: string, cause: unknown) {
    const reason = cause instanceof Error ? describeCause(cause) : String(cause);
    super(`Connection failed: ${method} ${url}: ${reason}`, { cause });
    this.method = method;
    this.url = url;
  }
}

/** undici wraps the socket error ("fetch failed"); the inner one says what happened. */
function describeCause(error: Error): string {
  const inner = error.cause instanceof Error ? error.cause : undefined;
  const code = (inner as { code?: unknown } | undefined)?.code;
  return inner
    ? `${error.message} (${typeof code === "string" ? `${code}: ` : ""}${inner.message})`
    : error.message;
}
