/**
 * The contract of a sender other than fetch: one HTTP request in, the whole answer out. fetch is
 * the default everywhere; on Node, `nodeHttp()` from `threadrun/node` implements this on
 * `node:http`, which answers a loopback call in about 60% of fetch's time on Node 20.
 */

/**
 * One request, as the transport hands it over: headers final, body (if any) serialised.
 * @category Client
 */
export interface HttpSenderInit {
  method: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body?: string;
  /** Aborted on the caller's abort (with its reason) and at the attempt's time limit. */
  signal: AbortSignal;
}

/**
 * The whole answer: status line, headers and the body read to the end as text.
 * @category Client
 */
export interface HttpAnswer {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
}

/**
 * Sends one request and resolves with the whole answer, whatever its status; rejects when no
 * answer came (connection refused or reset, the signal aborted). Retries, time limits,
 * credentials and errors stay the client's business.
 * @category Client
 */
export type HttpSender = (url: string, init: HttpSenderInit) => Promise<HttpAnswer>;
