/**
 * `nodeHttp()` from `threadrun/node` under the client: the same behaviour as on fetch (headers,
 * retries, time limits that release the socket, aborts, resets, errors), over real loopback HTTP.
 */
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { describe, expect, it } from "vitest";
import {
  ConnectionError,
  InternalServerError,
  NotFoundError,
  TimeoutError,
  responseInfo,
} from "../../src/index.js";
import { nodeHttp } from "../../src/node/index.js";
import { startRunsServer } from "../../src/testing/index.js";
import { KEY, clientFor, failure, rejection } from "../support/client.js";
import {
  okRun,
  resetBeforeHeaders,
  resetMidBody,
  sequence,
  stallBody,
  stallHeaders,
  startServer,
  status,
} from "../support/scripted-server.js";

const http = nodeHttp();

describe("nodeHttp() as the client's sender", () => {
  it("cancels, gets and lists against the reference server", async () => {
    const server = await startRunsServer({ cancelDelayMs: 20 });
    try {
      const client = clientFor(server, { apiKey: "test-key", http });
      const created = server.createRun({ status: "in_progress" });
      const run = await client.runs.cancelAndWait(created.thread_id, created.id, {
        intervalMs: 10,
      });
      expect(run.status).toBe("cancelled");
      expect(run.cancelledAt).toBeInstanceOf(Date);
      expect(responseInfo(run)?.requestId).toMatch(/^req_/);
      server.createRuns(120, { threadId: created.thread_id, status: "completed" });
      expect(await client.runs.list(created.thread_id, { limit: 50 }).all()).toHaveLength(121);
      await expect(client.runs.get(created.thread_id, "run_missing")).rejects.toBeInstanceOf(
        NotFoundError,
      );
    } finally {
      await server.close();
    }
  });

  it("sends the same headers, query and no body on cancel", async () => {
    const server = await startServer(okRun());
    await clientFor(server, { http, apiVersion: "2025-05-01" }).runs.cancel("thread_1", "run_1");
    const [req] = server.requests;
    expect(req?.method).toBe("POST");
    expect(req?.path).toBe("/threads/thread_1/runs/run_1/cancel");
    expect(req?.query.get("api-version")).toBe("2025-05-01");
    expect(req?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(req?.headers["openai-beta"]).toBe("assistants=v2");
    expect(req?.headers["content-type"]).toBeUndefined();
    expect(req?.body).toBe("");
  });

  it("retries a 503, a reset before headers and a reset mid-body", async () => {
    const server = await startServer(
      sequence(status(503), resetBeforeHeaders, resetMidBody, okRun()),
    );
    const run = await clientFor(server, { http, maxRetries: 3 }).runs.get("thread_1", "run_1");
    expect(run.id).toBe("run_1");
    expect(server.requests).toHaveLength(4);
  });

  it("gives the status class after the retries, and ConnectionError when nothing answers", async () => {
    const failing = await startServer(status(500, "boom"));
    const error = await rejection(clientFor(failing, { http, maxRetries: 1 }).runs.get("t", "r"));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(failing.requests).toHaveLength(2);

    const resetting = await startServer(resetBeforeHeaders);
    const lost = await rejection(clientFor(resetting, { http, maxRetries: 0 }).runs.get("t", "r"));
    expect(lost).toBeInstanceOf(ConnectionError);
    expect(String(lost)).not.toContain(KEY);
  });

  it.each([
    ["a stalled body", stallBody],
    ["stalled headers", stallHeaders],
  ])("times out on %s and releases the socket", async (_name, handler) => {
    const server = await startServer(handler);
    const error = await rejection(
      clientFor(server, { http, maxRetries: 0, timeoutMs: 150 }).runs.get("t", "r"),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(150);
    // The socket is torn down at the deadline, not when the server gives up.
    await expect.poll(() => server.closedAt.length, { timeout: 2_000 }).toBe(1);
  });

  it("rejects with the caller's reason on abort, and sends nothing when already aborted", async () => {
    const server = await startServer(stallHeaders);
    const controller = new AbortController();
    const pending = clientFor(server, { http }).runs.get("t", "r", { signal: controller.signal });
    await expect.poll(() => server.requests.length).toBe(1);
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");

    const idle = await startServer(okRun());
    const aborted = AbortSignal.abort(new Error("already"));
    await expect(clientFor(idle, { http }).runs.get("t", "r", { signal: aborted })).rejects.toThrow(
      "already",
    );
    expect(idle.requests).toHaveLength(0);
  });

  it("works for client.raw too", async () => {
    const server = await startServer(sequence(status(503), okRun()));
    const { data, response } = await clientFor(server, { http }).raw.GET(
      "/threads/{thread_id}/runs/{run_id}",
      { params: { path: { thread_id: "t", run_id: "r" } } },
    );
    expect(response.status).toBe(200);
    expect(data?.id).toBe("r");
    expect(server.requests).toHaveLength(2);
  });

  it("refuses a bad option and a non-function sender", () => {
    expect(() => nodeHttp({ maxSockets: 0 })).toThrow(/maxSockets/);
    expect(() => clientFor({ url: "http://127.0.0.1:1/v1" }, { http: 5 as never })).toThrow(
      /http must be a function/,
    );
  });
});

describe("nodeHttp() options", () => {
  /** The message of what `action` throws, checked to be of class `type`. */
  async function messageOf(
    action: () => unknown,
    type: typeof TypeError | typeof RangeError = TypeError,
  ): Promise<string> {
    const error = await failure(action);
    expect(error).toBeInstanceOf(type);
    return (error as Error).message;
  }

  it("an unknown key is refused naming the close one", async () => {
    expect(await messageOf(() => nodeHttp({ maxSocket: 8 } as never))).toBe(
      'nodeHttp: "maxSocket" is not an option; did you mean "maxSockets"?',
    );
    expect(await messageOf(() => nodeHttp({ keepAlive: true } as never))).toBe(
      'nodeHttp: "keepAlive" is not an option (the options are "maxSockets", "httpAgent", "httpsAgent")',
    );
    expect(await messageOf(() => nodeHttp("64" as never))).toBe(
      'nodeHttp: options must be an object, got the string "64"',
    );
  });

  it("maxSockets: the rule and the value as given", async () => {
    expect(await messageOf(() => nodeHttp({ maxSockets: 0 }), RangeError)).toBe(
      "nodeHttp: maxSockets must be a whole number >= 1, got 0",
    );
    expect(await messageOf(() => nodeHttp({ maxSockets: "8" as never }))).toBe(
      'nodeHttp: maxSockets must be a whole number >= 1, got the string "8"',
    );
  });

  it("an agent must be an agent of the right protocol", async () => {
    expect(await messageOf(() => nodeHttp({ httpAgent: { keepAlive: true } as never }))).toBe(
      "nodeHttp: httpAgent must be an http.Agent, got an object",
    );
    const tls = new HttpsAgent();
    const plain = new HttpAgent();
    try {
      expect(await messageOf(() => nodeHttp({ httpAgent: tls }))).toBe(
        'nodeHttp: httpAgent must be an http.Agent, got an https.Agent; did you mean "httpsAgent"?',
      );
      expect(await messageOf(() => nodeHttp({ httpsAgent: plain as never }))).toBe(
        'nodeHttp: httpsAgent must be an https.Agent, got an http.Agent; did you mean "httpAgent"?',
      );
      // maxSockets would configure neither agent: refused rather than ignored.
      expect(
        await messageOf(() => nodeHttp({ maxSockets: 8, httpAgent: plain, httpsAgent: tls })),
      ).toBe(
        "nodeHttp: maxSockets applies only to the agents nodeHttp creates; with both httpAgent and httpsAgent given, set maxSockets on them",
      );
      expect(() => nodeHttp({ httpAgent: plain, httpsAgent: tls })).not.toThrow();
    } finally {
      tls.destroy();
      plain.destroy();
    }
  });

  it("explicit undefined means the default", async () => {
    const server = await startServer(okRun());
    const sender = nodeHttp({ maxSockets: undefined, httpAgent: undefined, httpsAgent: undefined });
    const run = await clientFor(server, { http: sender }).runs.get("t", "r");
    expect(run.id).toBe("r");
  });
});
