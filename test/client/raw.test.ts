import { describe, expect, it } from "vitest";
import { ConnectionError } from "../../src/index.js";
import { KEY, clientFor, failure, rejection } from "../support/client.js";
import {
  okRun,
  resetBeforeHeaders,
  sequence,
  startServer,
  status,
} from "../support/scripted-server.js";

const CANCEL = "/threads/{thread_id}/runs/{run_id}/cancel";

describe("client.raw: the openapi-fetch client on the same transport", () => {
  it("cancel: same auth headers and apiVersion, 503 then 200 → data", async () => {
    const server = await startServer(sequence(status(503), okRun()));
    const client = clientFor(server, { apiVersion: "2025-05-01" });
    const { data, error, response } = await client.raw.POST(CANCEL, {
      params: { path: { thread_id: "thread_1", run_id: "run_1" } },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    // Raw means raw: the wire object, snake_case and seconds.
    expect(data?.id).toBe("run_1");
    expect(data?.created_at).toBe(1699076126);
    expect(server.requests).toHaveLength(2);
    for (const req of server.requests) {
      expect(req.method).toBe("POST");
      expect(req.path).toBe("/threads/thread_1/runs/run_1/cancel");
      expect(req.query.get("api-version")).toBe("2025-05-01");
      expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(req.headers["openai-beta"]).toBe("assistants=v2");
      expect(req.body).toBe("");
    }
  });

  it("GET with a token function calls it per attempt", async () => {
    const server = await startServer(sequence(resetBeforeHeaders, okRun()));
    let calls = 0;
    const client = clientFor(server, { apiKey: () => `tok-${++calls}` });
    const { data } = await client.raw.GET("/threads/{thread_id}/runs/{run_id}", {
      params: { path: { thread_id: "t", run_id: "r" } },
    });
    expect(data?.id).toBe("r");
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      "Bearer tok-1",
      "Bearer tok-2",
    ]);
  });

  it("error answers come back as { error } after the retries, not thrown", async () => {
    const server = await startServer(status(409, "conflict!"));
    const { data, error, response } = await clientFor(server).raw.POST(CANCEL, {
      params: { path: { thread_id: "t", run_id: "r" } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(409);
    expect(error?.error.message).toBe("conflict!");
    expect(server.requests).toHaveLength(3);
  });

  it("an answer that never comes throws the transport's error", async () => {
    const server = await startServer(resetBeforeHeaders);
    const error = await rejection(
      clientFor(server, { maxRetries: 1 }).raw.GET("/threads/{thread_id}/runs/{run_id}", {
        params: { path: { thread_id: "t", run_id: "r" } },
      }),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(2);
  });

  it("list query parameters pass through beside api-version", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          object: "list",
          data: [],
          first_id: null,
          last_id: null,
          has_more: false,
        }),
      );
    });
    const { data } = await clientFor(server, { apiVersion: "v" }).raw.GET(
      "/threads/{thread_id}/runs",
      {
        params: { path: { thread_id: "t" }, query: { limit: 5, order: "asc" } },
      },
    );
    expect(data?.has_more).toBe(false);
    const { query } = server.requests[0]!;
    expect(query.get("limit")).toBe("5");
    expect(query.get("order")).toBe("asc");
    expect(query.getAll("api-version")).toEqual(["v"]);
  });

  it("ids are percent-encoded into one segment", async () => {
    const server = await startServer();
    await clientFor(server).raw.POST(CANCEL, {
      params: { path: { thread_id: "a/b?c", run_id: "..%2f" } },
    });
    expect(server.requests[0]!.url).toBe(`/v1/threads/a%2Fb%3Fc/runs/..%252f/cancel`);
  });

  it.each(["", ".", ".."])(
    "id %j is refused before any request (it would change the path)",
    async (bad) => {
      const server = await startServer();
      const error = await failure(() =>
        clientFor(server).raw.POST(CANCEL, { params: { path: { thread_id: bad, run_id: "r" } } }),
      );
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/thread_id/);
      expect(server.requests).toHaveLength(0);
    },
  );

  it("an already-aborted signal sends nothing", async () => {
    const server = await startServer();
    const reason = new Error("stop");
    const error = await failure(() =>
      clientFor(server).raw.GET("/threads/{thread_id}/runs/{run_id}", {
        params: { path: { thread_id: "t", run_id: "r" } },
        signal: AbortSignal.abort(reason),
      }),
    );
    expect(error).toBe(reason);
    expect(server.requests).toHaveLength(0);
  });
});
