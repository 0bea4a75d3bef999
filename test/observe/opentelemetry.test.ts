/**
 * examples/opentelemetry.ts, run as documented: the client's hooks mapped to spans, recorded by
 * the OpenTelemetry SDK's in-memory exporter, against a loopback server. One CLIENT span per call
 * (retries are events on it), the HTTP client attributes of the semantic conventions, ERROR on a
 * failed call with `error.type`, one span per concurrent call, and never the key.
 */
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from "@opentelemetry/sdk-trace-base";
import { afterEach, describe, expect, it } from "vitest";
import { tracingHooks } from "../../examples/opentelemetry.js";
import type { ClientOptions } from "../../src/index.js";
import { KEY, clientFor, rejection } from "../support/client.js";
import { captureLogger } from "../support/logger.js";
import {
  json,
  okRun,
  resetBeforeHeaders,
  sequence,
  startServer,
  status,
  type TestServer,
} from "../support/scripted-server.js";
import { until } from "../support/time.js";
import { SENDERS } from "../support/senders.js";

const providers: BasicTracerProvider[] = [];
afterEach(async () => {
  await Promise.all(providers.splice(0).map((provider) => provider.shutdown()));
});

/** A client of `server` traced into an in-memory exporter. */
function traced(
  server: { url: string } | TestServer,
  options: Partial<ClientOptions> = {},
): { client: ReturnType<typeof clientFor>; spans: () => ReadableSpan[] } {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  providers.push(provider);
  const hooks = tracingHooks(provider.getTracer("threadrun-test"));
  return {
    client: clientFor(server, { ...options, hooks }),
    spans: () => exporter.getFinishedSpans(),
  };
}

