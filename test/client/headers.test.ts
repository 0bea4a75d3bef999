import { describe, expect, it } from "vitest";
import { KEY, clientFor } from "../support/client.js";
import { json, startServer } from "../support/scripted-server.js";

const list = (_q: unknown, res: import("node:http").ServerResponse) =>
  json(res, 200, { object: "list", data: [], first_id: null, last_id: null, has_more: false });

describe("default headers", () => {
  it("cancel sends OpenAI-Beta, Authorization, Accept, and no body or content-type", async () => {
    const server = await startServer();
    await clientFor(server).runs.cancel("t", "r");
    const [req] = server.requests;
    expect(req!.method).toBe("POST");
    expect(req!.headers["openai-beta"]).toBe("assistants=v2");
    expect(req!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(req!.headers.accept).toBe("application/json");
    expect(req!.headers["content-type"]).toBeUndefined();
    expect(req!.headers["transfer-encoding"]).toBeUndefined();
    expect(req!.headers["content-length"] ?? "0").toBe("0");
    expect(req!.body).toBe("");
  });

  it("get and list send the same headers", async () => {
    const server = await startServer();
    const client = clientFor(server);
    await client.runs.get("t", "r");
    server.handle(list);
    await client.runs.list("t").all();
    for (const req of server.requests) {
      expect(req.method).toBe("GET");
      expect(req.headers["openai-beta"]).toBe("assistants=v2");
      expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(req.headers.accept).toBe("application/json");
    }
  });
});

describe("caller headers", () => {
  it("client headers override the defaults, add new ones, and null removes one", async () => {
    const server = await startServer();
    const client = clientFor(server, {
      headers: { "OpenAI-Beta": "assistants=v9", Accept: null, "X-Team": "blue" },
    });
    await client.runs.cancel("t", "r");
    const [req] = server.requests;
    expect(req!.headers["openai-beta"]).toBe("assistants=v9");
    // fetch itself sends `accept: */*` when none is set: ours is gone.
    expect(req!.headers.accept).not.toBe("application/json");
    expect(req!.headers["x-team"]).toBe("blue");
    expect(req!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("a client Authorization header wins over the key; null removes it", async () => {
    const server = await startServer();
    await clientFor(server, { headers: { Authorization: "Basic dXNlcjpwYXNz" } }).runs.get(
      "t",
      "r",
    );
    await clientFor(server, { headers: { authorization: null } }).runs.get("t", "r");
    const [own, none] = server.requests;
    expect(own!.headers.authorization).toBe("Basic dXNlcjpwYXNz");
    expect(none!.headers.authorization).toBeUndefined();
  });

  it("a client Authorization header wins over a token function too, which is then not called", async () => {
    const server = await startServer();
    let calls = 0;
    const client = clientFor(server, {
      apiKey: () => `token-${++calls}`,
      headers: { Authorization: "Bearer fixed-token" },
    });
    await client.runs.get("t", "r");
    expect(server.requests[0]!.headers.authorization).toBe("Bearer fixed-token");
    expect(calls).toBe(0);
  });

  it("per-call headers override client and default headers; null removes; other calls unaffected", async () => {
    const server = await startServer();
    const client = clientFor(server, { headers: { "X-Team": "blue" } });
    await client.runs.cancel("t", "r", {
      headers: {
        "x-team": "red",
        "OpenAI-Beta": null,
        "X-Trace": "abc",
        Authorization: "Bearer per-call",
      },
    });
    await client.runs.cancel("t", "r");
    const [first, second] = server.requests;
    expect(first!.headers["x-team"]).toBe("red");
    expect(first!.headers["openai-beta"]).toBeUndefined();
    expect(first!.headers["x-trace"]).toBe("abc");
    expect(first!.headers.authorization).toBe("Bearer per-call");
    expect(second!.headers["x-team"]).toBe("blue");
    expect(second!.headers["openai-beta"]).toBe("assistants=v2");
    expect(second!.headers["x-trace"]).toBeUndefined();
    expect(second!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("per-call headers reach every page of a list", async () => {
    const server = await startServer((req, res) => {
      const after = req.query.get("after");
      const page = after === null ? 1 : 2;
      json(res, 200, {
        object: "list",
        data: [],
        first_id: null,
        last_id: `run_${page}`,
        has_more: false,
      });
    });
    await clientFor(server)
      .runs.list("t", { headers: { "X-Trace": "t1" } })
      .all();
    expect(server.requests.every((r) => r.headers["x-trace"] === "t1")).toBe(true);
  });

  it("a header that is neither string nor null is a TypeError naming it", async () => {
    const server = await startServer();
    expect(() => clientFor(server, { headers: { "X-Bad": 1 as unknown as string } })).toThrow(
      /X-Bad/,
    );
    await expect(
      clientFor(server).runs.get("t", "r", { headers: { "X-Bad": 1 as unknown as string } }),
    ).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ["a line break in a value", { "X-Api-Key": "secret-value-123\r\nX-Evil: 1" }, /X-Api-Key/],
    ["a control character in a value", { "X-Api-Key": "secret-value-123\u0000" }, /X-Api-Key/],
    ["a non-ASCII character in a value", { "X-Api-Key": "secret-value-123\u2026" }, /X-Api-Key/],
    ["a space in a name", { "X Bad": "v" }, /X Bad/],
  ])(
    "%s is a TypeError naming the header, never echoing the value, nothing sent",
    async (_n, headers, named) => {
      const server = await startServer();
      const atCreate = (() => {
        try {
          clientFor(server, { headers });
        } catch (error) {
          return error;
        }
        return undefined;
      })();
      expect(atCreate).toBeInstanceOf(TypeError);
      expect((atCreate as Error).message).toMatch(named);
      expect((atCreate as Error).message).not.toContain("secret-value");
      const perCall = await clientFor(server)
        .runs.get("t", "r", { headers })
        .catch((error: unknown) => error);
      expect(perCall).toBeInstanceOf(TypeError);
      expect((perCall as Error).message).not.toContain("secret-value");
      expect(server.requests).toHaveLength(0);
    },
  );
});
