import { describe, expect, it } from "vitest";
import { InternalServerError, InvalidResponseError, responseInfo } from "../../src/index.js";
import { startRunsServer } from "../../src/testing/index.js";
import { clientFor, rejection } from "../support/client.js";
import {
  type Handler,
  type TestServer,
  json,
  startServer,
  status,
} from "../support/scripted-server.js";
import { wireRun } from "../support/wire.js";

/** Pages of `size` over runs run_1..run_total (newest first, like the API's default order). */
function paged(total: number, size: number): Handler {
  return (req, res) => {
    const ids = Array.from({ length: total }, (_, i) => `run_${total - i}`);
    const after = req.query.get("after");
    const start = after === null ? 0 : ids.indexOf(after) + 1;
    const data = ids.slice(start, start + size);
    json(
      res,
      200,
      {
        object: "list",
        data: data.map((id) => wireRun({ id })),
        first_id: data[0] ?? null,
        last_id: data[data.length - 1] ?? null,
        has_more: start + size < total,
      },
      { "x-request-id": `req_page_${start / size + 1}` },
    );
  };
}

const paths = (server: TestServer) => server.requests.map((r) => r.url);

describe("list follows has_more / last_id across pages", () => {
  it("iterates three pages with for await, passing after=<last_id>", async () => {
    const server = await startServer(paged(7, 3));
    const ids: string[] = [];
    for await (const run of clientFor(server).runs.list("thread_1", { limit: 3 })) ids.push(run.id);
    expect(ids).toEqual(["run_7", "run_6", "run_5", "run_4", "run_3", "run_2", "run_1"]);
    expect(paths(server)).toEqual([
      "/v1/threads/thread_1/runs?limit=3",
      "/v1/threads/thread_1/runs?limit=3&after=run_5",
      "/v1/threads/thread_1/runs?limit=3&after=run_2",
    ]);
  });

  it("pages() yields whole pages with their cursors and request info", async () => {
    const server = await startServer(paged(6, 2));
    const pages = [];
    for await (const page of clientFor(server).runs.list("t", { limit: 2 }).pages())
      pages.push(page);
    expect(pages.map((p) => p.data.map((r) => r.id))).toEqual([
      ["run_6", "run_5"],
      ["run_4", "run_3"],
      ["run_2", "run_1"],
    ]);
    expect(pages.map((p) => [p.firstId, p.lastId, p.hasMore])).toEqual([
      ["run_6", "run_5", true],
      ["run_4", "run_3", true],
      ["run_2", "run_1", false],
    ]);
    expect(pages.map((p) => responseInfo(p)?.requestId)).toEqual([
      "req_page_1",
      "req_page_2",
      "req_page_3",
    ]);
    expect(pages[1]!.data[0]!.createdAt).toBeInstanceOf(Date);
  });

  it("all() collects every run", async () => {
    const server = await startServer(paged(5, 2));
    const runs = await clientFor(server).runs.list("t", { limit: 2 }).all();
    expect(runs.map((r) => r.id)).toEqual(["run_5", "run_4", "run_3", "run_2", "run_1"]);
    expect(server.requests).toHaveLength(3);
  });

  it("sends nothing until iterated, and stops fetching when the loop breaks", async () => {
    const server = await startServer(paged(9, 3));
    const list = clientFor(server).runs.list("t", { limit: 3 });
    expect(server.requests).toHaveLength(0);
    for await (const run of list) {
      if (run.id === "run_8") break;
    }
    expect(server.requests).toHaveLength(1);
  });

  it("order, before and a starting after are sent, encoded", async () => {
    const server = await startServer(paged(1, 20));
    await clientFor(server)
      .runs.list("t", { order: "asc", after: "run/1 x", before: "run&2", limit: 100 })
      .all();
    const query = server.requests[0]!.query;
    expect(query.get("order")).toBe("asc");
    expect(query.get("limit")).toBe("100");
    expect(query.get("after")).toBe("run/1 x");
    expect(query.get("before")).toBe("run&2");
  });

  it("a failed page is retried like any call", async () => {
    const pages = paged(4, 2);
    const server = await startServer((req, res, attempt) =>
      attempt === 2 ? status(503)(req, res, attempt) : pages(req, res, attempt),
    );
    const runs = await clientFor(server).runs.list("t", { limit: 2 }).all();
    expect(runs).toHaveLength(4);
    expect(server.requests).toHaveLength(3);
    expect(server.requests[1]!.url).toBe(server.requests[2]!.url);
  });

  it("an error page past the retries rejects the iteration", async () => {
    const pages = paged(4, 2);
    const server = await startServer((req, res, attempt) =>
      attempt === 1 ? pages(req, res, attempt) : status(500)(req, res, attempt),
    );
    const seen: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const run of clientFor(server, { maxRetries: 0 }).runs.list("t", { limit: 2 })) {
          seen.push(run.id);
        }
      })(),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(seen).toEqual(["run_4", "run_3"]);
  });

  it("the reference server: 250 runs in pages of 100", async () => {
    const server = await startRunsServer({ apiKey: null });
    try {
      const runs = server.createRuns(250);
      const threadId = runs[0]!.thread_id;
      const listed = await clientFor(server, { apiKey: null })
        .runs.list(threadId, { limit: 100 })
        .all();
      expect(listed).toHaveLength(250);
      expect(new Set(listed.map((r) => r.id)).size).toBe(250);
      expect(server.requests).toHaveLength(3);
    } finally {
      await server.close();
    }
  });
});

