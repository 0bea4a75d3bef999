/**
 * The one request function: credentials, headers, the per-attempt time limit (headers and body
 * together), the retry loop and the conversion of error answers. Everything that talks HTTP goes
 * through here, the `raw` client included.
 */
import { ConnectionError } from "./errors/connection-error.js";
import { errorFromResponse } from "./errors/from-response.js";
import { InvalidResponseError, type ResponseContext } from "./errors/invalid-response-error.js";
import { TimeoutError } from "./errors/timeout-error.js";
import {
  checkCredential,
  mergeHeaders,
  type RequestOptions,
  type ResolvedOptions,
} from "./options.js";
import type { HttpSender } from "./http-sender.js";
import type { ResponseInfo } from "./response-info.js";
import { decideRetry, type RetryPolicy } from "./retry.js";
import { sleep } from "./sleep.js";
import { duration, wholeNumber } from "./validate.js";

/**
 * Hooks for callers that coordinate many requests (the bulk pacer). Method syntax on purpose: a
 * hook object may name its own ticket type.
 */
export interface AttemptHooks {
  /**
   * Awaited before every attempt: a shared pacer holds requests back here. What it gives back (a
   * ticket) is handed to {@link afterAttempt} when this attempt ends. If it rejects (an abort while
   * held back), the call rejects and `afterAttempt` is not called.
   */
  beforeAttempt?(signal: AbortSignal | undefined): unknown;
  /**
   * Called once for every attempt `beforeAttempt` let through, however it ended: with the answer
   * (any status, successful ones included) or without one (a connection error, a time-out, an
   * abort). When the transport will retry, a number returned replaces its wait before the retry.
   */
  afterAttempt?(ticket: unknown, end: AttemptEnd): number | undefined;
}

/** How one attempt ended, as {@link AttemptHooks.afterAttempt} is told. */
export interface AttemptEnd {
  /** The answer's status and headers; `undefined` when none came. */
  answer: Answered | undefined;
  /** The wait before the retry the transport chose, or `undefined` when it will not retry. */
  retryDelayMs: number | undefined;
  /** Retries made so far that counted against `maxRetries` (paced 429s do not). */
  retries: number;
}

export interface Call {
  method: "GET" | "POST";
  /** The path below the base URL, ids already percent-encoded. */
  path: string;
  /** The encoded query without `?`, or "". */
  query?: string;
  options?: RequestOptions | undefined;
  hooks?: AttemptHooks | undefined;
}

export interface Answer {
  body: unknown;
  info: ResponseInfo;
  context: ResponseContext;
}

export interface Transport {
  /** Sends a call and parses the JSON answer; error answers throw the matching error class. */
  send(call: Call): Promise<Answer>;
  /**
   * Sends one request as the raw client built it (`suffix`: the encoded path and query below the
   * base URL): same credentials, retries and time limits, but error answers are returned.
   */
  exchange(
    method: string,
    suffix: string,
    init: { headers?: Record<string, string>; body?: string; options?: RequestOptions },
  ): Promise<{ response: Answered; text: string }>;
}

interface Attempted {
  response: Answered;
  text: string;
  attempts: number;
  retryAfterMs: number | null;
  /** The credential the final attempt sent, to keep it out of errors built from the answer. */
  credential: string | undefined;
}

const noop = () => {};

/** 429s retried without using up maxRetries when a shared pacer spaces the requests. */
const PACED_429_RETRIES = 50;

