import { describe, expect, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ThreadRunError,
  UnprocessableEntityError,
} from "../../src/index.js";
import { startRunsServer } from "../../src/testing/index.js";
import { KEY, clientFor, rejection } from "../support/client.js";
import { errorBody, json, startServer } from "../support/scripted-server.js";
import { wireRun } from "../support/wire.js";

type ErrorClass = abstract new (...args: never[]) => ApiError;

const CASES: Array<{ status: number; cls: ErrorClass; name: string; attempts: number }> = [
  { status: 400, cls: BadRequestError, name: "BadRequestError", attempts: 1 },
  { status: 401, cls: AuthenticationError, name: "AuthenticationError", attempts: 1 },
  { status: 403, cls: PermissionDeniedError, name: "PermissionDeniedError", attempts: 1 },
  { status: 404, cls: NotFoundError, name: "NotFoundError", attempts: 1 },
  { status: 409, cls: ConflictError, name: "ConflictError", attempts: 3 },
  { status: 422, cls: UnprocessableEntityError, name: "UnprocessableEntityError", attempts: 1 },
  { status: 429, cls: RateLimitError, name: "RateLimitError", attempts: 3 },
  { status: 500, cls: InternalServerError, name: "InternalServerError", attempts: 3 },
  { status: 502, cls: InternalServerError, name: "InternalServerError", attempts: 3 },
  { status: 503, cls: InternalServerError, name: "InternalServerError", attempts: 3 },
  { status: 504, cls: InternalServerError, name: "InternalServerError", attempts: 3 },
  { status: 418, cls: ApiError, name: "ApiError", attempts: 1 },
];

const SUBCLASSES: ErrorClass[] = [
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
];

describe("error answers become one class per status", () => {
  it.each(CASES)(
    "$status → $name after $attempts attempt(s)",
    async ({ status, cls, name, attempts }) => {
      const server = await startServer((_req, res) =>
        json(
          res,
          status,
          errorBody(`Server says ${status}`, {
            type: "some_type",
            param: "run_id",
            code: "some_code",
          }),
          { "x-request-id": `req_${status}`, "x-extra": "yes" },
        ),
      );
      const client = clientFor(server);
      const error = await rejection(client.runs.cancel("thread_1", "run_1"));

      expect(error).toBeInstanceOf(cls);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toBeInstanceOf(ThreadRunError);
      expect(error).toBeInstanceOf(Error);
      const e = error as ApiError;
      expect(e.name).toBe(name);
      if (cls === ApiError) {
        // An unlisted status is not dressed up as some other class.
        for (const sub of SUBCLASSES) expect(e).not.toBeInstanceOf(sub);
      }
      expect(e.status).toBe(status);
      expect(e.code).toBe("some_code");
      expect(e.type).toBe("some_type");
      expect(e.param).toBe("run_id");
      expect(e.requestId).toBe(`req_${status}`);
      expect(e.headers.get("x-extra")).toBe("yes");
      expect(e.attempts).toBe(attempts);
      expect(server.requests).toHaveLength(attempts);
      expect(
        e.message.startsWith(
          `${status} Server says ${status} (POST /v1/threads/thread_1/runs/run_1/cancel`,
        ),
      ).toBe(true);
      expect(e.message).toContain("req_" + status);
    },
  );

  it("a 429 carries the wait the server asked for", async () => {
    const server = await startServer((_req, res) =>
      json(res, 429, errorBody("slow down", { code: "rate_limit_exceeded" }), {
        "retry-after-ms": "7",
      }),
    );
    const error = (await rejection(clientFor(server).runs.get("t", "r"))) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(7);
    expect(error.attempts).toBe(3);
    expect(error.code).toBe("rate_limit_exceeded");
  });

  it("null param and code stay null; a GET names its own method and path", async () => {
    const server = await startServer((_req, res) =>
      json(res, 404, errorBody("No run found with id 'r'.")),
    );
    const error = (await rejection(clientFor(server).runs.get("t", "r"))) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.param).toBeNull();
    expect(error.code).toBeNull();
    expect(error.serverMessage).toBe("No run found with id 'r'.");
    expect(error.message).toMatch(
      /^404 No run found with id 'r'\. \(GET \/v1\/threads\/t\/runs\/r/,
    );
  });
});

