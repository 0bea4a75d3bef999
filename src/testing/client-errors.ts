import { maxHeaderSize } from "node:http";
import type { Duplex } from "node:stream";
import { errorBody } from "./wire.js";

/**
 * Answers what Node's HTTP parser refuses before it makes a request of it (a broken request line,
 * oversized headers, a bad chunk), the server's `clientError`: with the API's JSON error shape
 * and an `x-request-id`, like every other answer, then closes the connection (the parser cannot
 * go on after an error). Never throws: the socket may already be gone.
 */
export function answerClientError(
  error: Error & { code?: string; reason?: string },
  socket: Duplex,
  requestId: string,
  answerUnderway: boolean,
): void {
  // Nothing can be written when the client is gone, or when an answer is half on the wire (a
  // second status line would corrupt it).
  if (error.code === "ECONNRESET" || !socket.writable || answerUnderway) {
    socket.destroy();
    return;
  }
  const [status, reason, message] = describeParserError(error);
  const body = errorBody(message, "invalid_request_error");
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\n` +
      `content-type: application/json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      `x-request-id: ${requestId}\r\n` +
      `connection: close\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}

/** Status, reason phrase and message for a parser error; the codes Node itself answers specially. */
function describeParserError(error: Error & { code?: string; reason?: string }) {
  switch (error.code) {
    case "HPE_HEADER_OVERFLOW":
      return [
        431,
        "Request Header Fields Too Large",
        `Request header fields too large: the request line and headers must fit in ${maxHeaderSize} bytes.`,
      ] as const;
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return [408, "Request Timeout", "The request did not arrive in time."] as const;
    default: {
      const detail = error.reason ?? error.message;
      return [
        400,
        "Bad Request",
        `Malformed HTTP request${error.code === undefined ? "" : ` (${error.code})`}: ${detail}.`,
      ] as const;
    }
  }
}
