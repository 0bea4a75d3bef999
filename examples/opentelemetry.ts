/**
 * Tracing threadrun with OpenTelemetry, without threadrun depending on it: the client's `hooks`
 * mapped to spans with `@opentelemetry/api`. Copy this file into your project (import from
 * "threadrun" there instead of "../src/index.js") and pass the hooks to `createClient`:
 *
 *   import { trace } from "@opentelemetry/api";
 *   const client = createClient({ hooks: tracingHooks(trace.getTracer("my-service")) });
 *
 * What it records, following the OpenTelemetry semantic conventions for HTTP client spans
 * (https://opentelemetry.io/docs/specs/semconv/http/http-spans/):
 * - ONE span per call (kind CLIENT, named after the method), from the first attempt's request to
 *   the end of the call: retries are events on it, not spans of their own. The events of one call
 *   share a `callId`; the `onResponse` that ends it has `final: true`.
 * - Attributes: `http.request.method`, `url.full` (threadrun never puts the key in it),
 *   `server.address`, `server.port`, `http.response.status_code` (of the last attempt),
 *   `http.request.resend_count` (retries, set only when there were some), and on a failed call
 *   `error.type`: the status as a string ("404") or the error's name ("ConnectionError",
 *   "TimeoutError", "AbortError"), with span status ERROR.
 * - One `threadrun.retry` event per retry, with the attempt that failed, the wait before the next
 *   one (`threadrun.retry.delay_ms`), where the wait came from (`retry-after-ms`, `Retry-After`,
 *   `backoff`, `pacer`) and why (`threadrun.retry.reason`: the status, or the error's name).
 *
 * The span's parent is the context active when the call starts (with a context manager such as
 * the one of `@opentelemetry/sdk-trace-node`, the span the caller is in).
 */
import { SpanKind, SpanStatusCode, type Span, type Tracer } from "@opentelemetry/api";
import type { ClientHooks, RequestEvent, ResponseEvent, RetryEvent } from "../src/index.js";

/** Hooks that trace every call of a client as one CLIENT span of `tracer`. */
export function tracingHooks(tracer: Tracer): ClientHooks {
  // The open span of each call in flight, by callId; removed when the call's final event comes.
  const spans = new Map<number, Span>();
  return {
    onRequest(event) {
      if (event.attempt === 1) spans.set(event.callId, startCallSpan(tracer, event));
    },
    onRetry(event) {
      spans.get(event.callId)?.addEvent("threadrun.retry", retryAttributes(event));
    },
    onResponse(event) {
      if (!event.final) return;
      const span = spans.get(event.callId);
      if (span === undefined) return;
      spans.delete(event.callId);
      endCallSpan(span, event);
    },
  };
}

function startCallSpan(tracer: Tracer, event: RequestEvent): Span {
  const url = new URL(event.url);
  return tracer.startSpan(event.method, {
    kind: SpanKind.CLIENT,
    attributes: {
      "http.request.method": event.method,
      "url.full": event.url,
      "server.address": url.hostname,
      "server.port": url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port),
    },
  });
}

function retryAttributes(event: RetryEvent) {
  return {
    "threadrun.retry.attempt": event.attempt,
    "threadrun.retry.delay_ms": event.delayMs,
    "threadrun.retry.delay_source": event.delaySource,
    "threadrun.retry.reason":
      "status" in event.reason ? String(event.reason.status) : event.reason.error,
  };
}

/** Sets what the call's last attempt says, marks a failure as such, and ends the span. */
function endCallSpan(span: Span, event: ResponseEvent): void {
  if (event.retryCount > 0) span.setAttribute("http.request.resend_count", event.retryCount);
  if (event.status !== undefined) {
    span.setAttribute("http.response.status_code", event.status);
    // For a client span, every 4xx and 5xx is an error; its type is the status code.
    if (event.status >= 400) fail(span, String(event.status));
  } else {
    // No response: a connection error, a time-out, an abort. Its name is the error's type.
    fail(span, errorName(event.error));
    if (event.error instanceof Error) span.recordException(event.error);
  }
  span.end();
}

function fail(span: Span, errorType: string): void {
  span.setAttribute("error.type", errorType);
  span.setStatus({ code: SpanStatusCode.ERROR, message: errorType });
}

function errorName(error: unknown): string {
  const name = (error as { name?: unknown } | null | undefined)?.name;
  return typeof name === "string" && name !== "" ? name : "_OTHER";
}
