/**
 * How one request goes out and its whole answer comes back: fetch, or a caller's {@link HttpSender}
 * (`nodeHttp()`), behind one interface. No time limit here: {@link attemptOnce} sets it.
 */
import type { HttpSender } from "../http-sender.js";
import type { ResponseHead } from "./attempt-hooks.js";

/** A request as the transport built it: headers final, body (if any) serialised. */
export type RequestInitWithHeaders = RequestInit & { headers: Record<string, string> };

/** The status line, headers and the whole body of one response. */
export interface ReceivedResponse {
  response: ResponseHead;
  text: string;
}

/**
 * Sends one request and reads its whole body. `onStarted` hands over a way to stop reading the
 * body, for a sender that runs without a signal; `init.signal` is set whenever `needsSignal` is,
 * or the caller gave one.
 */
export interface WireSender {
  needsSignal: boolean;
  send(
    url: string,
    init: RequestInitWithHeaders,
    onStarted: (cancel: (reason: unknown) => void) => void,
  ): Promise<ReceivedResponse>;
}

const noop = () => {};

/**
 * fetch as a sender. Without a caller's signal no AbortSignal is handed to fetch (on Node 20 even
 * an idle one slows a loopback call by 15-20%); a timed-out request is then released by cancelling
 * its body as soon as its headers arrive. The body is read through our own reader: `text()` would
 * lock the stream, and a locked stream cannot be cancelled, so a stalled body would hold its socket.
 */
export function fetchSender(doFetch: typeof fetch): WireSender {
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
export function httpSender(http: HttpSender): WireSender {
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
