import { describe, expect, it } from "vitest";
import { startRunsServer } from "../../src/testing/index.js";
import { call, cancelPath, runPath, serve } from "../support/reference-server.js";
import { KEY } from "../support/client.js";
import { sleep } from "../support/time.js";

describe("server plumbing", () => {
  it("listens on an ephemeral loopback port and exposes /v1 in url", async () => {
    const server = await serve();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/v1`);
    expect(server.port).toBeGreaterThan(0);
  });

  it("records requests (method, path with query, lower-case headers, body, time)", async () => {
    const server = await serve();
    const { id, thread_id } = server.createRun();
    const before = Date.now();
    await call(server, `/threads/${thread_id}/runs?limit=2`, { headers: { "X-Custom": "1" } });
    await call(server, cancelPath(thread_id, id), { method: "POST", body: '{"why":"test"}' });
    const [list, cancel] = server.requests;
    expect(list).toMatchObject({
      method: "GET",
      path: `/v1/threads/${thread_id}/runs?limit=2`,
      body: "",
    });
    expect(list!.headers["x-custom"]).toBe("1");
    expect(list!.headers["authorization"]).toBe(`Bearer ${KEY}`);
    expect(list!.at).toBeGreaterThanOrEqual(before);
    expect(cancel).toMatchObject({ method: "POST", body: '{"why":"test"}' });
  });

  it("keeps at most maxRecordedRequests, newest last; recordRequests false keeps none", async () => {
    const ring = await serve({ maxRecordedRequests: 3 });
    for (let i = 0; i < 5; i++) await (await call(ring, `/threads/t/runs?i=${i}`)).text();
    expect(ring.requests.map((r) => r.path.slice(-3))).toEqual(["i=2", "i=3", "i=4"]);
    expect(ring.stats.requests).toBe(5);

    const off = await serve({ recordRequests: false });
    await (await call(off, "/threads/t/runs")).text();
    expect(off.requests).toEqual([]);
    expect(off.stats.requests).toBe(1);
  });

  it("counts by status, concurrency and per-second peak; resetStats starts over", async () => {
    const server = await serve({ latencyMs: 30 });
    const { id, thread_id } = server.createRun();
    await Promise.all(
      Array.from({ length: 8 }, async () => (await call(server, runPath(thread_id, id))).text()),
    );
    await (await call(server, runPath(thread_id, "nope"))).text();
    const stats = server.stats;
    expect(stats.requests).toBe(9);
    expect(stats.byStatus).toEqual({ 200: 8, 404: 1 });
    expect(stats.maxConcurrent).toBeGreaterThanOrEqual(4);
    expect(stats.peakPerSecond).toBeGreaterThanOrEqual(5);
    expect(stats.inFlight).toBe(0);
    expect(stats.maxConnections).toBeGreaterThanOrEqual(4);

    server.resetStats();
    expect(server.stats).toMatchObject({ requests: 0, byStatus: {}, maxConcurrent: 0 });
    expect(server.requests).toEqual([]);
  });

  it("latencyMs delays every answer", async () => {
    const server = await serve({ latencyMs: 60 });
    const started = performance.now();
    const res = await call(server, "/threads/t/runs", { key: "wrong" });
    expect(res.status).toBe(401);
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
  });

  it("pollAfterMs adds openai-poll-after-ms to run retrievals only", async () => {
    const server = await serve({ pollAfterMs: 250 });
    const { id, thread_id } = server.createRun();
    const get = await call(server, runPath(thread_id, id));
    expect(get.headers.get("openai-poll-after-ms")).toBe("250");
    const cancel = await call(server, cancelPath(thread_id, id), { method: "POST" });
    expect(cancel.headers.get("openai-poll-after-ms")).toBeNull();
  });

  it("x-request-id is unique per answer", async () => {
    const server = await serve();
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const res = await call(server, i % 2 ? "/threads/t/runs" : "/nowhere", {
        key: i % 3 ? KEY : null,
      });
      ids.add(res.headers.get("x-request-id")!);
      await res.text();
    }
    expect(ids.size).toBe(20);
  });

  it("close() ends idle keep-alive connections, clears lifecycle timers, and is idempotent", async () => {
    const server = await startRunsServer({ apiKey: KEY, cancelDelayMs: 60_000 });
    const { id, thread_id } = server.createRun({ completeAfterMs: 60_000 });
    // A keep-alive connection stays open after this answer.
    await (await call(server, cancelPath(thread_id, id), { method: "POST" })).text();
    const started = performance.now();
    await Promise.all([server.close(), server.close()]);
    // Not a speed goal: without closing idle connections, close() waits for the keep-alive
    // timeout of Node's server (5 s); the bound only tells the two apart.
    expect(performance.now() - started).toBeLessThan(4000);
    await expect(call(server, runPath(thread_id, id))).rejects.toThrow();
    await sleep(10);
    expect(server.run(thread_id, id)?.status).toBe("cancelling");
  });

  it("validates options", async () => {
    await expect(startRunsServer({ cancelDelayMs: -1 })).rejects.toThrow(RangeError);
    await expect(startRunsServer({ latencyMs: Number.NaN })).rejects.toThrow(RangeError);
  });

  // How fast and how small is the server-memory benchmark's business (bench/server-memory.ts),
  // never a timed assertion here.
  it("holds 100k runs, finds one by id and pages from the middle of them", async () => {
    const server = await serve();
    const runs = server.createRuns(100_000, { threadId: "thread_big" });
    const middle = runs[50_000]!;
    expect((await call(server, runPath("thread_big", middle.id))).status).toBe(200);
    const page = (await (
      await call(server, `/threads/thread_big/runs?limit=3&after=${middle.id}`)
    ).json()) as { data: Array<{ id: string }> };
    expect(page.data.map((r) => r.id)).toEqual([
      runs[49_999]!.id,
      runs[49_998]!.id,
      runs[49_997]!.id,
    ]);
  });
});
