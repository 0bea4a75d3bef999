/**
 * Nothing a client sends can crash the process hosting the reference server: broken requests get
 * a JSON error, a request cut short is forgotten, a failing handler answers 500, and after each
 * the server still answers a normal request, with no uncaught exception or unhandled rejection.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunsServer } from "../../src/testing/index.js";
import { KEY } from "../support/client.js";
import { call, cancelPath, runPath, serve } from "../support/reference-server.js";
import { until } from "../support/time.js";
import { openSocket, rawRequest, readAnswer, watchProcessErrors } from "./raw-http.js";

let processErrors: ReturnType<typeof watchProcessErrors>;
beforeEach(() => {
  processErrors = watchProcessErrors();
});
afterEach(() => {
  expect(processErrors.stop()).toEqual([]);
});

/** A normal request still gets its normal answer. */
async function stillServes(server: RunsServer): Promise<void> {
  const { id, thread_id } = server.createRun();
  const res = await call(server, runPath(thread_id, id), { signal: AbortSignal.timeout(5000) });
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ id, thread_id });
}

const head = (line: string, headers = "") =>
  `${line}\r\nHost: x\r\nAuthorization: Bearer ${KEY}\r\n${headers}\r\n`;

describe("the reference server survives its clients", () => {
  it.each([
    ["a request line that is not HTTP", 400, "GARBAGE\r\n\r\n"],
    ["a space inside the target", 400, head("GET /v1/threads/a b/runs HTTP/1.1")],
    [
      "a Content-Length that is no number",
      400,
      head("POST /v1/x HTTP/1.1", "Content-Length: abc\r\n"),
    ],
    [
      "a bad chunk size",
      400,
      head("POST /v1/threads/t/runs/r/cancel HTTP/1.1", "Transfer-Encoding: chunked\r\n") +
        "ZZZ\r\n",
    ],
    [
      "Content-Length and Transfer-Encoding together",
      400,
      head("POST /v1/x HTTP/1.1", "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n") +
        "0\r\n\r\n",
    ],
    [
      "a 64 KiB header",
      431,
      head("GET /v1/threads/t/runs HTTP/1.1", `X-Big: ${"a".repeat(65_536)}\r\n`),
    ],
  ])("%s gets a JSON %i, then the server goes on", async (_name, status, bytes) => {
    const server = await serve();
    const answer = await rawRequest(server, bytes);
    expect(answer.status).toBe(status);
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(answer.headers["connection"]).toBe("close");
    const body = JSON.parse(answer.body) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({ type: "invalid_request_error", param: null });
    expect(body.error["message"]).toMatch(status === 431 ? /headers? .*too large/i : /malformed/i);
    await stillServes(server);
  });

  it("odd targets, a body on GET and a body that is not JSON are answered, never thrown", async () => {
    // The cancel below must still read `cancelling` at the end, however slow the machine.
    const server = await serve({ cancelDelayMs: 60_000 });
    const run = server.createRun({ threadId: "t" });
    const cases: [string, number][] = [
      [head("GET /v1/threads/%ZZ/runs HTTP/1.1"), 400],
      [head("POST /v1/threads/%E0%A4%A/runs/x/cancel HTTP/1.1"), 400],
      [head("GET /v1/threads/t/runs?limit=%ZZ&after=% HTTP/1.1"), 400],
      [head("GET /v1/threads/%00/runs HTTP/1.1"), 404],
      [head("GET //v1//threads HTTP/1.1"), 404],
      [head("OPTIONS * HTTP/1.1"), 404],
      [head("GET http://elsewhere.example/v1/threads/t/runs HTTP/1.1"), 404],
      [head("GET /v1/threads/t/runs HTTP/1.1", "Content-Length: 9\r\n") + "some body", 200],
      [
        head(`POST /v1${cancelPath("t", run.id)} HTTP/1.1`, "Content-Length: 9\r\n") + "{not json",
        200,
      ],
    ];
    for (const [bytes, status] of cases) {
      const answer = await rawRequest(server, bytes);
      expect([bytes.split("\r\n")[0], answer.status]).toEqual([bytes.split("\r\n")[0], status]);
      expect(() => JSON.parse(answer.body) as unknown).not.toThrow();
    }
    expect(server.run("t", run.id)?.status).toBe("cancelling");
    await stillServes(server);
  });

  it("a handler that throws answers 500 naming the error, and the server goes on", async () => {
    const server = await serve();
    // A value JSON.stringify cannot write: answering this run throws inside the handler.
    const { id, thread_id } = server.createRun({ threadId: "t", overrides: { extra: 10n } });
    for (const path of [runPath(thread_id, id), `/threads/${thread_id}/runs`]) {
      const res = await call(server, path, { signal: AbortSignal.timeout(5000) });
      expect(res.status).toBe(500);
      expect(res.headers.get("x-request-id")).toMatch(/^req_/);
      expect(await res.json()).toMatchObject({
        error: { type: "server_error", message: expect.stringContaining("BigInt") },
      });
    }
    expect(server.stats.inFlight).toBe(0);
    await stillServes(server);
  });

  it("a body cut short by a close or a reset is forgotten: nothing in flight, run untouched", async () => {
    const server = await serve();
    const { id, thread_id } = server.createRun();
    const partial = head(
      `POST /v1${cancelPath(thread_id, id)} HTTP/1.1`,
      "Content-Length: 1000\r\n",
    );
    for (const end of ["close", "reset"] as const) {
      const socket = await openSocket(server);
      socket.write(partial + "x".repeat(10));
      await until(() => server.stats.requests === (end === "close" ? 1 : 2));
      if (end === "close") socket.destroy();
      else socket.resetAndDestroy();
    }
    await until(() => server.stats.inFlight === 0 && server.stats.connections === 0);
    expect(server.run(thread_id, id)?.status).toBe("queued");
    expect(server.requests.map((r) => [r.bodyBytes, r.bodyTruncated])).toEqual([
      [10, true],
      [10, true],
    ]);
    await stillServes(server);
  });

  it("300 connections dropped at every stage, at once, leave the server serving", async () => {
    const server = await serve({ latencyMs: 5 });
    const { id, thread_id } = server.createRun({ status: "in_progress" });
    const stages = [
      "GET /v1/thr", // inside the request line
      head(`GET /v1${runPath(thread_id, id)} HTTP/1.1`).slice(0, -2), // inside the headers
      head(`POST /v1${cancelPath(thread_id, id)} HTTP/1.1`, "Content-Length: 100\r\n") + "{", // body
      head(`GET /v1${runPath(thread_id, id)} HTTP/1.1`), // a whole request, during the latency
    ];
    const sockets = await Promise.all(Array.from({ length: 300 }, () => openSocket(server)));
    sockets.forEach((socket, i) => socket.write(stages[i % stages.length]!));
    await until(() => server.stats.requests >= 150);
    sockets.forEach((socket, i) => (i % 2 ? socket.destroy() : socket.resetAndDestroy()));
    await until(() => server.stats.inFlight === 0 && server.stats.connections === 0);
    expect(server.run(thread_id, id)?.status).toBe("in_progress");
    await stillServes(server);
  });

  it("a request on a socket that stays open after a refusal is answered in turn", async () => {
    const server = await serve();
    const socket = await openSocket(server);
    const first = readAnswer(socket);
    socket.write(head("GET /v1/threads/%ZZ/runs HTTP/1.1"));
    expect((await first).status).toBe(400);
    const second = readAnswer(socket);
    socket.write(head("GET /v1/threads/nope/runs HTTP/1.1"));
    expect((await second).status).toBe(404);
  });
});
