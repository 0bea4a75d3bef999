/**
 * Client options: all optional, documented with their defaults, and normalised once into
 * {@link ResolvedOptions} so that nothing downstream re-checks or re-defaults them.
 */
import { defaultBaseUrl } from "../generated/operations.js";
import { checkHooks, type ClientHooks } from "./hooks.js";
import type { HttpSender } from "./http-sender.js";
import { resolveLog, type ClientLog, type Logger, type LogLevel } from "./logging.js";
import type { RetryPolicy } from "./retry.js";
import { VERSION } from "./version.js";
import {
  checkKnownKeys,
  checkOptionsObject,
  describe,
  duration,
  httpUrl,
  keysOf,
  nonEmptyString,
  optionalFunction,
  optionalSignal,
  wholeNumber,
} from "./validate.js";

/**
 * A credential: a string, or a function called before every attempt (for expiring tokens).
 * @category Client
 */
export type ApiKey = string | (() => string | Promise<string>);

/**
 * Options of {@link createClient}. `undefined` means the default, so values read from the
 * environment can be passed as they are. Any other key is refused with a `TypeError` that names
 * it and the option it most likely meant (`"baseURL" is not an option; did you mean "baseUrl"?`):
 * a misspelt option silently ignored could send the key to the default host.
 * @category Client
 */
export interface ClientOptions {
  /**
   * The API key or bearer token, sent as `Authorization: Bearer …`. A function is called before
   * every attempt, so an expiring token (Azure Entra ID) is refreshed. `null` sends no
   * `Authorization` header (a local server without auth).
   * @default process.env.OPENAI_API_KEY (where `process` exists); required otherwise
   */
  apiKey?: ApiKey | null | undefined;
  /**
   * The API root, without a trailing slash needed: `https://api.openai.com/v1`, an Azure AI
   * Agents project endpoint, or any compatible server. An absolute http or https URL without a
   * user name, password or fragment; a query is sent with every request.
   * @default process.env.OPENAI_BASE_URL, else "https://api.openai.com/v1"
   */
  baseUrl?: string | undefined;
  /**
   * Sent as the `api-version` query parameter on every request (Azure AI Agents), for example
   * `"2025-05-01"`.
   * @default undefined (not sent)
   */
  apiVersion?: string | undefined;
  /**
   * Headers for every request. They override the defaults (`OpenAI-Beta: assistants=v2`,
   * `Accept: application/json`, `x-threadrun-retry-count: <retries before this attempt>`, and
   * from Node `User-Agent: threadrun/<version>`); `null` removes a default header; `undefined`
   * leaves it as it is.
   * @default {}
   */
  headers?: Record<string, string | null | undefined> | undefined;
  /**
   * The `fetch` to use, for a proxy agent, a test double or tracing.
   * @default globalThis.fetch, looked up at each request
   */
  fetch?: typeof fetch | undefined;
  /**
   * A sender to use instead of fetch, for example `nodeHttp()` from `threadrun/node`, which
   * answers loopback calls in about 60% of fetch's time on Node 20. Takes precedence over `fetch`.
   * @default undefined (fetch)
   */
  http?: HttpSender | undefined;
  /**
   * Retries after the first attempt, on 408, 409, 429, 5xx (500, 502, 503, 504), timeouts and
   * connection errors. Cancels are retried too: a retried cancel never reports a failure for a
   * cancel that landed.
   * @default 2
   */
  maxRetries?: number | undefined;
  /**
   * The time limit of one attempt, headers and body together, in ms.
   * @default 60000
   */
  timeoutMs?: number | undefined;
  /**
   * The first backoff delay in ms; it doubles with each retry, with up to 25% jitter.
   * @default 500
   */
  retryBaseDelayMs?: number | undefined;
  /**
   * The longest backoff delay in ms.
   * @default 8000
   */
  retryMaxDelayMs?: number | undefined;
  /**
   * The longest wait a server may ask for with `Retry-After` / `retry-after-ms` that is waited
   * out. A longer one fails the request at once with a {@link RateLimitError} that carries it.
   * @default 60000
   */
  maxRetryAfterMs?: number | undefined;
  /**
   * Where log lines go: any object with `debug`, `info`, `warn` and `error` methods (`console`,
   * pino). Each line is one short message with a structured object as the second argument; the
   * key, the `Authorization` header and any echo of them never appear.
   * @default console
   */
  logger?: Logger | undefined;
  /**
   * How much is logged: `"off"`, `"error"` (a hook that threw), `"warn"` (also a server wait over
   * `maxRetryAfterMs`, a bulk job slowed down by 429s), `"info"` (also every retry) or `"debug"`
   * (also every request and response).
   * @default process.env.THREADRUN_LOG (where `process` exists), else "warn"
   */
  logLevel?: LogLevel | undefined;
  /**
   * Callbacks that see every attempt: `onRequest` before it is sent, `onResponse` after it,
   * `onRetry` before the wait for a retry, each with one plain object (never a credential). They
   * work the same with fetch and `nodeHttp()`, and are the client's: per-call options have none.
   * A hook that throws or rejects does not break the request: its error is logged at `error`
   * (dropped at `logLevel: "off"`).
   * @default {}
   */
  hooks?: ClientHooks | undefined;
}

