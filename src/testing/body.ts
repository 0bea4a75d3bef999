import type { IncomingMessage } from "node:http";
import { RECORDED_BODY_BYTES } from "./recorder.js";
import type { Answer } from "./routes.js";
import { errorBody } from "./wire.js";

/**
 * Request bodies, read without being kept. The API takes no body (cancel has none), so the
 * server only counts a body's bytes, keeps the first few for `server.requests`, and refuses one
 * over {@link MAX_BODY_BYTES}: a client streaming 300 MB costs the server nothing.
 */

/** The largest body accepted; more is answered 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** How a body read ended. `prefix` is at most {@link RECORDED_BODY_BYTES} of it, as UTF-8. */
export interface BodyOutcome {
  /** `complete`: all of it came; `too-large`: it passed the limit; `aborted`: the client cut it short. */
  end: "complete" | "too-large" | "aborted";
  prefix: string;
  /** Bytes read. */
  bytes: number;
  /** `prefix` is not the whole body: it was longer, or its end never came. */
  truncated: boolean;
}

/** Whether the request announces a body (`Content-Length: 0` is none). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  return (length !== undefined && length !== "0") || req.headers["transfer-encoding"] !== undefined;
}

/** The declared Content-Length when it is over the limit (Node has already refused a malformed one). */
export function declaredTooLarge(req: IncomingMessage): number | undefined {
  const length = req.headers["content-length"];
  if (length === undefined) return undefined;
  const bytes = Number(length);
  return bytes > MAX_BODY_BYTES ? bytes : undefined;
}

/**
 * Reads the body, keeping only its first {@link RECORDED_BODY_BYTES}; stops reading (the stream is
 * paused; see {@link discardBody}) as soon as it passes {@link MAX_BODY_BYTES}. Calls `done`
 * exactly once.
 */
export function readBody(req: IncomingMessage, done: (outcome: BodyOutcome) => void): void {
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let bytes = 0;
  let finished = false;
  const finish = (end: BodyOutcome["end"]) => {
    if (finished) return;
    finished = true;
    req.off("data", onData);
    const truncated = end !== "complete" || bytes > keptBytes;
    // `stream: true` holds back a character cut at the 4 KiB edge instead of writing U+FFFD.
    const prefix = new TextDecoder().decode(Buffer.concat(kept), { stream: truncated });
    done({ end, prefix, bytes, truncated });
  };
  const onData = (chunk: Buffer) => {
    bytes += chunk.length;
    if (keptBytes < RECORDED_BODY_BYTES) {
      // A copy, so the (up to 64 KiB) chunk it came in is not kept alive with it.
      const piece = Buffer.from(chunk.subarray(0, RECORDED_BODY_BYTES - keptBytes));
      kept.push(piece);
      keptBytes += piece.length;
    }
    if (bytes > MAX_BODY_BYTES) {
      req.pause();
      finish("too-large");
    }
  };
  req.on("data", onData);
  req.once("end", () => finish("complete"));
  // A body cut short: 'error' ("aborted") only comes when someone listens, 'close' always does.
  req.once("error", () => finish("aborted"));
  req.once("close", () => finish(req.complete ? "complete" : "aborted"));
}

/** How much of a refused body is read and dropped before the connection is closed instead. */
export const DISCARD_LIMIT_BYTES = 1024 * 1024;

/**
 * After an answer sent before all of the body was read: reads what is left and drops it, so a
 * client still sending gets the time to read the answer (closing at once would reset the
 * connection under it, answer unread) and a short body leaves the connection usable. Past
 * {@link DISCARD_LIMIT_BYTES} the connection is closed instead: a 300 MB body is never read.
 */
export function discardBody(req: IncomingMessage): void {
  // A complete request's buffered rest is dropped by Node itself once the answer is sent.
  if (req.complete) return;
  let dropped = 0;
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DISCARD_LIMIT_BYTES) req.socket.destroy();
  });
  req.resume();
}

const LIMIT = `the limit is ${MAX_BODY_BYTES} bytes (1 MiB)`;

/** 413 for a body over the limit, by its Content-Length (`declared`) or as counted. */
export function bodyTooLarge(declared: number | undefined): Answer {
  const size =
    declared === undefined
      ? `more than ${MAX_BODY_BYTES} bytes`
      : `Content-Length is ${declared} bytes`;
  return {
    status: 413,
    body: errorBody(
      `Request body too large: ${size}; ${LIMIT}.`,
      "invalid_request_error",
      null,
      "request_too_large",
    ),
  };
}