/** setTimeout fires at once (with a warning) for a delay over 2^31 - 1 ms: clamp to that (~24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function createTransport(resolved: ResolvedOptions): Transport {
  // The credential lives only in this closure: never on the client, an error or a log line.
  // A caller's own Authorization header (or its removal) wins over the key.
  const { baseQuery } = resolved;
  const apiKey = resolved.authorizationFromHeaders ? null : resolved.apiKey;
  const basePath = new URL(resolved.baseUrl).pathname.replace(/\/$/, "");
  const staticHeaders: Record<string, string> =
    typeof apiKey === "string"
      ? { authorization: `Bearer ${apiKey}`, ...resolved.headers }
      : { ...resolved.headers };
  const staticCredential = credentialIn(staticHeaders);
  // fetch is looked up at each request, so a polyfill or test double installed later is used.
  const sender = resolved.http
    ? customSender(resolved.http)
    : fetchSender((input, init) => (resolved.fetch ?? globalThis.fetch)(input, init));

  async function headersFor(extra: RequestOptions["headers"]): Promise<Record<string, string>> {
    let headers = staticHeaders;
    if (typeof apiKey === "function") {
      const token = await apiKey();
      if (typeof token !== "string" || token === "") {
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
  }

  function policyFor(options: RequestOptions | undefined): {
    retry: RetryPolicy;
    timeoutMs: number;
  } {
    if (options?.maxRetries === undefined && options?.timeoutMs === undefined) {
      return { retry: resolved.retry, timeoutMs: resolved.timeoutMs };
    }
    // Callers check their options up front (checkRequestOptions); this keeps a value that came
    // another way (a spread `request` object) from reaching a timer or the retry loop unchecked.
    return {
      retry: {
        ...resolved.retry,
        maxRetries: wholeNumber(options.maxRetries, "maxRetries", resolved.retry.maxRetries, {
          min: 0,
        }),
      },
      timeoutMs: duration(options.timeoutMs, "timeoutMs", resolved.timeoutMs),
    };
  }

  /** The retry loop. Returns the final answer, error statuses included; throws when none came. */
  async function execute(
    method: string,
    url: string,
    label: string,
    makeInit: (
      headers: Record<string, string>,
    ) => RequestInit & { headers: Record<string, string> },
    options: RequestOptions | undefined,
    hooks: AttemptHooks | undefined,
  ): Promise<Attempted> {
    const { retry, timeoutMs } = policyFor(options);
    const signal = options?.signal;
    // `retries` counts against maxRetries. Under a shared pacer (bulk), a 429 is the pacer's
    // business, not the item's failure: up to PACED_429_RETRIES of them are retried for free.
    let retries = 0;
    let paced429 = 0;
    for (let attempts = 1; ; attempts++) {
      if (signal?.aborted) throw signal.reason;
      const ticket = hooks?.beforeAttempt ? await hooks.beforeAttempt(signal) : undefined;
      let result: Attempted;
      let credential: string | undefined;
      try {
        // Awaited only when there is something to wait for: each await costs a turn of the loop.
        const headers =
          typeof apiKey === "function" || options?.headers !== undefined
            ? await headersFor(options?.headers)
            : staticHeaders;
        credential = headers === staticHeaders ? staticCredential : credentialIn(headers);
        result = await attemptOnce(
          sender,
          url,
          makeInit(headers),
          timeoutMs,
          signal,
          method,
          label,
        );
      } catch (error) {
        // A user abort is the user's decision: never retried, rejected with their reason.
        const retryable =
          !signal?.aborted && (error instanceof TimeoutError || error instanceof ConnectionError);
        const decision = retryable ? decideRetry({ kind: "no-answer" }, retries++, retry) : null;
        let delayMs = decision?.retry ? decision.delayMs : undefined;
        if (hooks?.afterAttempt) {
          const end = { answer: undefined, retryDelayMs: delayMs, retries };
          delayMs = after(hooks.afterAttempt(ticket, end), delayMs);
        }
        if (signal?.aborted) throw signal.reason;
        if (delayMs === undefined) throw error;
        await sleep(delayMs, signal);
        continue;
      }
      const { response } = result;
      result.attempts = attempts;
      result.credential = credential;
      if (response.ok) {
        if (hooks?.afterAttempt) {
          hooks.afterAttempt(ticket, { answer: response, retryDelayMs: undefined, retries });
        }
        return result;
      }
      const free =
        response.status === 429 &&
        hooks?.afterAttempt !== undefined &&
        paced429++ < PACED_429_RETRIES;
      const outcome = {
        kind: "status",
        status: response.status,
        headers: response.headers,
      } as const;
      const decision = decideRetry(outcome, free ? 0 : retries++, retry);
      let delayMs = decision.retry ? decision.delayMs : undefined;
      if (hooks?.afterAttempt) {
        const end = { answer: response, retryDelayMs: delayMs, retries };
        delayMs = after(hooks.afterAttempt(ticket, end), delayMs);
      }
      if (delayMs === undefined) {
        if (!decision.retry) result.retryAfterMs = decision.retryAfterMs;
        return result;
      }
      await sleep(delayMs, signal);
    }
  }

  const inits = new Map<string, RequestInit & { headers: Record<string, string> }>();

  return {
    async send(call) {
      const query = call.query
        ? baseQuery
          ? `${baseQuery}&${call.query}`
          : call.query
        : baseQuery;
      const suffix = query ? `${call.path}?${query}` : call.path;
      const url = resolved.baseUrl + suffix;
      const label = basePath + suffix;
      const { response, text, attempts, retryAfterMs, credential } = await execute(
        call.method,
        url,
        label,
        (headers) => {
          // The common case (string key, no per-call headers) reuses one init object per method.
          if (headers !== staticHeaders) return { method: call.method, headers };
          let init = inits.get(call.method);
          if (!init) inits.set(call.method, (init = { method: call.method, headers }));
          return init;
        },
        call.options,
        call.hooks,
      );
      const { status, headers } = response;
      if (!response.ok) {
        // A proxy's error page may echo the request's headers: never let the credential through.
        const safe = redact(text, credential);
        const error = errorFromResponse(status, headers, safe, call.method, label, retryAfterMs);
        error.attempts = attempts;
        throw error;
      }
      const requestId = headers.get("x-request-id");
      const context: ResponseContext = { method: call.method, path: label, status, requestId };
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (cause) {
        const excerpt = redact(text, credential).replace(/\s+/g, " ").trim().slice(0, 80);
        throw new InvalidResponseError(
          text.trim() === ""
            ? "the body is empty, expected JSON"
            : `the body is not JSON: ${JSON.stringify(excerpt)}`,
          { field: null, response: context, cause },
        );
      }
      return { body, info: { requestId, status, headers, attempts }, context };
    },

    async exchange(method, suffix, init) {
      const hasVersion = /[?&]api-version=/.test(suffix);
      if (baseQuery && !hasVersion) suffix += (suffix.includes("?") ? "&" : "?") + baseQuery;
      const { response, text } = await execute(
        method,
        resolved.baseUrl + suffix,
        basePath + suffix,
        (headers) => ({
          method,
          headers: init.headers ? { ...headers, ...init.headers } : headers,
          ...(init.body === undefined ? {} : { body: init.body }),
        }),
        init.options,
        undefined,
      );
      return { response, text };
    },
  };
}

