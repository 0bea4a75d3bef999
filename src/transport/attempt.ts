/**
 * One attempt: send the request and read the whole body within the time limit (headers and body
 * together). A caller's abort wins at once, with the caller's reason.
 */
import { ConnectionError } from "../errors/connection-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { MAX_TIMER_MS } from "../sleep.js";
import { shownUrl } from "./redact.js";
import type { ReceivedResponse, RequestInitWithHeaders, WireSender } from "./wire-sender.js";

/** What one attempt sends, and the names its errors use. */
export interface AttemptRequest {
  sender: WireSender;
  method: string;
  url: string;
  /** The path and query below the origin, as errors show it. */
  requestPath: string;
  init: RequestInitWithHeaders;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  /** The credential, kept out of a {@link ConnectionError}'s URL (a base query may carry a key). */
  secret: string | undefined;
}

/**
 * Resolves with the answer, whatever its status. Rejects with a {@link TimeoutError} at the time
 * limit, a {@link ConnectionError} when no answer came, or the signal's reason on an abort.
 */
export function attemptOnce(request: AttemptRequest): Promise<ReceivedResponse> {
  const { sender, method, url, timeoutMs, signal } = request;
  let { init } = request;
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
    // Listens only on a caller's signal, which always has a controller; settle() removes it, so
    // an abort always finds the attempt open.
    const onAbort = () => {
      settle();
      const reason: unknown = signal!.reason;
      controller!.abort(reason);
      reject(reason);
    };
    if (controller) init = { ...init, signal: controller.signal };
    signal?.addEventListener("abort", onAbort);
    const timer = setTimeout(
      () => {
        if (!settle()) return;
        const error = new TimeoutError(
          `${method} ${shownUrl(request.requestPath, request.secret)} timed out after ${timeoutMs} ms`,
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
      .then((received) => {
        if (settle()) resolve(received);
      })
      .catch((error: unknown) => {
        if (settle()) reject(new ConnectionError(method, shownUrl(url, request.secret), error));
      });
  });
}
