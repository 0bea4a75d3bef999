import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  ApiError,
  ConnectionError,
  InvalidResponseError,
  ThreadRunError,
  TimeoutError,
  createClient,
} from "../../src/index.js";
import type { ClientOptions, ThreadRunClient } from "../../src/index.js";
import { KEY, clientFor, failure, rejection } from "../support/client.js";
import {
  type Handler,
  errorBody,
  json,
  resetBeforeHeaders,
  resetMidBody,
  stallBody,
  stallHeaders,
  startServer,
  status,
} from "../support/scripted-server.js";
import { wireRun } from "../support/wire.js";

/** Every way a thrown error or the client can end up printed or logged. */
function renderings(value: unknown): string[] {
  const out = [
    String(value),
    JSON.stringify(value) ?? "",
    inspect(value, { depth: 10 }),
    inspect(value, { depth: 10, showHidden: true }),
  ];
  if (value instanceof Error) {
    out.push(value.message, String(value.stack));
    let cause: unknown = value.cause;
    while (cause !== undefined) {
      out.push(String(cause), inspect(cause, { depth: 10 }));
      cause = cause instanceof Error ? cause.cause : undefined;
    }
  }
  return out;
}

function expectNoSecret(value: unknown, secret: string): void {
  for (const text of renderings(value)) {
    expect(text).not.toContain(secret);
    // Not even a recognisable part of it.
    expect(text).not.toContain(secret.slice(3, 20));
  }
}

const TOKEN = "eyJhbGciOi.token-secret-ABCDEF123456.sig";

const CREDENTIALS: Array<{ name: string; options: () => ClientOptions; secret: string }> = [
  { name: "a string key", options: () => ({ apiKey: KEY }), secret: KEY },
  { name: "a token function", options: () => ({ apiKey: async () => TOKEN }), secret: TOKEN },
];

const KINDS: Array<{
  name: string;
  handler: Handler;
  expected: abstract new (...a: never[]) => Error;
  /** For the answers that stall (they time out on every attempt); the others never should. */
  timeoutMs?: number;
}> = [
  {
    name: "401 AuthenticationError",
    handler: status(401, "Incorrect API key provided."),
    expected: ApiError,
  },
  { name: "400 BadRequestError", handler: status(400), expected: ApiError },
  {
    name: "429 RateLimitError",
    handler: status(429, "slow", { "retry-after": "600" }),
    expected: ApiError,
  },
  { name: "500 InternalServerError", handler: status(500), expected: ApiError },
  {
    name: "HTML 502",
    handler: (_q, res) => void res.writeHead(502).end("<h1>bad</h1>"),
    expected: ApiError,
  },
  { name: "ConnectionError (reset)", handler: resetBeforeHeaders, expected: ConnectionError },
  { name: "ConnectionError (mid-body)", handler: resetMidBody, expected: ConnectionError },
  { name: "TimeoutError (body)", handler: stallBody, expected: TimeoutError, timeoutMs: 50 },
  { name: "TimeoutError (headers)", handler: stallHeaders, expected: TimeoutError, timeoutMs: 50 },
  {
    name: "InvalidResponseError (not JSON)",
    handler: (_q, res) => json(res, 200, "{nope"),
    expected: InvalidResponseError,
  },
  {
    name: "InvalidResponseError (not a run)",
    handler: (_q, res) => json(res, 200, wireRun({ created_at: "abc" })),
    expected: InvalidResponseError,
  },
];

describe.each(CREDENTIALS)("the credential never leaks, with $name", ({ options, secret }) => {
  it.each(KINDS)("$name", async ({ handler, expected, timeoutMs = 10_000 }) => {
    const server = await startServer(handler);
    const client = clientFor(server, { ...options(), timeoutMs, maxRetries: 1 });
    for (const signal of [undefined, new AbortController().signal]) {
      const error = await rejection(client.runs.cancel("t", "r", signal ? { signal } : {}));
      expect(error).toBeInstanceOf(expected);
      expect(error).toBeInstanceOf(ThreadRunError);
      expectNoSecret(error, secret);
    }
    // The server really got the credential: the test would catch a leak if there were one.
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${secret}`);
  });

  it("the client itself does not show it", async () => {
    const server = await startServer();
    const client = clientFor(server, options());
    await client.runs.get("t", "r");
    void client.raw; // built lazily: show it too
    expectNoSecret(client, secret);
    expectNoSecret(client.runs, secret);
    expectNoSecret(client.raw, secret);
    expect(Object.keys(client)).not.toContain("apiKey");
  });

  it("list errors do not show it", async () => {
    const server = await startServer((_q, res) =>
      json(res, 200, { object: "list", data: [{ id: 1 }], has_more: false }),
    );
    const error = await rejection(clientFor(server, options()).runs.list("t").all());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expectNoSecret(error, secret);
  });
});

describe("credentials that cannot be sent", () => {
  // A key pasted with a line break or a control character would make fetch throw an error that
  // quotes the whole header value, key included.
  const BAD = [
    "sk-secret-line1\r\nline2-0123456789",
    "sk-secret-ctrl\u0001-0123456789",
    "sk-secret-\u2026-0123456789",
  ];

  it.each(BAD)("a string key %j is refused without echoing it", async (key) => {
    const server = await startServer();
    const error = await failure(async () => {
      const client = createClient({ apiKey: key, baseUrl: server.url, maxRetries: 0 });
      await client.runs.get("t", "r");
    });
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/apiKey/);
    expectNoSecret(error, key);
    expect(server.requests).toHaveLength(0);
  });

  it.each(BAD)("a token function returning %j is refused without echoing it", async (token) => {
    const server = await startServer();
    const client: ThreadRunClient = createClient({ apiKey: () => token, baseUrl: server.url });
    const error = await rejection(client.runs.get("t", "r"));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/apiKey/);
    expectNoSecret(error, token);
    expect(server.requests).toHaveLength(0);
  });

  it("an error page that echoes the credential does not carry it into the error", async () => {
    const server = await startServer((req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end(
        `<pre>upstream failed; request headers: authorization=${req.headers.authorization}</pre>`,
      );
    });
    const error = await rejection(clientFor(server, { maxRetries: 0 }).runs.get("t", "r"));
    expect(error).toBeInstanceOf(ApiError);
    expectNoSecret(error, KEY);
  });

  it("a JSON error that echoes the token does not carry it into the error", async () => {
    const server = await startServer((req, res) =>
      json(res, 401, errorBody(`Token ${String(req.headers.authorization).slice(7)} expired`)),
    );
    const client = clientFor(server, { apiKey: () => TOKEN });
    const error = (await rejection(client.runs.get("t", "r"))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expectNoSecret(error, TOKEN);
    expect(error.message).toContain("expired");
  });
});