/** The wait before a retry: the hook's, when the transport retries at all and the hook chose one. */
function after(chosen: number | undefined, delayMs: number | undefined): number | undefined {
  return delayMs === undefined || chosen === undefined ? delayMs : chosen;
}

/** What an attempt needs of an answer: a fetch `Response` has it, and so does an {@link HttpAnswer}. */
export interface Answered {
  ok: boolean;
  status: number;
  statusText: string;
  headers: Headers;
}

/**
 * How one request goes out. `onStarted` hands over a way to stop reading the body, for a sender
 * that runs without a signal; `signal` is set whenever `needsSignal` is, or the caller gave one.
 */
interface Sender {
  needsSignal: boolean;
  send(
    url: string,
    init: RequestInit & { headers: Record<string, string> },
    onStarted: (cancel: (reason: unknown) => void) => void,
  ): Promise<{ response: Answered; text: string }>;
}

/**
 * fetch as a sender. Without a caller's signal no AbortSignal is handed to fetch (on Node 20 even
 * an idle one slows a loopback call by 15-20%); a timed-out request is then released by cancelling
 * its body as soon as its headers arrive. The body is read through our own reader: `text()` would
 * lock the stream, and a locked stream cannot be cancelled, so a stalled body would hold its socket.
 */
function fetchSender(doFetch: typeof fetch): Sender {
  return {
    needsSignal: false,
    async send(url, init, onStarted) {
      const response = await doFetch(url, init);
      if (response.body === null) return { response, text: "" };
      const reader = response.body.getReader();
      onStarted((reason) => void reader.cancel(reason).catch(noop));
      return { response, text: await readText(reader) };
    },
  };
}

