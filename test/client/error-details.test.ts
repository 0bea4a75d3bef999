/**
 * What an error tells the person reading a log: the exact message of each error class, the
 * excerpt of a body that was not the documented JSON (single-line, cut at 200 characters), the
 * `toJSON` view a logger prints, and the path-id messages. A message that lost its status, its
 * request id or the server's words would cost a support ticket.
 */
import { describe, expect, it } from "vitest";
import {
  ApiError,
  ConnectionError,
  InvalidResponseError,
  NotFoundError,
  RateLimitError,
} from "../../src/index.js";
import { clientFor, failure, rejection } from "../support/client.js";
import { errorBody, json, resetBeforeHeaders, startServer } from "../support/scripted-server.js";

/** Answers every request with `status` and the raw `body` (as bytes). */
const raw = (status: number, body: string, headers: Record<string, string> = {}) =>
  startServer((_req, res) => {
    res.writeHead(status, { "content-type": "text/html", ...headers });
    res.end(Buffer.from(body));
  });

const once = { maxRetries: 0 } as const;

describe("the message of an error answer", () => {
  it("names the status, the server's message, the method, the path and the request id", async () => {
    const server = await startServer((_req, res) =>
      json(res, 404, errorBody("No run found with id 'r'.", { code: "not_found" })),
    );
    const error = (await rejection(clientFor(server).runs.get("t", "r"))) as NotFoundError;
    expect(error.message).toBe(
      "404 No run found with id 'r'. (GET /v1/threads/t/runs/r, request id req_test)",
    );
    expect(error.serverMessage).toBe("No run found with id 'r'.");
  });

  it("leaves the request id out when the answer has none", async () => {
    const server = await raw(404, JSON.stringify(errorBody("gone")));
    const error = (await rejection(clientFor(server).runs.get("t", "r"))) as ApiError;
    expect(error.message).toBe("404 gone (GET /v1/threads/t/runs/r)");
  });

  it("an error object with an empty message says there was none, without the body", async () => {
    const server = await raw(400, JSON.stringify({ error: { message: "", code: "bad" } }));
    const error = (await rejection(clientFor(server).runs.get("t", "r"))) as ApiError;
    expect(error.serverMessage).toBe("(no error message)");
    expect(error.code).toBe("bad");
  });

  it("JSON without an `error` field ({detail}) is shown as the body", async () => {
    const server = await raw(400, '{"detail": "thread is locked"}');
    const error = (await rejection(clientFor(server).runs.get("t", "r"))) as ApiError;
    expect(error.serverMessage).toBe('(no error message; body: {"detail": "thread is locked"})');
  });

  it("a body of only whitespace is no body", async () => {
    const server = await raw(400, "  \n\t ");
    const error = (await rejection(clientFor(server).runs.get("t", "r"))) as ApiError;
    expect(error.serverMessage).toBe("(no error message)");
  });

  it("an HTML page becomes one line, its runs of whitespace one space, trimmed", async () => {
    const server = await raw(403, "\n  <html>\n\n  <b>Denied</b>\t\t</html>\n");
    const error = (await rejection(clientFor(server).runs.get("t", "r"))) as ApiError;
    expect(error.serverMessage).toBe("(no error message; body: <html> <b>Denied</b> </html>)");
  });

  it("a body of exactly 200 characters is shown whole", async () => {
    const page = "x".repeat(200);
    const server = await raw(403, page);
    const error = (await rejection(clientFor(server).runs.get("t", "r"))) as ApiError;
    expect(error.serverMessage).toBe(`(no error message; body: ${page})`);
  });

  it("a longer page is cut at 200 characters, with an ellipsis", async () => {
    const page = `<html>${"y".repeat(194)}<b>the rest</b></html>`;
    const server = await raw(502, page);
    const error = (await rejection(clientFor(server, once).runs.get("t", "r"))) as ApiError;
    expect(error.serverMessage).toBe(`(no error message; body: ${page.slice(0, 200)}…)`);
  });

  it("a 429 says how long the server asked to wait, and only when it asked", async () => {
    const server = await startServer((req, res) =>
      json(
        res,
        429,
        errorBody("slow down"),
        req.path.endsWith("/cancel") ? { "retry-after-ms": "120000" } : {},
      ),
    );
    const client = clientFor(server, once);
    const asked = (await rejection(client.runs.cancel("t", "r"))) as RateLimitError;
    expect(asked.message).toBe(
      "429 slow down (POST /v1/threads/t/runs/r/cancel, request id req_test) (server asked to wait 120000 ms)",
    );
    const silent = (await rejection(client.runs.get("t", "r"))) as RateLimitError;
    expect(silent.message).toBe("429 slow down (GET /v1/threads/t/runs/r, request id req_test)");
  });
});

