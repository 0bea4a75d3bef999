/**
 * What a caller's own HttpSender (the `http` option) is handed: the method of the call, the final
 * headers, a signal, and a `body` key only when there is a body (HttpSenderInit's `body?`). And
 * what it answers: only a 2xx status is a success, even from a sender that makes up its own.
 */
import { describe, expect, it } from "vitest";
import { ApiError, type HttpSender, type HttpSenderInit } from "../../src/index.js";
import { nodeHttp } from "../../src/node/index.js";
import { clientFor, rejection } from "../support/client.js";
import { startServer } from "../support/scripted-server.js";

function recording(): { http: HttpSender; seen: HttpSenderInit[] } {
  const seen: HttpSenderInit[] = [];
  const inner = nodeHttp();
  return { seen, http: (url, init) => (seen.push(init), inner(url, init)) };
}

describe("a caller's HttpSender", () => {
  it("gets GET and POST as the calls are, no body key without a body, a body with one", async () => {
    const server = await startServer();
    const { http, seen } = recording();
    const client = clientFor(server, { http });
    await client.runs.get("t", "r");
    await client.runs.cancel("t", "r");
    await client.raw.POST("/threads/{thread_id}/runs/{run_id}/cancel", {
      params: { path: { thread_id: "t", run_id: "r" } },
      body: { note: "x" },
    } as never);
    expect(seen.map((init) => init.method)).toEqual(["GET", "POST", "POST"]);
    expect(seen.map((init) => "body" in init)).toEqual([false, false, true]);
    expect(seen[2]!.body).toBe('{"note":"x"}');
    expect(server.requests.map((r) => r.method)).toEqual(["GET", "POST", "POST"]);
    for (const init of seen) expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it("answering a status under 200 with a run is not a success", async () => {
    const server = await startServer();
    const inner = nodeHttp();
    // A sender of its own that reports the server's 200 as a 199.
    const http: HttpSender = async (url, init) => ({ ...(await inner(url, init)), status: 199 });
    const error = await rejection(clientFor(server, { http }).runs.get("t", "r"));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(199);
    expect(server.requests).toHaveLength(1);
  });
});