describe("error bodies that are not the documented JSON", () => {
  it("an HTML 502 page is an InternalServerError naming the status, never a TypeError", async () => {
    const html =
      "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";
    const server = await startServer((_req, res) => {
      res.writeHead(502, { "content-type": "text/html", "x-request-id": "req_html" });
      res.end(html);
    });
    const error = await rejection(clientFor(server, { maxRetries: 0 }).runs.cancel("t", "r"));
    expect(error).not.toBeInstanceOf(TypeError);
    expect(error).toBeInstanceOf(InternalServerError);
    const e = error as InternalServerError;
    expect(e.status).toBe(502);
    expect(e.message).toMatch(/^502 /);
    expect(e.message).toContain("Bad Gateway");
    expect(e.requestId).toBe("req_html");
    expect(e.code).toBeNull();
  });

  it("an empty 500 is an InternalServerError naming the status", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(500, { "content-length": 0 });
      res.end();
    });
    const error = await rejection(clientFor(server, { maxRetries: 0 }).runs.get("t", "r"));
    expect(error).not.toBeInstanceOf(TypeError);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(500);
    expect((error as InternalServerError).message).toMatch(
      /^500 .*\(GET \/v1\/threads\/t\/runs\/r/,
    );
    expect((error as InternalServerError).requestId).toBeNull();
  });

  it("plain text and JSON without an error object still give the status class", async () => {
    const server = await startServer((req, res) => {
      if (req.path.endsWith("/cancel")) {
        res.writeHead(403, { "content-type": "text/plain" });
        res.end("Forbidden by proxy");
      } else {
        json(res, 401, { detail: "nope" });
      }
    });
    const client = clientFor(server);
    const forbidden = await rejection(client.runs.cancel("t", "r"));
    expect(forbidden).toBeInstanceOf(PermissionDeniedError);
    expect((forbidden as ApiError).message).toContain("Forbidden by proxy");
    const unauthorized = await rejection(client.runs.get("t", "r"));
    expect(unauthorized).toBeInstanceOf(AuthenticationError);
    expect((unauthorized as ApiError).message).toMatch(/^401 /);
  });

  it("an error body whose `error` is a string uses it as the message", async () => {
    const server = await startServer((_req, res) => json(res, 400, { error: "bad thing" }));
    const error = (await rejection(clientFor(server).runs.get("t", "r"))) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toMatch(/^400 bad thing \(GET /);
  });
});

describe("2xx bodies that are not a run", () => {
  it("invalid JSON in a 200 is an InvalidResponseError with field null", async () => {
    const server = await startServer((_req, res) =>
      json(res, 200, '{"object":"thread.run","id":"run_'),
    );
    const error = await rejection(clientFor(server).runs.cancel("t", "r"));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toBeInstanceOf(ThreadRunError);
    const e = error as InvalidResponseError;
    expect(e.field).toBeNull();
    expect(e.message).toContain("not JSON");
    expect(e.response).toMatchObject({ method: "POST", status: 200, requestId: "req_test" });
    // Not retried: the server answered.
    expect(server.requests).toHaveLength(1);
  });

  it("an empty 200 is an InvalidResponseError", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-length": 0 });
      res.end();
    });
    const error = (await rejection(clientFor(server).runs.get("t", "r"))) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.field).toBeNull();
    expect(error.message).toContain("empty");
  });

  it("JSON that is not a run names the first field that is wrong", async () => {
    const server = await startServer((_req, res) => json(res, 200, { foo: 1 }));
    const error = (await rejection(clientFor(server).runs.get("t", "r"))) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(typeof error.field).toBe("string");
    expect(error.field).not.toBe("");
    expect(error.message).toContain(`${String(error.field)}: expected`);
  });

  it('created_at: "abc" is reported with its field path', async () => {
    const server = await startServer((_req, res) => json(res, 200, wireRun({ created_at: "abc" })));
    const error = (await rejection(clientFor(server).runs.get("t", "r"))) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.field).toBe("created_at");
    expect(error.message).toContain('created_at: expected integer seconds, got "abc"');
    expect(error.message).toContain("GET /v1/threads/t/runs/r");
  });

  it("a nested bad field is reported with its full path", async () => {
    const server = await startServer((_req, res) =>
      json(res, 200, {
        object: "list",
        data: [wireRun(), wireRun({ completed_at: "soon" })],
        has_more: false,
      }),
    );
    const error = (await rejection(clientFor(server).runs.list("t").all())) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.field).toBe("data[1].completed_at");
  });
});

describe("against the reference server's faults", () => {
  it("malformed → InvalidResponseError; status faults → their classes with the server's request id", async () => {
    const server = await startRunsServer({ apiKey: KEY });
    try {
      const run = server.createRun({ status: "in_progress" });
      const client = clientFor(server, { maxRetries: 0 });
      server.inject({ kind: "malformed" });
      const bad = (await rejection(client.runs.get(run.thread_id, run.id))) as InvalidResponseError;
      expect(bad).toBeInstanceOf(InvalidResponseError);
      expect(bad.field).toBeNull();
      expect(bad.response?.requestId).toMatch(/\S/);

      server.inject({ kind: "status", status: 422 });
      expect(await rejection(client.runs.cancel(run.thread_id, run.id))).toBeInstanceOf(
        UnprocessableEntityError,
      );
      server.inject({ kind: "status", status: 504 });
      const gateway = (await rejection(client.runs.get(run.thread_id, run.id))) as ApiError;
      expect(gateway).toBeInstanceOf(InternalServerError);
      expect(gateway.requestId).toMatch(/\S/);

      const wrongKey = clientFor(server, { apiKey: "sk-wrong-key-000000" });
      const auth = (await rejection(wrongKey.runs.get(run.thread_id, run.id))) as ApiError;
      expect(auth).toBeInstanceOf(AuthenticationError);
      expect(auth.code).toBe("invalid_api_key");

      // And the real thing works with the same client.
      const cancelled = await client.runs.cancel(run.thread_id, run.id);
      expect(cancelled.status).toBe("cancelling");
    } finally {
      await server.close();
    }
  });
});
