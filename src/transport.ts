/**
 * The one request path: everything that talks HTTP goes through here, the `raw` client included.
 * Assembled from parts with one purpose each (src/transport/): the request target (url.ts), the
 * headers and credential (credentials.ts), fetch or a caller's sender (wire-sender.ts), one attempt
 * under its time limit (attempt.ts), the retry loop (retry-loop.ts), and decoding the final
 * response (decode.ts).
 */
import type { ClientLog } from "./logging.js";
import type { RequestOptions, ResolvedOptions } from "./options.js";
import type { AttemptHooks, ResponseHead } from "./transport/attempt-hooks.js";
import { createCredentials } from "./transport/credentials.js";
import { decodeResponse, type DecodedResponse } from "./transport/decode.js";
import { createObserver } from "./transport/observer.js";
import { shownUrl } from "./transport/redact.js";
import { runAttempts, type LoopContext } from "./transport/retry-loop.js";
import { withBaseQuery } from "./transport/url.js";
import { fetchSender, httpSender, type RequestInitWithHeaders } from "./transport/wire-sender.js";

export type { AttemptEnd, AttemptHooks, ResponseHead } from "./transport/attempt-hooks.js";
export type { DecodedResponse } from "./transport/decode.js";

/** One request of the run operations, before the base URL, the credential and the headers. */
export interface ApiRequest {
  method: "GET" | "POST";
  /** The path below the base URL, ids already percent-encoded. */
  path: string;
  /** The encoded query without `?`, or "". */
  query?: string;
  options?: RequestOptions | undefined;
  hooks?: AttemptHooks | undefined;
}

export interface Transport {
  /** The client's log, for the parts that report on many requests (a bulk job's pacer). */
  readonly log: ClientLog;
  /** Sends a request and decodes the JSON answer; error answers throw the matching error class. */
  send(request: ApiRequest): Promise<DecodedResponse>;
  /**
   * Sends one request as the raw client built it (`target`: the encoded path and query below the
   * base URL): same credentials, retries and time limits, but error answers are returned.
   */
  exchange(
    method: string,
    target: string,
    init: { body?: string; options?: RequestOptions },
  ): Promise<{ response: ResponseHead; text: string }>;
}

export function createTransport(resolved: ResolvedOptions): Transport {
  const { baseUrl, baseQuery } = resolved;
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, "");
  const credentials = createCredentials(resolved);
  const staticSecret = credentials.staticSecret;
  const context: LoopContext = {
    resolved,
    credentials,
    log: resolved.log,
    observer: createObserver(resolved.hooks, resolved.log),
    // fetch is looked up at each request, so a polyfill or test double installed later is used.
    sender: resolved.http
      ? httpSender(resolved.http)
      : fetchSender((input, init) => (resolved.fetch ?? globalThis.fetch)(input, init)),
  };
  // The common case (string key, no per-call headers) reuses one request object per method.
  const staticInits = new Map<string, RequestInitWithHeaders>();

  return {
    log: resolved.log,

    async send(request) {
      const { method } = request;
      const target = withBaseQuery(
        request.query ? `${request.path}?${request.query}` : request.path,
        baseQuery,
      );
      const requestPath = basePath + target;
      const completed = await runAttempts(context, {
        method,
        url: baseUrl + target,
        requestPath,
        initFor(headers) {
          if (headers !== credentials.staticHeaders) return { method, headers };
          let init = staticInits.get(method);
          if (!init) staticInits.set(method, (init = { method, headers }));
          return init;
        },
        options: request.options,
        hooks: request.hooks,
      });
      // Errors show the path: a query (the base URL's) may carry a key, a bare path cannot.
      const shownPath = target.includes("?") ? shownUrl(requestPath, staticSecret) : requestPath;
      return decodeResponse(completed, method, shownPath);
    },

    async exchange(method, target, init) {
      target = withBaseQuery(target, baseQuery);
      const { response, text } = await runAttempts(context, {
        method,
        url: baseUrl + target,
        requestPath: basePath + target,
        initFor: (headers) => ({
          method,
          headers,
          ...(init.body === undefined ? {} : { body: init.body }),
        }),
        options: init.options,
        hooks: undefined,
      });
      return { response, text };
    },
  };
}
