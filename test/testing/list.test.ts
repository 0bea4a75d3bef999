import { describe, expect, it } from "vitest";
import type { WireRunList } from "../../src/testing/index.js";
import { call, serve } from "../support/reference-server.js";

async function list(
  server: Awaited<ReturnType<typeof serve>>,
  threadId: string,
  query = "",
): Promise<WireRunList> {
  const res = await call(server, `/threads/${threadId}/runs${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as WireRunList;
}

describe("listing runs", () => {
  it("pages newest first across 3 pages with `after`", async () => {
    const server = await serve();
    const runs = server.createRuns(25, { threadId: "thread_p" });
    const newestFirst = runs.map((r) => r.id).reverse();

    const seen: string[] = [];
    let query = "?limit=10";
    const pages: WireRunList[] = [];
    for (;;) {
      const page = await list(server, "thread_p", query);
      pages.push(page);
      seen.push(...page.data.map((r) => r.id));
      expect(page.object).toBe("list");
      expect(page.first_id).toBe(page.data[0]?.id);
      expect(page.last_id).toBe(page.data[page.data.length - 1]?.id);
      if (!page.has_more) break;
      query = `?limit=10&after=${page.last_id}`;
    }
    expect(pages.map((p) => p.data.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.has_more)).toEqual([true, true, false]);
    expect(seen).toEqual(newestFirst);
  });

  it("orders by created_at then insertion, asc and desc", async () => {
    const server = await serve();
    const now = Math.floor(Date.now() / 1000);
    // Inserted out of created_at order; equal created_at keeps insertion order.
    const c = server.createRun({ threadId: "t", id: "c", overrides: { created_at: now + 2 } });
    const a = server.createRun({ threadId: "t", id: "a", overrides: { created_at: now } });
    const b1 = server.createRun({ threadId: "t", id: "b1", overrides: { created_at: now + 1 } });
    const b2 = server.createRun({ threadId: "t", id: "b2", overrides: { created_at: now + 1 } });
    const asc = [a, b1, b2, c].map((r) => r.id);

    expect((await list(server, "t", "?order=asc")).data.map((r) => r.id)).toEqual(asc);
    expect((await list(server, "t")).data.map((r) => r.id)).toEqual([...asc].reverse());
    expect((await list(server, "t", "?order=desc")).data.map((r) => r.id)).toEqual(
      [...asc].reverse(),
    );
    const ascPage = await list(server, "t", "?order=asc&limit=2&after=b1");
    expect(ascPage.data.map((r) => r.id)).toEqual(["b2", "c"]);
    expect(ascPage.has_more).toBe(false);
  });

  it("`before` gives the runs just before the cursor, in the requested order", async () => {
    const server = await serve();
    const ids = server.createRuns(10, { threadId: "t" }).map((r) => r.id);
    const desc = [...ids].reverse();
    // desc view: positions 0..9; before desc[6] → the two nearest: desc[4], desc[5].
    const page = await list(server, "t", `?limit=2&before=${desc[6]}`);
    expect(page.data.map((r) => r.id)).toEqual([desc[4], desc[5]]);
    expect(page.has_more).toBe(true);
    const first = await list(server, "t", `?limit=5&before=${desc[2]}`);
    expect(first.data.map((r) => r.id)).toEqual([desc[0], desc[1]]);
    expect(first.has_more).toBe(false);
    const between = await list(server, "t", `?order=asc&after=${ids[1]}&before=${ids[5]}`);
    expect(between.data.map((r) => r.id)).toEqual(ids.slice(2, 5));
  });

  it("defaults to 20 and answers an empty list with null ids", async () => {
    const server = await serve();
    server.createRuns(21, { threadId: "t" });
    const page = await list(server, "t");
    expect(page.data).toHaveLength(20);
    expect(page.has_more).toBe(true);
    // A thread is known once it has a run; createRuns(0) makes one that has none yet.
    server.createRuns(0, { threadId: "thread_empty" });
    expect(await list(server, "thread_empty")).toEqual({
      object: "list",
      data: [],
      first_id: null,
      last_id: null,
      has_more: false,
    });
    const all = await list(server, "t", "?limit=100");
    expect(all.data).toHaveLength(21);
    expect(all.has_more).toBe(false);
  });

  it("answers 404 for a thread no run was ever created on, for list, get and cancel", async () => {
    const server = await serve();
    const { id } = server.createRun({ threadId: "thread_known" });
    const notFound = {
      error: {
        message: "No thread found with id 'thread_unknown'.",
        type: "invalid_request_error",
        param: null,
        code: null,
      },
    };
    for (const [path, method] of [
      ["/threads/thread_unknown/runs", "GET"],
      ["/threads/thread_unknown/runs?limit=5&after=run_x", "GET"],
      [`/threads/thread_unknown/runs/${id}`, "GET"],
      [`/threads/thread_unknown/runs/${id}/cancel`, "POST"],
    ] as const) {
      const res = await call(server, path, { method });
      expect([path, res.status]).toEqual([path, 404]);
      expect(await res.json()).toEqual(notFound);
    }
    // A known thread with an unknown run names the run.
    const run = await call(server, "/threads/thread_known/runs/run_nope");
    expect(run.status).toBe(404);
    expect(await run.json()).toMatchObject({
      error: { message: "No run found with id 'run_nope'." },
    });
    expect(server.run("thread_known", id)?.status).toBe("queued");
  });

  it.each(["0", "101", "abc", "1.5", "-1", ""])(
    "refuses limit=%j naming `limit`",
    async (limit) => {
      const server = await serve();
      server.createRun({ threadId: "t" });
      const res = await call(server, `/threads/t/runs?limit=${limit}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: {
          message: expect.stringContaining("limit"),
          type: "invalid_request_error",
          param: "limit",
          code: null,
        },
      });
    },
  );

  it("refuses an unknown cursor or order", async () => {
    const server = await serve();
    server.createRun({ threadId: "t" });
    for (const [query, param] of [
      ["?after=run_nope", "after"],
      ["?before=run_nope", "before"],
      ["?order=sideways", "order"],
    ] as const) {
      const res = await call(server, `/threads/t/runs${query}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { param, type: "invalid_request_error" } });
    }
  });
});