/**
 * Header values by name: `null` removes the header, `undefined` leaves it as it is (the shape of
 * the `headers` options, spelt out there so that the documentation shows it).
 */
export type HeaderValues = Record<string, string | null | undefined>;

/**
 * Options of one call; they override the client's. Any other key is refused with a `TypeError`
 * naming it, before anything is sent.
 * @category Client
 */
export interface RequestOptions {
  /** Aborts the call, including its retries and backoff sleeps. */
  signal?: AbortSignal | undefined;
  /**
   * The time limit of one attempt in ms.
   * @default the client's `timeoutMs`
   */
  timeoutMs?: number | undefined;
  /**
   * Retries after the first attempt.
   * @default the client's `maxRetries`
   */
  maxRetries?: number | undefined;
  /** Extra headers for this call; `null` removes one, `undefined` leaves it as it is. */
  headers?: Record<string, string | null | undefined> | undefined;
}

/** The options after defaults and checks: what the transport reads. */
export interface ResolvedOptions {
  /** The base URL without a trailing slash or query. */
  baseUrl: string;
  /** The query every request carries (`api-version`, and any query of the base URL), or "". */
  baseQuery: string;
  apiKey: ApiKey | null;
  /**
   * The caller's `headers` named `Authorization` (to set it or, with `null`, to remove it): the
   * caller's header wins over `apiKey`.
   */
  authorizationFromHeaders: boolean;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  fetch: typeof fetch | undefined;
  http: HttpSender | undefined;
  timeoutMs: number;
  retry: RetryPolicy;
  log: ClientLog;
  /** `undefined` when no hook is set. */
  hooks: ClientHooks | undefined;
}

/**
 * The header that tells the server how many retries came before an attempt (0 on the first), as
 * the `openai` package's `x-stainless-retry-count` does. `headers: { [name]: null }` stops it.
 */
export const RETRY_COUNT_HEADER = "x-threadrun-retry-count";

const env = (name: string): string | undefined =>
  typeof process === "object" && process?.env ? process.env[name] : undefined;

/** The keys of {@link ClientOptions}, checked by the compiler against the interface. */
const CLIENT_OPTION_KEYS = keysOf<ClientOptions>({
  apiKey: true,
  baseUrl: true,
  apiVersion: true,
  headers: true,
  fetch: true,
  http: true,
  maxRetries: true,
  timeoutMs: true,
  retryBaseDelayMs: true,
  retryMaxDelayMs: true,
  maxRetryAfterMs: true,
  logger: true,
  logLevel: true,
  hooks: true,
});

const LABEL = "createClient";

/**
 * Checks every option and applies the defaults, once: everything downstream reads the result.
 * Unknown keys come first, so that a misspelt `apiKey` is reported as misspelt, not as missing.
 */
