/**
 * `nodeHttp()`: an {@link HttpSender} on `node:http` / `node:https` with keep-alive agents. On
 * Node 20 a loopback call through undici's fetch spends most of its time in WHATWG streams and
 * Response objects; `node:http` answers in about 60% of that time, which is how the Azure SDK
 * (also on node:http) beats raw fetch. Retries, time limits and errors stay the client's: this
 * only sends one request and reads its answer.
 */
import http from "node:http";
import https from "node:https";
import type { HttpAnswer, HttpSender, HttpSenderInit } from "../http-sender.js";
import { checkKnownKeys, checkOptionsObject, describe, keysOf, wholeNumber } from "../validate.js";

/**
 * Options of {@link nodeHttp}. Any other key is refused with a `TypeError` naming it.
 * @category Node
 */
export interface NodeHttpOptions {
  /**
   * Sockets kept per host. Give your own agents for anything else (TLS options, proxies).
   * @default 64
   */
  maxSockets?: number | undefined;
  /** The agent for `http:` URLs. @default a keep-alive agent of this sender */
  httpAgent?: http.Agent | undefined;
  /** The agent for `https:` URLs. @default a keep-alive agent of this sender */
  httpsAgent?: https.Agent | undefined;
}

/**
 * A sender for `createClient({ http: nodeHttp() })` (Node only).
 * ```ts
 * import { createClient } from "threadrun";
 * import { nodeHttp } from "threadrun/node";
 * const client = createClient({ http: nodeHttp() });
 * ```
 * @category Node
 */
export function nodeHttp(options: NodeHttpOptions = {}): HttpSender {
  checkOptionsObject(options, `${LABEL}: options`);
  checkKnownKeys(options, NODE_HTTP_OPTION_KEYS, LABEL);
  const maxSockets = wholeNumber(options.maxSockets, `${LABEL}: maxSockets`, 64, { min: 1 });
  checkAgent(options.httpAgent, "httpAgent", "http:");
  checkAgent(options.httpsAgent, "httpsAgent", "https:");
  if (options.maxSockets !== undefined && options.httpAgent && options.httpsAgent) {
    throw new TypeError(
      `${LABEL}: maxSockets applies only to the agents nodeHttp creates; with both httpAgent and ` +
        "httpsAgent given, set maxSockets on them",
    );
  }
  const httpAgent = options.httpAgent ?? new http.Agent({ keepAlive: true, maxSockets });
  const httpsAgent = options.httpsAgent ?? new https.Agent({ keepAlive: true, maxSockets });
  return (url, init) => send(url, init, httpAgent, httpsAgent);
}

const LABEL = "nodeHttp";

const NODE_HTTP_OPTION_KEYS = keysOf<NodeHttpOptions>({
  maxSockets: true,
  httpAgent: true,
  httpsAgent: true,
});

/**
 * An agent for the protocol it is given for. Node would refuse a swapped one only at the first
 * request (`Protocol "http:" not supported`); here it is caught at once, with the right slot named.
 * Only Node's own two classes are told apart: a subclass (a proxy agent) may speak both.
 */
function checkAgent(agent: unknown, name: "httpAgent" | "httpsAgent", protocol: string): void {
  if (agent === undefined) return;
  const expected = protocol === "https:" ? "https.Agent" : "http.Agent";
  if (!(agent instanceof http.Agent)) {
    throw new TypeError(`${LABEL}: ${name} must be an ${expected}, got ${describe(agent)}`);
  }
  const swapped =
    protocol === "https:"
      ? Object.getPrototypeOf(agent) === http.Agent.prototype
      : Object.getPrototypeOf(agent) === https.Agent.prototype;
  if (swapped) {
    const other = name === "httpAgent" ? "httpsAgent" : "httpAgent";
    const given = protocol === "https:" ? "an http.Agent" : "an https.Agent";
    throw new TypeError(
      `${LABEL}: ${name} must be an ${expected}, got ${given}; did you mean ${JSON.stringify(other)}?`,
    );
  }
}

function send(
  url: string,
  init: HttpSenderInit,
  httpAgent: http.Agent,
  httpsAgent: https.Agent,
): Promise<HttpAnswer> {
  const { signal } = init;
  if (signal.aborted) return Promise.reject(signal.reason);
  const secure = url.startsWith("https:");
  const request = secure ? https.request : http.request;
  return new Promise<HttpAnswer>((resolve, reject) => {
    const req = request(url, {
      method: init.method,
      headers:
        init.body === undefined
          ? init.headers
          : { ...init.headers, "content-length": String(Buffer.byteLength(init.body)) },
      agent: secure ? httpsAgent : httpAgent,
    });
    // The signal ends the request (and its socket) at the caller's abort or the time limit.
    const onAbort = () => {
      req.destroy();
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    const done = () => signal.removeEventListener("abort", onAbort);
    req.on("error", (error) => {
      done();
      reject(error);
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", (error) => {
        done();
        reject(error);
      });
      res.on("aborted", () => {
        done();
        reject(new Error("the connection closed before the body ended"));
      });
      res.on("end", () => {
        done();
        // A body cut short by a reset ends without "aborted" on some Node versions.
        if (!res.complete) return reject(new Error("the connection closed before the body ended"));
        const headers = new Headers();
        const raw = res.rawHeaders;
        for (let i = 0; i < raw.length; i += 2)
          headers.append(raw[i] as string, raw[i + 1] as string);
        const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? "",
          headers,
          text: body.toString("utf8"),
        });
      });
    });
    req.end(init.body);
  });
}
