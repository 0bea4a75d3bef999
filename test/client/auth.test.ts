import { afterEach, describe, expect, it, vi } from "vitest";
import { createClient } from "../../src/index.js";
import { clientFor, failure, rejection } from "../support/client.js";
import { json, okRun, sequence, startServer, status } from "../support/scripted-server.js";
import { wireRun } from "../support/wire.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("apiVersion", () => {
  it("is sent as ?api-version= on cancel, get, every list page and raw calls", async () => {
    const server = await startServer((req, res) => {
      if (req.path.endsWith("/runs")) {
        const page = Number(req.query.get("after")?.slice(4) ?? 0) + 1;
        return json(res, 200, {
          object: "list",
          data: [wireRun({ id: `run_${page}` })],
          first_id: `run_${page}`,
          last_id: `run_${page}`,
          has_more: page < 3,
        });
      }
      return okRun()(req, res, 0);
    });
    const client = clientFor(server, { apiVersion: "2025-05-01" });
    await client.runs.cancel("t", "r");
    await client.runs.get("t", "r");
    expect(await client.runs.list("t", { limit: 1 }).all()).toHaveLength(3);
    const { data } = await client.raw.POST("/threads/{thread_id}/runs/{run_id}/cancel", {
      params: { path: { thread_id: "t", run_id: "r" } },
    });
    expect(data?.id).toBe("r");
    expect(server.requests).toHaveLength(6);
    for (const req of server.requests) {
      expect(req.query.getAll("api-version"), req.url).toEqual(["2025-05-01"]);
    }
    // The list query sits beside it, and pages still follow the cursor.
    expect(server.requests.slice(2, 5).map((r) => r.query.get("after"))).toEqual([
      null,
      "run_1",
      "run_2",
    ]);
    expect(server.requests[2]!.query.get("limit")).toBe("1");
  });

  it("is not sent when not set", async () => {
    const server = await startServer();
    await clientFor(server).runs.get("t", "r");
    expect(server.requests[0]!.url).toBe("/v1/threads/t/runs/r");
  });

  it("keeps a query that the base URL already has", async () => {
    const server = await startServer();
    const client = clientFor({ url: `${server.url}?tenant=x` }, { apiVersion: "v1" });
    await client.runs.get("t", "r");
    expect(server.requests[0]!.query.get("tenant")).toBe("x");
    expect(server.requests[0]!.query.get("api-version")).toBe("v1");
    expect(server.requests[0]!.path).toBe("/threads/t/runs/r");
  });

  it("an empty apiVersion is a TypeError", () => {
    expect(() => createClient({ apiKey: "k", apiVersion: "" })).toThrow(TypeError);
  });
});

describe("a token function", () => {
  it("is called once per attempt, so each retry sends a fresh token", async () => {
    const server = await startServer(sequence(status(503), status(503), okRun()));
    let calls = 0;
    const client = clientFor(server, { apiKey: async () => `token-${++calls}` });
    await client.runs.cancel("t", "r");
    expect(calls).toBe(3);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      "Bearer token-1",
      "Bearer token-2",
      "Bearer token-3",
    ]);
  });

  it("is called per request too (an expiring token refreshes)", async () => {
    const server = await startServer();
    let calls = 0;
    const client = clientFor(server, { apiKey: () => `tok-${++calls}` });
    await client.runs.get("t", "r");
    await client.runs.get("t", "r");
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      "Bearer tok-1",
      "Bearer tok-2",
    ]);
  });

  it('returning "" is a TypeError and nothing is sent', async () => {
    const server = await startServer();
    const error = await rejection(clientFor(server, { apiKey: () => "" }).runs.get("t", "r"));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/apiKey/);
    expect(server.requests).toHaveLength(0);
  });

  it("returning a non-string is a TypeError and nothing is sent", async () => {
    const server = await startServer();
    const bad = (() => Promise.resolve(42)) as unknown as () => Promise<string>;
    const error = await rejection(clientFor(server, { apiKey: bad }).runs.cancel("t", "r"));
    expect(error).toBeInstanceOf(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it("that throws rejects the call with its error, not retried", async () => {
    const server = await startServer();
    let calls = 0;
    const boom = new Error("credential service down");
    const client = clientFor(server, {
      apiKey: () => {
        calls++;
        throw boom;
      },
    });
    expect(await rejection(client.runs.get("t", "r"))).toBe(boom);
    expect(calls).toBe(1);
    expect(server.requests).toHaveLength(0);
  });
});

describe("the key and base URL defaults", () => {
  it("a missing key (no option, OPENAI_API_KEY unset) is a TypeError at createClient", async () => {
    vi.stubEnv("OPENAI_API_KEY", undefined);
    const error = await failure(() => createClient({ baseUrl: "http://127.0.0.1:1/v1" }));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/apiKey/);
    expect(() => createClient({ apiKey: "" })).toThrow(TypeError);
    expect(() => createClient()).toThrow(/OPENAI_API_KEY/);
  });

  it("OPENAI_API_KEY is the default key", async () => {
    const server = await startServer();
    vi.stubEnv("OPENAI_API_KEY", "sk-from-env-1234");
    await createClient({ baseUrl: server.url }).runs.get("t", "r");
    expect(server.requests[0]!.headers.authorization).toBe("Bearer sk-from-env-1234");
  });

  it("apiKey: null sends no Authorization header", async () => {
    const server = await startServer();
    vi.stubEnv("OPENAI_API_KEY", "sk-from-env-1234");
    await createClient({ apiKey: null, baseUrl: server.url }).runs.cancel("t", "r");
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });

  it("OPENAI_BASE_URL is the default base URL (a trailing slash is fine)", async () => {
    const server = await startServer();
    vi.stubEnv("OPENAI_BASE_URL", `${server.url}/`);
    await createClient({ apiKey: "k" }).runs.get("t", "r");
    expect(server.requests[0]!.url).toBe("/v1/threads/t/runs/r");
  });

  it("the baseUrl option wins over OPENAI_BASE_URL", async () => {
    const server = await startServer();
    vi.stubEnv("OPENAI_BASE_URL", "http://127.0.0.1:1/nowhere");
    await createClient({ apiKey: "k", baseUrl: server.url }).runs.get("t", "r");
    expect(server.requests).toHaveLength(1);
  });

  it("a base URL that is not http(s) or not absolute is a TypeError", () => {
    expect(() => createClient({ apiKey: "k", baseUrl: "not a url" })).toThrow(/baseUrl/);
    expect(() => createClient({ apiKey: "k", baseUrl: "ftp://x/v1" })).toThrow(/baseUrl/);
  });

  it("a key with a trailing line break (read from a file) still works", async () => {
    const server = await startServer();
    await clientFor(server, { apiKey: "sk-from-file-1234\n" }).runs.get("t", "r");
    expect(server.requests[0]!.headers.authorization).toBe("Bearer sk-from-file-1234");
  });
});