export function resolveOptions(options: ClientOptions = {}): ResolvedOptions {
  // A string here is most likely the key itself: never shown.
  checkOptionsObject(options, `${LABEL}: options`, { secret: true });
  checkKnownKeys(options, CLIENT_OPTION_KEYS, LABEL);
  const authorizationFromHeaders =
    typeof options.headers === "object" &&
    options.headers !== null &&
    Object.entries(options.headers).some(
      ([name, value]) => name.toLowerCase() === "authorization" && value !== undefined,
    );
  let apiKey = options.apiKey === undefined ? env("OPENAI_API_KEY") : options.apiKey;
  if (apiKey === undefined && authorizationFromHeaders) apiKey = null;
  if (apiKey === undefined || apiKey === "") {
    throw new TypeError(
      `${LABEL}: apiKey is missing: pass { apiKey } or set OPENAI_API_KEY (apiKey: null sends no credential)`,
    );
  }
  if (apiKey !== null && typeof apiKey !== "string" && typeof apiKey !== "function") {
    throw new TypeError(
      `${LABEL}: apiKey must be a string, a function returning one, or null, got ${describe(apiKey, { secret: true })}`,
    );
  }
  if (typeof apiKey === "string") apiKey = checkCredential(apiKey, `${LABEL}: apiKey`);

  const url =
    options.baseUrl !== undefined
      ? httpUrl(options.baseUrl, `${LABEL}: baseUrl`)
      : httpUrl(env("OPENAI_BASE_URL") ?? defaultBaseUrl, `${LABEL}: OPENAI_BASE_URL`);
  const query = new URLSearchParams(url.search);
  const apiVersion = nonEmptyString(options.apiVersion, `${LABEL}: apiVersion`, undefined);
  if (apiVersion !== undefined) query.set("api-version", apiVersion);

  const headers: Record<string, string> = {
    accept: "application/json",
    "openai-beta": "assistants=v2",
  };
  // From Node (and runtimes that say they are) only. Browsers refuse to let a page set
  // User-Agent, and a header of our own would fail every cross-origin call to a server whose CORS
  // allow-list does not name it; a page can opt in with `headers: { [RETRY_COUNT_HEADER]: "0" }`.
  if (globalThis.process?.versions?.node) {
    headers["user-agent"] = `threadrun/${VERSION}`;
    headers[RETRY_COUNT_HEADER] = "0";
  }
  mergeHeaders(headers, options.headers, `${LABEL}: headers`);

  return {
    baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, "")}`,
    baseQuery: query.toString(),
    apiKey,
    authorizationFromHeaders,
    headers,
    fetch: optionalFunction<typeof fetch>(options.fetch, `${LABEL}: fetch`),
    http: optionalFunction<HttpSender>(options.http, `${LABEL}: http`),
    timeoutMs: duration(options.timeoutMs, `${LABEL}: timeoutMs`, 60_000),
    retry: {
      maxRetries: wholeNumber(options.maxRetries, `${LABEL}: maxRetries`, 2, { min: 0 }),
      baseDelayMs: duration(options.retryBaseDelayMs, `${LABEL}: retryBaseDelayMs`, 500, {
        zeroOk: true,
      }),
      maxDelayMs: duration(options.retryMaxDelayMs, `${LABEL}: retryMaxDelayMs`, 8_000, {
        zeroOk: true,
      }),
      maxRetryAfterMs: duration(options.maxRetryAfterMs, `${LABEL}: maxRetryAfterMs`, 60_000, {
        zeroOk: true,
      }),
    },
    log: resolveLog(options.logger, options.logLevel, LABEL),
    hooks: checkHooks(options.hooks, LABEL),
  };
}

/**
 * Checks that a key or token can be sent as a header value, and returns it without surrounding
 * whitespace (a key read from a file often ends in a line break; fetch would drop it too). A line
 * break, control character or non-ASCII character inside it (a pasted typographic quote, say) is a
 * TypeError that says where, never what: fetch's own error would quote the whole header, key included.
 */
export function checkCredential(value: string, label: string): string {
  const token = value.replace(SURROUNDING_WHITESPACE, "");
  if (token === "") throw new TypeError(`${label}: the key is empty (expected a non-empty string)`);
  const bad = token.search(/[^\x20-\x7e\t]/);
  if (bad !== -1) {
    throw new TypeError(
      `${label}: the key has a character that cannot be sent in an HTTP header at index ${bad} ` +
        `(a line break, control character or non-ASCII character); the key is not shown`,
    );
  }
  return token;
}

/**
 * Copies headers in lower case; `null` deletes, `undefined` is skipped. Shared by client, per-call
 * and raw headers. A value is never shown in a message: header values are often secrets (`api-key`).
 */
export function mergeHeaders(
  into: Record<string, string>,
  extra: HeaderValues | undefined,
  label: string,
): void {
  if (extra === undefined) return;
  checkOptionsObject(extra, label);
  for (const [name, value] of Object.entries(extra)) {
    if (!HEADER_NAME.test(name))
      throw new TypeError(`${label}: ${JSON.stringify(name)} is not a valid header name`);
    if (value === undefined) continue;
    if (value === null) delete into[name.toLowerCase()];
    else if (typeof value !== "string") {
      throw new TypeError(
        `${label}: header "${name}" must be a string or null, got ${describe(value, { secret: true })}`,
      );
    } else if (!HEADER_VALUE.test(value.replace(SURROUNDING_WHITESPACE, ""))) {
      // fetch's own error would quote the value.
      throw new TypeError(
        `${label}: header "${name}" has a character that cannot be sent (a line break, control ` +
          `character or one beyond Latin-1); the value is not shown`,
      );
    } else into[name.toLowerCase()] = value;
  }
}

/** An HTTP token (RFC 9110). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** What fetch accepts once it has trimmed surrounding whitespace: no CR, LF, NUL or other controls. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const SURROUNDING_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/** The keys of {@link RequestOptions}: anything else in a per-call options object is a mistake. */
export const REQUEST_OPTION_KEYS: readonly string[] = keysOf<RequestOptions>({
  signal: true,
  timeoutMs: true,
  maxRetries: true,
  headers: true,
});

/**
 * Checks per-call options completely, before anything is sent: an object of known keys whose
 * values have the right types. `label` names the options in messages (`options`, `request`).
 */
export function checkRequestOptions(options: unknown, label: string): void {
  checkOptionsObject(options, label);
  if (options === undefined) return;
  checkKnownKeys(options as object, REQUEST_OPTION_KEYS, label);
  const { signal, timeoutMs, maxRetries, headers } = options as RequestOptions;
  optionalSignal(signal, `${label}.signal`);
  duration(timeoutMs, `${label}.timeoutMs`, 0);
  wholeNumber(maxRetries, `${label}.maxRetries`, 0, { min: 0 });
  if (headers !== undefined) mergeHeaders({}, headers, `${label}.headers`);
}