describe.each(SENDERS)("tracingHooks with %s", (_name, sender) => {
  it("a call retried once after a 503: ONE client span, one retry event, the HTTP attributes", async () => {
    const server = await startServer(
      sequence(status(503, "busy", { "retry-after-ms": "20" }), okRun()),
    );
    const { client, spans } = traced(server, sender());
    await client.runs.cancel("thread_1", "run_1");
    expect(server.requests).toHaveLength(2);
    expect(spans()).toHaveLength(1);
    const [span] = spans();
    const port = Number(new URL(server.url).port);
    expect(span!.name).toBe("POST");
    expect(span!.kind).toBe(SpanKind.CLIENT);
    expect(span!.attributes).toEqual({
      "http.request.method": "POST",
      "url.full": `${server.url}/threads/thread_1/runs/run_1/cancel`,
      "server.address": "127.0.0.1",
      "server.port": port,
      "http.response.status_code": 200,
      "http.request.resend_count": 1,
    });
    expect(span!.status.code).toBe(SpanStatusCode.UNSET);
    expect(span!.events.map((event) => [event.name, event.attributes])).toEqual([
      [
        "threadrun.retry",
        {
          "threadrun.retry.attempt": 1,
          "threadrun.retry.delay_ms": 20,
          "threadrun.retry.delay_source": "retry-after-ms",
          "threadrun.retry.reason": "503",
        },
      ],
    ]);
  });

  it('a 404: an ERROR span with error.type "404", no resend count', async () => {
    const server = await startServer(status(404, "no such run"));
    const { client, spans } = traced(server, sender());
    await rejection(client.runs.get("thread_1", "run_missing"));
    expect(spans()).toHaveLength(1);
    const [span] = spans();
    expect(span!.name).toBe("GET");
    expect(span!.status.code).toBe(SpanStatusCode.ERROR);
    expect(span!.attributes).toMatchObject({
      "http.request.method": "GET",
      "http.response.status_code": 404,
      "error.type": "404",
    });
    expect(span!.attributes["http.request.resend_count"]).toBeUndefined();
    expect(span!.events).toEqual([]);
  });

  it("a connection error past its retries: an ERROR span with the error's name as error.type", async () => {
    const server = await startServer(resetBeforeHeaders);
    const { client, spans } = traced(server, { ...sender(), maxRetries: 1 });
    await rejection(client.runs.get("thread_1", "run_1"));
    expect(spans()).toHaveLength(1);
    const [span] = spans();
    expect(span!.status.code).toBe(SpanStatusCode.ERROR);
    expect(span!.attributes["error.type"]).toBe("ConnectionError");
    expect(span!.attributes["http.request.resend_count"]).toBe(1);
    expect(span!.attributes["http.response.status_code"]).toBeUndefined();
    expect(span!.events.map((event) => event.name)).toEqual(["threadrun.retry", "exception"]);
    expect(span!.events[0]!.attributes).toMatchObject({
      "threadrun.retry.reason": "ConnectionError",
      "threadrun.retry.delay_source": "backoff",
    });
  });

  it("a call aborted while it waits for a retry: its span ends, as an error of the abort", async () => {
    const server = await startServer(status(503, "busy", { "retry-after-ms": "30000" }));
    // The info line of the retry says when the wait has begun.
    const logger = captureLogger();
    const { client, spans } = traced(server, {
      ...sender(),
      maxRetryAfterMs: 60_000,
      logger,
      logLevel: "info",
    });
    const controller = new AbortController();
    const call = client.runs.get("thread_1", "run_1", { signal: controller.signal });
    await until(() => logger.lines.some((line) => line.message.includes("retrying")));
    controller.abort();
    await rejection(call);
    expect(spans()).toHaveLength(1);
    const [span] = spans();
    expect(span!.status.code).toBe(SpanStatusCode.ERROR);
    expect(span!.attributes["error.type"]).toBe("AbortError");
    expect(span!.events.map((event) => event.name)).toEqual(["threadrun.retry", "exception"]);
  });

  it("two concurrent calls: two spans, each with its own attempts", async () => {
    // Both first attempts are held until both have arrived; run_a's is answered 503, run_b's 200.
    let firstAttempts = 0;
    const server = await startServer(async (req, res, attempt) => {
      if (req.headers["x-threadrun-retry-count"] === "0") {
        firstAttempts++;
        await until(() => firstAttempts >= 2);
        if (req.path.endsWith("run_a")) {
          return status(503, "busy", { "retry-after-ms": "5" })(req, res, attempt);
        }
      }
      return okRun()(req, res, attempt);
    });
    const { client, spans } = traced(server, sender());
    await Promise.all([client.runs.get("t", "run_a"), client.runs.get("t", "run_b")]);
    expect(server.requests).toHaveLength(3);
    expect(spans()).toHaveLength(2);
    const byRun = (run: string) =>
      spans().find((span) => String(span.attributes["url.full"]).endsWith(run))!;
    const [a, b] = [byRun("run_a"), byRun("run_b")];
    expect(a.spanContext().spanId).not.toBe(b.spanContext().spanId);
    expect(a.events).toHaveLength(1);
    expect(a.attributes["http.request.resend_count"]).toBe(1);
    expect(b.events).toHaveLength(0);
    expect(b.attributes["http.request.resend_count"]).toBeUndefined();
    for (const span of [a, b]) {
      expect(span.attributes["http.response.status_code"]).toBe(200);
      expect(span.status.code).toBe(SpanStatusCode.UNSET);
    }
  });

  it("no span, attribute or event holds the API key, sent in the header and the query", async () => {
    // Every answer echoes what it was sent, so that an error message could carry the key.
    const echo = sequence(
      resetBeforeHeaders,
      (req, res) =>
        json(
          res,
          503,
          { error: { message: `busy for ${req.headers.authorization}` } },
          {
            "retry-after-ms": "1",
          },
        ),
      (req, res) => json(res, 401, { error: { message: `denied for ${req.url}` } }),
    );
    const server = await startServer(echo);
    const { client, spans } = traced(
      { url: `${server.url}?api-key=${KEY}&tenant=a` },
      { ...sender(), maxRetries: 3 },
    );
    await rejection(client.runs.cancel("t", "r"));
    await rejection(client.runs.get("t", "r"));
    expect(server.requests[1]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(server.requests[1]!.query.get("api-key")).toBe(KEY);
    expect(spans()).toHaveLength(2);
    const everything = JSON.stringify(
      spans().map((span) => ({
        name: span.name,
        attributes: span.attributes,
        events: span.events,
        status: span.status,
      })),
    );
    expect(everything).toContain("api-key=[redacted]");
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain(encodeURIComponent(KEY));
  });
});