/** A caller's {@link HttpSender} (for example `nodeHttp()` from `threadrun/node`) as a sender. */
function customSender(http: HttpSender): Sender {
  return {
    needsSignal: true,
    async send(url, init) {
      const answer = await http(url, {
        method: init.method ?? "GET",
        headers: init.headers,
        ...(typeof init.body === "string" ? { body: init.body } : {}),
        signal: init.signal as AbortSignal,
      });
      const ok = answer.status >= 200 && answer.status < 300;
      return {
        response: {
          ok,
          status: answer.status,
          statusText: answer.statusText,
          headers: answer.headers,
        },
        text: answer.text,
      };
    },
  };
}

/** One attempt: send and read the whole body within `timeoutMs`; a caller's abort wins at once. */
function attemptOnce(
  sender: Sender,
  url: string,
  init: RequestInit & { headers: Record<string, string> },
  timeoutMs: number,
  signal: AbortSignal | undefined,
  method: string,
  label: string,
): Promise<Attempted> {
  return new Promise((resolve, reject) => {
    // Aborted while the credential or a pacer was awaited: send nothing.
    if (signal?.aborted) return reject(signal.reason);
    let done = false;
    let stopReading: ((reason: unknown) => void) | undefined;
    const controller = signal || sender.needsSignal ? new AbortController() : undefined;
    const settle = (): boolean => {
      if (done) return false;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      return true;
    };
    const onAbort = () => {
      if (!settle()) return;
      controller?.abort(signal?.reason);
      reject(signal?.reason);
    };
    if (controller) init = { ...init, signal: controller.signal };
    signal?.addEventListener("abort", onAbort, { once: true });
    const timer = setTimeout(
      () => {
        if (!settle()) return;
        const error = new TimeoutError(
          `${method} ${label} timed out after ${timeoutMs} ms`,
          timeoutMs,
        );
        if (controller) controller.abort(error);
        else stopReading?.(error);
        reject(error);
      },
      Math.min(timeoutMs, MAX_TIMER_MS),
    );
    sender
      .send(url, init, (cancel) => {
        // Headers arrived after the deadline: stop the body now; else keep the way to stop it.
        if (done) cancel(new Error("the attempt already ended"));
        else stopReading = cancel;
      })
      .then(({ response, text }) => {
        if (settle()) resolve(attempted(response, text));
      })
      .catch((error: unknown) => {
        if (settle()) reject(new ConnectionError(method, url, error));
      });
  });
}

function attempted(response: Answered, text: string): Attempted {
  return { response, text, attempts: 1, retryAfterMs: null, credential: undefined };
}

/** The secret part of an Authorization header (`Bearer <this>`), if any. */
function credentialIn(headers: Record<string, string>): string | undefined {
  const value = headers["authorization"]?.trim();
  if (!value) return undefined;
  const space = value.indexOf(" ");
  return space === -1 ? value : value.slice(space + 1).trim() || undefined;
}

/** Replaces the credential in a text. Keys under 8 characters (local test keys) are left alone. */
function redact(text: string, secret: string | undefined): string {
  if (secret === undefined || secret.length < 8 || !text.includes(secret)) return text;
  return text.split(secret).join("[redacted]");
}

const decoder = new TextDecoder();

/** Reads a body to the end and decodes it as UTF-8 (BOM dropped, bad bytes replaced), like `text()`. */
async function readText(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
  }
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const all = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(all);
}