describe("list arguments are checked before any request", () => {
  it.each([
    ["limit", { limit: 0 }, RangeError],
    ["limit", { limit: 101 }, RangeError],
    ["limit", { limit: 1.5 }, RangeError],
    ["limit", { limit: Number.NaN }, RangeError],
    ["limit", { limit: "10" as unknown as number }, TypeError],
    ["order", { order: "up" as "asc" }, TypeError],
    ["order", { order: 1 as unknown as "asc" }, TypeError],
  ])("bad %s %j", async (name, options, cls) => {
    const server = await startServer();
    const client = clientFor(server);
    let thrown: unknown;
    try {
      client.runs.list("t", options);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(cls);
    expect((thrown as Error).message).toMatch(new RegExp(`^${name}\\b`));
    expect(server.requests).toHaveLength(0);
  });

  it("options that are not an object are a TypeError", async () => {
    const server = await startServer();
    expect(() => clientFor(server).runs.list("t", "run_1" as unknown as object)).toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });
});

describe("pagination that would never end", () => {
  it("a server that repeats last_id is an InvalidResponseError, not an infinite loop", async () => {
    const server = await startServer((_req, res) =>
      json(res, 200, {
        object: "list",
        data: [wireRun({ id: "run_same" })],
        first_id: "run_same",
        last_id: "run_same",
        has_more: true,
      }),
    );
    const error = (await rejection(clientFor(server).runs.list("t").all())) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.field).toBe("last_id");
    expect(server.requests.length).toBeLessThanOrEqual(3);
  });

  it("a server that cycles between cursors is an InvalidResponseError too", async () => {
    const server = await startServer((req, res) => {
      const id = req.query.get("after") === "run_a" ? "run_b" : "run_a";
      json(res, 200, {
        object: "list",
        data: [wireRun({ id })],
        first_id: id,
        last_id: id,
        has_more: true,
      });
    });
    const error = await rejection(clientFor(server).runs.list("t").all());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(server.requests.length).toBeLessThanOrEqual(4);
  });

  it("has_more with no last_id and no data stops or fails, never loops", async () => {
    const server = await startServer((_req, res) =>
      json(res, 200, { object: "list", data: [], first_id: null, last_id: null, has_more: true }),
    );
    await clientFor(server)
      .runs.list("t")
      .all()
      .catch(() => undefined);
    expect(server.requests).toHaveLength(1);
  });

  it("a page whose data is not an array is an InvalidResponseError naming data", async () => {
    const server = await startServer((_req, res) => json(res, 200, { object: "list", data: null }));
    const error = (await rejection(clientFor(server).runs.list("t").all())) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.field).toBe("data");
  });
});
