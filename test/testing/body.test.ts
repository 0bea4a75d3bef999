/**
 * Request bodies: the server checks what needs no body first, never buffers a body it refuses or
 * one over 1 MiB, and records only a prefix. Bodies go over real loopback sockets.
 */
import { describe, expect, it } from "vitest";
import { KEY } from "../support/client.js";
import { call, cancelPath, serve } from "../support/reference-server.js";
import { openSocket, rawRequest, readAnswer, streamBody } from "./raw-http.js";

const MiB = 1024 * 1024;
const auth = { authorization: `Bearer ${KEY}` };

describe("request bodies", () => {
  it("answers 401 to an unauthenticated streamed body before the client has sent it, without buffering it", async () => {
    const server = await serve();
    const { id, thread_id } = server.createRun();
    const total = 32 * MiB;
    const answer = await streamBody(server.url + cancelPath(thread_id, id), total, {
      authorization: "Bearer wrong",
    });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "invalid_api_key" } });
    expect(answer.sentWhenAnswered).toBeLessThan(total);
    const [recorded] = server.requests;
    expect(recorded!.bodyBytes).toBe(0);
    expect(recorded!.body).toBe("");
    expect(recorded!.bodyTruncated).toBe(true);
    expect(server.run(thread_id, id)?.status).toBe("queued");
  });

  it("refuses before the body: unknown route, wrong method, missing api-version, rate limit", async () => {
    const server = await serve({
      apiVersion: "2025-05-01",
      rateLimit: { requestsPerSecond: 0.001, burst: 1 },
    });
    const { id, thread_id } = server.createRun();
    const post = (path: string) => streamBody(server.url + path, 16 * MiB, auth);
    const v = "?api-version=2025-05-01";
    expect((await post(cancelPath(thread_id, id))).status).toBe(400); // no api-version
    expect((await post(`/assistants${v}`)).status).toBe(404); // takes the only token
    expect((await post(`/threads/${thread_id}/runs${v}`)).status).toBe(429);
    expect(server.requests.map((r) => r.bodyBytes)).toEqual([0, 0, 0]);

    const open = await serve();
    const run = open.createRun();
    const wrong = await streamBody(`${open.url}/threads/${run.thread_id}/runs`, 16 * MiB, auth);
    expect(wrong.status).toBe(405);
    expect(wrong.sentWhenAnswered).toBeLessThan(16 * MiB);
    expect(open.requests[0]!.bodyBytes).toBe(0);
  });

  it("never sends 100 Continue to a request it refuses; sends it to one it accepts", async () => {
    const server = await serve();
    const { id, thread_id } = server.createRun();
    const head = (key: string) =>
      `POST /v1${cancelPath(thread_id, id)} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\n` +
      `Content-Length: 2\r\nExpect: 100-continue\r\n\r\n`;

    const refused = await rawRequest(server, head("wrong"));
    expect(refused.status).toBe(401);
    expect(refused.interim).toEqual([]);

    const socket = await openSocket(server);
    const firstByte = new Promise<string>((resolve) =>
      socket.once("data", (chunk: Buffer) => resolve(chunk.toString("latin1"))),
    );
    socket.write(head(KEY));
    expect(await firstByte).toMatch(/^HTTP\/1\.1 100 Continue\r\n/);
    const accepted = readAnswer(socket);
    socket.write("{}");
    expect((await accepted).status).toBe(200);
  });

  it("answers 413 to a Content-Length over 1 MiB without waiting for the body", async () => {
    const server = await serve();
    const { id, thread_id } = server.createRun();
    // Only the head is sent: the answer cannot depend on the body.
    const answer = await rawRequest(
      server,
      `POST /v1${cancelPath(thread_id, id)} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${KEY}\r\n` +
        `Content-Length: ${MiB + 1}\r\n\r\n`,
    );
    expect(answer.status).toBe(413);
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(answer.headers["x-request-id"]).toMatch(/^req_/);
    expect(JSON.parse(answer.body)).toEqual({
      error: {
        message: `Request body too large: Content-Length is ${MiB + 1} bytes; the limit is ${MiB} bytes (1 MiB).`,
        type: "invalid_request_error",
        param: null,
        code: "request_too_large",
      },
    });
    expect(server.run(thread_id, id)?.status).toBe("queued");
    expect(server.stats.byStatus).toEqual({ 413: 1 });
  });

  it("answers 413 to a chunked body once it passes 1 MiB, keeping only a prefix", async () => {
    const server = await serve();
    const { id, thread_id } = server.createRun();
    const total = 32 * MiB;
    const answer = await streamBody(server.url + cancelPath(thread_id, id), total, auth);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({
      error: {
        message:
          "Request body too large: more than 1048576 bytes; the limit is 1048576 bytes (1 MiB).",
      },
    });
    expect(answer.sentWhenAnswered).toBeLessThan(total);
    const [recorded] = server.requests;
    expect(recorded!.bodyBytes).toBeGreaterThan(MiB);
    expect(recorded!.bodyBytes).toBeLessThanOrEqual(MiB + 64 * 1024);
    expect(recorded!.body).toBe("x".repeat(4096));
    expect(recorded!.bodyTruncated).toBe(true);
    expect(server.run(thread_id, id)?.status).toBe("queued");
  });

  it("accepts a body of exactly 1 MiB and refuses one byte more", async () => {
    const server = await serve();
    const { thread_id } = server.createRuns(2, { threadId: "t" })[0]!;
    const [a, b] = server.runs(thread_id);
    const post = (runId: string, bytes: number) =>
      call(server, cancelPath(thread_id, runId), { method: "POST", body: "x".repeat(bytes) });
    expect((await post(a!.id, MiB)).status).toBe(200);
    expect((await post(b!.id, MiB + 1)).status).toBe(413);
    expect(server.run(thread_id, b!.id)?.status).toBe("queued");
  });

  it("server.requests keeps the first 4 KiB of a body, with its size and a truncation flag", async () => {
    const server = await serve();
    const { thread_id } = server.createRuns(2, { threadId: "t" })[0]!;
    const [a, b] = server.runs(thread_id);
    const long = "é".repeat(5000); // 10,000 bytes of UTF-8
    await call(server, cancelPath(thread_id, a!.id), { method: "POST", body: long });
    await call(server, cancelPath(thread_id, b!.id), { method: "POST", body: '{"a":1}' });
    const [first, second] = server.requests;
    expect(first).toMatchObject({ body: "é".repeat(2048), bodyBytes: 10_000, bodyTruncated: true });
    expect(second).toMatchObject({ body: '{"a":1}', bodyBytes: 7, bodyTruncated: false });
  });
});
