import { describe, expect, it } from "vitest";
import { call, cancelPath, runPath, serve } from "../support/reference-server.js";
import { KEY } from "../support/client.js";
import { sleep, until } from "../support/time.js";
import { ALL_RUN_FIELDS } from "../support/wire.js";

describe("run lifecycle", () => {
  it("answers a run with every wire field, x-request-id and JSON content-type", async () => {
    const server = await serve();
    const seeded = server.createRun({ threadId: "thread_1" });
    const res = await call(server, runPath("thread_1", seeded.id));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("x-request-id")).toMatch(/^req_\w+$/);
    const run = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(run).sort()).toEqual([...ALL_RUN_FIELDS].sort());
    expect(run).toMatchObject({
      id: seeded.id,
      object: "thread.run",
      thread_id: "thread_1",
      status: "queued",
      model: "gpt-4o",
      usage: null,
      started_at: null,
      cancelled_at: null,
      truncation_strategy: { type: "auto", last_messages: null },
      parallel_tool_calls: true,
    });
    expect(Number.isInteger(run["created_at"])).toBe(true);
    expect(run["expires_at"]).toBe((run["created_at"] as number) + 600);
    expect(seeded.id).toMatch(/^run_[A-Za-z0-9]{24}$/);
  });

  it("cancel answers cancelling, then the run is cancelled after cancelDelayMs", async () => {
    // Generous delay: the GET below must land before it even on a busy machine.
    const server = await serve({ cancelDelayMs: 400 });
    const { id, thread_id } = server.createRun({ status: "in_progress" });
    const started = performance.now();
    const res = await call(server, cancelPath(thread_id, id), { method: "POST" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id, status: "cancelling", cancelled_at: null });

    const during = await (await call(server, runPath(thread_id, id))).json();
    expect(during).toMatchObject({ status: "cancelling" });

    await until(() => server.run(thread_id, id)?.status === "cancelled");
    expect(performance.now() - started).toBeGreaterThanOrEqual(380);
    const after = (await (await call(server, runPath(thread_id, id))).json()) as Record<
      string,
      unknown
    >;
    expect(after["status"]).toBe("cancelled");
    expect(Number.isInteger(after["cancelled_at"])).toBe(true);
    expect(after["usage"]).toEqual({ prompt_tokens: 50, completion_tokens: 10, total_tokens: 60 });
  });

  it("a run seeded as cancelling becomes cancelled after cancelDelayMs, like a cancelled one", async () => {
    const server = await serve({ cancelDelayMs: 30 });
    const { id, thread_id } = server.createRun({ status: "cancelling" });
    expect(server.run(thread_id, id)?.status).toBe("cancelling");
    await until(() => server.run(thread_id, id)?.status === "cancelled");
    expect(Number.isInteger(server.run(thread_id, id)?.cancelled_at)).toBe(true);
  });

  it("cancelDelayMs 0 cancels on the next turn of the event loop", async () => {
    const server = await serve({ cancelDelayMs: 0 });
    const { id, thread_id } = server.createRun();
    expect((await call(server, cancelPath(thread_id, id), { method: "POST" })).status).toBe(200);
    await until(() => server.run(thread_id, id)?.status === "cancelled", 200);
  });

  it("refuses a second cancel with the exact wire error, while cancelling and once cancelled", async () => {
    const server = await serve({ cancelDelayMs: 300 });
    const { id, thread_id } = server.createRun();
    await call(server, cancelPath(thread_id, id), { method: "POST" });

    const again = await call(server, cancelPath(thread_id, id), { method: "POST" });
    expect(again.status).toBe(400);
    expect(again.headers.get("x-request-id")).toMatch(/^req_/);
    expect(await again.json()).toEqual({
      error: {
        message: "Cannot cancel run with status 'cancelling'",
        type: "invalid_request_error",
        param: null,
        code: null,
      },
    });

    await until(() => server.run(thread_id, id)?.status === "cancelled");
    const late = await call(server, cancelPath(thread_id, id), { method: "POST" });
    expect(late.status).toBe(400);
    expect(await late.json()).toMatchObject({
      error: { message: "Cannot cancel run with status 'cancelled'" },
    });
  });

  it.each(["completed", "failed", "incomplete", "expired"])(
    "refuses to cancel a %s run",
    async (status) => {
      const server = await serve();
      const { id, thread_id } = server.createRun({ status });
      const res = await call(server, cancelPath(thread_id, id), { method: "POST" });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: {
          message: `Cannot cancel run with status '${status}'`,
          type: "invalid_request_error",
          param: null,
          code: null,
        },
      });
    },
  );

  it("completeAfterMs finishes the run on its own, with completed_at and usage", async () => {
    const server = await serve();
    const { id, thread_id } = server.createRun({ completeAfterMs: 20 });
    await until(() => server.run(thread_id, id)?.status === "completed");
    const run = await (await call(server, runPath(thread_id, id))).json();
    expect(run).toMatchObject({
      status: "completed",
      completed_at: expect.any(Number),
      started_at: expect.any(Number),
      usage: { prompt_tokens: 50, completion_tokens: 10, total_tokens: 60 },
    });
  });

  it("a cancel before completeAfterMs wins", async () => {
    const server = await serve({ cancelDelayMs: 10 });
    const { id, thread_id } = server.createRun({ completeAfterMs: 300 });
    await call(server, cancelPath(thread_id, id), { method: "POST" });
    await sleep(350);
    expect(server.run(thread_id, id)?.status).toBe("cancelled");
    expect(server.run(thread_id, id)?.completed_at).toBeNull();
  });

  it("requiresActionAfterMs moves the run to requires_action with a function tool call", async () => {
    const server = await serve();
    const { id, thread_id } = server.createRun({ startAfterMs: 5, requiresActionAfterMs: 20 });
    await until(() => server.run(thread_id, id)?.status === "requires_action");
    const run = await (await call(server, runPath(thread_id, id))).json();
    expect(run).toMatchObject({
      status: "requires_action",
      started_at: expect.any(Number),
      required_action: {
        type: "submit_tool_outputs",
        submit_tool_outputs: {
          tool_calls: [
            {
              id: expect.stringMatching(/^call_/),
              type: "function",
              function: { name: expect.any(String), arguments: expect.any(String) },
            },
          ],
        },
      },
    });
    // Cancelling a run waiting for tool outputs is allowed and clears required_action.
    const res = await call(server, cancelPath(thread_id, id), { method: "POST" });
    expect(await res.json()).toMatchObject({ status: "cancelling", required_action: null });
  });

  it("answers 404 in the wire shape for unknown runs and threads", async () => {
    const server = await serve();
    const { id } = server.createRun({ threadId: "thread_known" });
    for (const [thread, run, message] of [
      ["thread_known", "run_missing", "No run found with id 'run_missing'."],
      ["thread_missing", id, "No thread found with id 'thread_missing'."],
    ] as const) {
      for (const path of [runPath(thread, run), cancelPath(thread, run)]) {
        const res = await call(server, path, { method: path.endsWith("cancel") ? "POST" : "GET" });
        expect(res.status).toBe(404);
        expect(res.headers.get("content-type")).toBe("application/json");
        expect(res.headers.get("x-request-id")).toMatch(/^req_/);
        expect(await res.json()).toEqual({
          error: {
            message,
            type: "invalid_request_error",
            param: null,
            code: null,
          },
        });
      }
    }
  });

  it("answers 404 for unknown routes and 405 for a wrong method, in the wire shape", async () => {
    const server = await serve();
    const { id, thread_id } = server.createRun();
    const unknown = await call(server, "/assistants");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      error: { type: "invalid_request_error", message: expect.stringContaining("/v1/assistants") },
    });
    const outside = await fetch(server.url.replace(/\/v1$/, "/threads/x/runs"), {
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(outside.status).toBe(404);

    const wrong = await call(server, cancelPath(thread_id, id));
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
    expect(wrong.headers.get("x-request-id")).toMatch(/^req_/);
    expect(await wrong.json()).toMatchObject({ error: { type: "invalid_request_error" } });
    const wrongGet = await call(server, runPath(thread_id, id), { method: "DELETE" });
    expect(wrongGet.status).toBe(405);
    expect(server.run(thread_id, id)?.status).toBe("queued");
  });

  it("decodes percent-encoded ids, including '/', '?', spaces and non-ASCII", async () => {
    const server = await serve();
    const threadId = "thread/with?odd #chars";
    const runId = "run é/..";
    server.createRun({ threadId, id: runId });
    const res = await call(server, runPath(threadId, runId));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: runId, thread_id: threadId });
    const cancel = await call(server, cancelPath(threadId, runId), { method: "POST" });
    expect(await cancel.json()).toMatchObject({ status: "cancelling" });

    const bad = await call(server, "/threads/%E0%A4%A/runs/x");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { type: "invalid_request_error" } });
  });

  it("setStatus sets the matching timestamp; overrides reach the wire, unknown fields included", async () => {
    const server = await serve();
    const { id, thread_id } = server.createRun({
      overrides: {
        metadata: { team: "a" },
        instructions: null,
        brand_new_field: { nested: [1, 2] },
        status: "paused_for_review",
      },
    });
    const run = (await (await call(server, runPath(thread_id, id))).json()) as Record<
      string,
      unknown
    >;
    expect(run).toMatchObject({
      metadata: { team: "a" },
      instructions: null,
      brand_new_field: { nested: [1, 2] },
      status: "paused_for_review",
    });

    server.setStatus(thread_id, id, "failed");
    expect(server.run(thread_id, id)).toMatchObject({
      status: "failed",
      failed_at: expect.any(Number),
      last_error: { code: "server_error", message: expect.any(String) },
    });
    server.setStatus(thread_id, id, "in_progress");
    expect(server.run(thread_id, id)?.started_at).toEqual(expect.any(Number));
    expect(() => server.setStatus(thread_id, "nope", "failed")).toThrow(/no run/);
  });

  it("hands out copies: mutating them (or the init) does not change the server", async () => {
    const server = await serve();
    const metadata = { k: "v" };
    const created = server.createRun({ overrides: { metadata } });
    metadata.k = "changed";
    created.status = "completed";
    created.tools.push({ type: "file_search" });
    const stored = server.run(created.thread_id, created.id)!;
    expect(stored.status).toBe("queued");
    expect(stored.metadata).toEqual({ k: "v" });
    expect(stored.tools).toEqual([{ type: "code_interpreter" }]);
    stored.tools.push({ type: "function", function: { name: "f" } });
    expect(server.run(created.thread_id, created.id)!.tools).toHaveLength(1);
  });

  it("createRuns seeds many runs on one thread and rejects a fixed id", async () => {
    const server = await serve();
    const runs = server.createRuns(3, { status: "in_progress" });
    expect(new Set(runs.map((r) => r.thread_id)).size).toBe(1);
    expect(new Set(runs.map((r) => r.id)).size).toBe(3);
    expect(runs.every((r) => r.status === "in_progress" && r.started_at !== null)).toBe(true);
    expect(server.runs(runs[0]!.thread_id).map((r) => r.id)).toEqual(runs.map((r) => r.id));
    expect(() => server.createRuns(2, { id: "run_same" })).toThrow(TypeError);
    expect(() => server.createRun({ threadId: runs[0]!.thread_id, id: runs[0]!.id })).toThrow(
      /already exists/,
    );
  });
});