describe("toJSON, the view a logger prints", () => {
  it("an ApiError: its fields and every attempt, no headers", async () => {
    const server = await startServer((_req, res) =>
      json(res, 404, errorBody("gone", { code: "not_found", param: "run_id" })),
    );
    const error = (await rejection(clientFor(server).runs.get("t", "r"))) as ApiError;
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "NotFoundError",
      message: "404 gone (GET /v1/threads/t/runs/r, request id req_test)",
      status: 404,
      code: "not_found",
      type: "invalid_request_error",
      param: "run_id",
      requestId: "req_test",
      method: "GET",
      path: "/v1/threads/t/runs/r",
      attempts: 1,
      history: [
        {
          attempt: 1,
          status: 404,
          requestId: "req_test",
          durationMs: expect.any(Number) as number,
          waitedMs: 0,
        },
      ],
    });
  });

  it("a RateLimitError adds the wait asked for", async () => {
    const server = await startServer((_req, res) =>
      json(res, 429, errorBody("slow down"), { "retry-after-ms": "120000" }),
    );
    const error = (await rejection(clientFor(server, once).runs.get("t", "r"))) as ApiError;
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: "RateLimitError",
      status: 429,
      retryAfterMs: 120_000,
    });
  });
});

describe("errors without an error answer", () => {
  it("ConnectionError names the method, the URL and the socket's error code", async () => {
    const server = await startServer(resetBeforeHeaders);
    const error = (await rejection(clientFor(server, once).runs.get("t", "r"))) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.name).toBe("ConnectionError");
    // undici wraps the socket's error: its code and message are the part worth reading.
    const socket = (error.cause as { cause: Error & { code: string } }).cause;
    expect(socket.code).toMatch(/^[A-Z_]+$/);
    expect(error.message).toBe(
      `Connection failed: GET ${server.url}/threads/t/runs/r: fetch failed (${socket.code}: ${socket.message})`,
    );
  });

  it("InvalidResponseError names the request, the status and the request id, and keeps the parse error", async () => {
    const server = await startServer((_req, res) => json(res, 200, "{not json"));
    const error = (await rejection(clientFor(server).runs.get("t", "r"))) as InvalidResponseError;
    expect(error.name).toBe("InvalidResponseError");
    expect(error.message).toMatch(
      /^Invalid response to GET \/v1\/threads\/t\/runs\/r \(200, request id req_test\): /,
    );
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it("InvalidResponseError leaves the request id out when the answer has none", async () => {
    const server = await raw(200, "{not json");
    const error = (await rejection(clientFor(server).runs.get("t", "r"))) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toMatch(/^Invalid response to GET \/v1\/threads\/t\/runs\/r \(200\): /);
  });

  it("InvalidResponseError of a list whose data is not an array names the field, no cause", async () => {
    const server = await startServer((_req, res) => json(res, 200, { object: "list", data: "x" }));
    const error = await rejection(clientFor(server).runs.list("t").all());
    expect(error).toBeInstanceOf(InvalidResponseError);
    const e = error as InvalidResponseError;
    expect(e.message).toBe(
      "Invalid response to GET /v1/threads/t/runs (200, request id req_test): data: expected an array of runs, got string",
    );
    expect(e.field).toBe("data");
    expect("cause" in e).toBe(false);
  });
});

describe("a ConnectionError from a fetch of the caller's (a proxy agent, a tracing wrapper)", () => {
  /** A client whose own fetch fails with `error` before anything is sent. */
  const failingWith = async (error: Error) => {
    const server = await startServer();
    return clientFor(server, { maxRetries: 0, fetch: () => Promise.reject(error) });
  };

  it("an error with a cause but no code: both messages, no code", async () => {
    const client = await failingWith(
      new Error("proxy refused", { cause: new Error("tunnel closed") }),
    );
    const error = (await rejection(client.runs.get("t", "r"))) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(
      /^Connection failed: GET http:\/\/.*\/v1\/threads\/t\/runs\/r: proxy refused \(tunnel closed\)$/,
    );
  });

  it("an error without a cause: its message alone", async () => {
    const client = await failingWith(new Error("no route"));
    const error = (await rejection(client.runs.get("t", "r"))) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/: no route$/);
  });
});

describe("path ids that are not strings", () => {
  it.each([
    [null, "threadId must be a string, got null"],
    [42, "threadId must be a string, got number"],
    [undefined, "threadId must be a string, got undefined"],
  ])("%s is refused naming its type", async (id, message) => {
    const server = await startServer();
    const client = clientFor(server);
    const error = await failure(() => client.runs.get(id as unknown as string, "r"));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe(message);
    expect(server.requests).toHaveLength(0);
  });
});
