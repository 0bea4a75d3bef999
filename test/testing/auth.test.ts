import { describe, expect, it } from "vitest";
import { call, runPath, serve } from "../support/reference-server.js";

describe("authentication and api-version", () => {
  it("answers 401 invalid_api_key without a key and with a wrong one", async () => {
    const server = await serve();
    const { id, thread_id } = server.createRun();
    for (const key of [null, "wrong-key"]) {
      const res = await call(server, runPath(thread_id, id), { key });
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(res.headers.get("x-request-id")).toMatch(/^req_/);
      const body = (await res.json()) as { error: Record<string, unknown> };
      expect(body.error).toMatchObject({
        type: "invalid_request_error",
        param: null,
        code: "invalid_api_key",
      });
      // The wrong key is never echoed back.
      expect(JSON.stringify(body)).not.toContain("wrong-key");
    }
    expect((await call(server, runPath(thread_id, id))).status).toBe(200);
  });

  it("checks a custom key, and none with apiKey null", async () => {
    const custom = await serve({ apiKey: "sk-custom" });
    const a = custom.createRun();
    expect((await call(custom, runPath(a.thread_id, a.id))).status).toBe(401);
    expect((await call(custom, runPath(a.thread_id, a.id), { key: "sk-custom" })).status).toBe(200);

    const open = await serve({ apiKey: null });
    const b = open.createRun();
    expect((await call(open, runPath(b.thread_id, b.id), { key: null })).status).toBe(200);
  });

  it("requires ?api-version when configured and names the parameter", async () => {
    const server = await serve({ apiVersion: "2025-05-01" });
    const { id, thread_id } = server.createRun();
    const missing = await call(server, runPath(thread_id, id));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      error: {
        type: "invalid_request_error",
        param: "api-version",
        message: expect.stringContaining("api-version"),
      },
    });
    const wrong = await call(server, `${runPath(thread_id, id)}?api-version=2024-01-01`);
    expect(wrong.status).toBe(400);
    const ok = await call(server, `${runPath(thread_id, id)}?api-version=2025-05-01`);
    expect(ok.status).toBe(200);
    const list = await call(server, `/threads/${thread_id}/runs?limit=5&api-version=2025-05-01`);
    expect(list.status).toBe(200);
  });
});
