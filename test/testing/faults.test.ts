import { describe, expect, it } from "vitest";
import { call, cancelPath, runPath, serve } from "../support/reference-server.js";
import { until } from "../support/time.js";

describe("faults", () => {
  it("status: answers the status with a wire error (or a raw body) instead of handling", async () => {
    const server = await serve();
    const { id, thread_id } = server.createRun();
    server.inject({ kind: "status", status: 503, times: 2 });
    server.inject({
      kind: "status",
      status: 502,
      body: "<html>bad gateway</html>",
      headers: { "content-type": "text/html" },
    });

    for (let i = 0; i < 2; i++) {
      const res = await call(server, cancelPath(thread_id, id), { method: "POST" });
      expect(res.status).toBe(503);
      expect(res.headers.get("x-request-id")).toMatch(/^req_/);
      expect(await res.json()).toMatchObject({ error: { type: "server_error", code: null } });
    }
    expect(server.run(thread_id, id)?.status).toBe("queued");

    const raw = await call(server, runPath(thread_id, id));
    expect(raw.status).toBe(502);
    expect(raw.headers.get("content-type")).toBe("text/html");
    expect(await raw.text()).toBe("<html>bad gateway</html>");

    expect((await call(server, runPath(thread_id, id))).status).toBe(200);
    expect(server.stats.faults).toBe(3);
  });

  it("match: only matching requests consume the fault", async () => {
    const server = await serve();
    const a = server.createRun({ threadId: "t" });
    const b = server.createRun({ threadId: "t" });
    server.inject({ kind: "status", status: 500, match: { operation: "cancelRun", runId: b.id } });

    expect((await call(server, runPath("t", b.id))).status).toBe(200);
    expect((await call(server, cancelPath("t", a.id), { method: "POST" })).status).toBe(200);
    expect((await call(server, "/threads/t/runs")).status).toBe(200);
    expect((await call(server, cancelPath("t", b.id), { method: "POST" })).status).toBe(500);
    expect((await call(server, cancelPath("t", b.id), { method: "POST" })).status).toBe(200);

    server.inject({ kind: "status", status: 500, match: { method: "get" } });
    server.clearFaults();
    expect((await call(server, runPath("t", a.id))).status).toBe(200);
  });

  it("reset before headers: fetch rejects", async () => {
    const server = await serve();
    const { id, thread_id } = server.createRun();
    server.inject({ kind: "reset" });
    await expect(call(server, cancelPath(thread_id, id), { method: "POST" })).rejects.toThrow(
      TypeError,
    );
    // Not handled: the run is untouched, and the next request works.
    expect(server.run(thread_id, id)?.status).toBe("queued");
    expect((await call(server, runPath(thread_id, id))).status).toBe(200);
    expect(server.stats.resets).toBe(1);
  });

  it("reset after headers: the status arrives, reading the body rejects", async () => {
    const server = await serve();
    const { id, thread_id } = server.createRun();
    server.inject({ kind: "reset", afterHeaders: true });
    const res = await call(server, cancelPath(thread_id, id), { method: "POST" });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    // The request was handled before the connection broke.
    expect(server.run(thread_id, id)?.status).toMatch(/^cancell/);
  });

  it("malformed: 200 whose body is not JSON", async () => {
    const server = await serve();
    const { id, thread_id } = server.createRun();
    server.inject({ kind: "malformed", match: { operation: "getRun" } });
    const res = await call(server, runPath(thread_id, id));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    await expect(res.json()).rejects.toThrow(SyntaxError);
  });

  it("delay: holds the headers back", async () => {
    const server = await serve();
    const { id, thread_id } = server.createRun();
    server.inject({ kind: "delay", ms: 120 });
    const started = performance.now();
    const res = await call(server, runPath(thread_id, id));
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    expect(await res.json()).toMatchObject({ id });
  });

  it("delay with bodyDelayMs: headers come at once, the body stalls", async () => {
    const server = await serve();
    const { id, thread_id } = server.createRun();
    server.inject({ kind: "delay", ms: 0, bodyDelayMs: 150 });
    const started = performance.now();
    const res = await call(server, runPath(thread_id, id));
    const headersAt = performance.now() - started;
    expect(res.status).toBe(200);
    const body = await res.json();
    const bodyAt = performance.now() - started;
    expect(bodyAt - headersAt).toBeGreaterThanOrEqual(120);
    expect(body).toMatchObject({ id });
    expect(server.stats.byStatus[200]).toBe(1);
  });

  it("a client giving up during a delay does not break the server", async () => {
    const server = await serve();
    const { id, thread_id } = server.createRun();
    server.inject({ kind: "delay", ms: 100 });
    await expect(
      call(server, runPath(thread_id, id), { signal: AbortSignal.timeout(20) }),
    ).rejects.toThrow();
    await until(() => server.stats.inFlight === 0, 1000);
    expect((await call(server, runPath(thread_id, id))).status).toBe(200);
  });

  it("handle-then-status: the cancel lands but the answer is 503; a retry meets 'cancelling'", async () => {
    const server = await serve({ cancelDelayMs: 1000 });
    const { id, thread_id } = server.createRun({ status: "in_progress" });
    server.inject({ kind: "handle-then-status", status: 503, match: { operation: "cancelRun" } });
    const lost = await call(server, cancelPath(thread_id, id), { method: "POST" });
    expect(lost.status).toBe(503);
    expect(await lost.json()).toMatchObject({ error: { type: "server_error" } });
    expect(server.run(thread_id, id)?.status).toBe("cancelling");

    const retry = await call(server, cancelPath(thread_id, id), { method: "POST" });
    expect(retry.status).toBe(400);
    expect(await retry.json()).toMatchObject({
      error: { message: "Cannot cancel run with status 'cancelling'" },
    });
  });

  it("rejects a non-positive `times`", async () => {
    const server = await serve();
    expect(() => server.inject({ kind: "malformed", times: 0 })).toThrow(RangeError);
  });

  it("chaos: injects 500/503 and resets at about the configured rates, deterministically", async () => {
    const outcomes = async (seed: number): Promise<string[]> => {
      const server = await serve({ chaos: { errorRate: 0.2, resetRate: 0.1, seed } });
      const { id, thread_id } = server.createRun();
      const seen: string[] = [];
      for (let i = 0; i < 200; i++) {
        try {
          const res = await call(server, runPath(thread_id, id));
          await res.arrayBuffer();
          seen.push(String(res.status));
        } catch {
          seen.push("reset");
        }
      }
      const stats = server.stats;
      expect(stats.requests).toBe(200);
      expect(stats.resets).toBe(seen.filter((s) => s === "reset").length);
      return seen;
    };
    const first = await outcomes(7);
    const count = (s: string) => first.filter((o) => o === s).length;
    expect(count("500") + count("503")).toBeGreaterThan(20);
    expect(count("500") + count("503")).toBeLessThan(65);
    expect(count("reset")).toBeGreaterThan(5);
    expect(count("reset")).toBeLessThan(40);
    expect(count("500")).toBeGreaterThan(0);
    expect(count("503")).toBeGreaterThan(0);
    expect(await outcomes(7)).toEqual(first);
    await expect(serve({ chaos: { errorRate: 0.8, resetRate: 0.5 } })).rejects.toThrow(RangeError);
  });
});
