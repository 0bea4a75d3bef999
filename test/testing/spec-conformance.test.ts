/**
 * Every kind of answer the reference server gives validates against spec/openapi.yaml: the body
 * against the schema the spec declares for that operation and status, and the declared headers
 * (x-request-id, Retry-After, retry-after-ms) are present and match their schemas.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv/dist/2020.js";
import ajvFormatsModule from "ajv-formats";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import type { RunsServer } from "../../src/testing/index.js";
import { call, cancelPath, runPath, serve } from "../support/reference-server.js";
import { until } from "../support/time.js";
import { rawRequest } from "./raw-http.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
type Json = Record<string, unknown>;
const spec = parse(readFileSync(path.join(repoRoot, "spec/openapi.yaml"), "utf8")) as Json;

const DOC_ID = "https://threadrun.invalid/testing/openapi.json";
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, logger: false });
ajvFormatsModule.default(ajv);
ajv.addFormat("unixtime", { type: "number", validate: (n: number) => Number.isInteger(n) });
ajv.addSchema(spec, DOC_ID);

const at = (node: unknown, key: string): unknown =>
  typeof node === "object" && node !== null ? (node as Json)[key] : undefined;

/** Follows a local `$ref` (one level at a time) until the node has none. */
function deref(node: unknown): { node: unknown; pointer: string | undefined } {
  let pointer: string | undefined;
  for (;;) {
    const ref = at(node, "$ref");
    if (typeof ref !== "string") return { node, pointer };
    pointer = ref;
    node = ref
      .slice(2)
      .split("/")
      .reduce<unknown>((n, k) => at(n, k.replace(/~1/g, "/").replace(/~0/g, "~")), spec);
  }
}

function validator(pointer: string): ValidateFunction {
  const fragment = pointer.slice(1).split("/").map(encodeURIComponent).join("/");
  const validate = ajv.getSchema(`${DOC_ID}#${fragment}`);
  if (validate === undefined) throw new Error(`no schema at ${pointer}`);
  return validate;
}

type Operation = "listRuns" | "getRun" | "cancelRun";
const OPERATIONS: Record<Operation, [string, string]> = {
  listRuns: ["/threads/{thread_id}/runs", "get"],
  getRun: ["/threads/{thread_id}/runs/{run_id}", "get"],
  cancelRun: ["/threads/{thread_id}/runs/{run_id}/cancel", "post"],
};

/** Asserts that `res` is an answer the spec declares for `operation`, body and headers. */
async function expectConforms(operation: Operation, res: Response): Promise<void> {
  const [template, method] = OPERATIONS[operation];
  const declared = at(at(at(at(spec, "paths"), template), method), "responses");
  const { node: response, pointer: responsePointer } = deref(at(declared, String(res.status)));
  expect(response, `${operation} declares HTTP ${res.status}`).toBeDefined();

  const base =
    responsePointer ??
    `#/paths/${template.replace(/~/g, "~0").replace(/\//g, "~1")}/${method}/responses/${res.status}`;
  const schemaPointer = `${base}/content/application~1json/schema`;
  const body: unknown = await res.json();
  const validate = validator(schemaPointer);
  expect(validate(body), JSON.stringify(validate.errors, null, 2)).toBe(true);

  const headers = at(response, "headers") as Json | undefined;
  for (const [name, header] of Object.entries(headers ?? {})) {
    const value = res.headers.get(name);
    // x-request-id is always sent; the retry headers are "may carry" (checked where present).
    if (name.toLowerCase() === "x-request-id") {
      expect(value, `${operation} ${res.status} header ${name}`).not.toBeNull();
    }
    if (value === null) continue;
    const { node: resolved } = deref(header);
    const schema = at(resolved, "schema");
    if (schema !== undefined) expect(ajv.validate(schema as Json, value)).toBe(true);
  }
}

async function seeded(options = {}): Promise<{ server: RunsServer; threadId: string }> {
  const server = await serve({ cancelDelayMs: 10, ...options });
  return { server, threadId: "thread_spec" };
}

describe("answers conform to spec/openapi.yaml", () => {
  it.each(["queued", "in_progress", "cancelled", "failed", "completed", "incomplete", "expired"])(
    "getRun 200 for a %s run",
    async (status) => {
      const { server, threadId } = await seeded();
      const run = server.createRun({ threadId, status });
      await expectConforms("getRun", await call(server, runPath(threadId, run.id)));
    },
  );

  it("getRun 200 for requires_action, and cancelRun 200 (cancelling), then cancelled", async () => {
    const { server, threadId } = await seeded();
    const run = server.createRun({ threadId, requiresActionAfterMs: 0 });
    await until(() => server.run(threadId, run.id)?.status === "requires_action");
    await expectConforms("getRun", await call(server, runPath(threadId, run.id)));
    await expectConforms(
      "cancelRun",
      await call(server, cancelPath(threadId, run.id), { method: "POST" }),
    );
    await until(() => server.run(threadId, run.id)?.status === "cancelled");
    await expectConforms("getRun", await call(server, runPath(threadId, run.id)));
  });

  it("listRuns 200, full and empty pages", async () => {
    const { server, threadId } = await seeded();
    server.createRuns(5, { threadId });
    server.createRun({ threadId, status: "completed" });
    await expectConforms("listRuns", await call(server, `/threads/${threadId}/runs?limit=3`));
    server.createRuns(0, { threadId: "thread_empty" });
    await expectConforms("listRuns", await call(server, `/threads/thread_empty/runs`));
  });

  it("every error answer", async () => {
    const { server, threadId } = await seeded();
    const done = server.createRun({ threadId, status: "completed" });
    const cancelOn = (thread: string, id: string) =>
      call(server, cancelPath(thread, id), { method: "POST" });
    const cancel = (id: string) => cancelOn(threadId, id);

    await expectConforms("cancelRun", await cancel(done.id)); // 400 cannot cancel
    await expectConforms("cancelRun", await cancel("run_missing")); // 404
    await expectConforms("getRun", await call(server, runPath(threadId, "run_missing"))); // 404
    for (const [operation, res] of [
      ["listRuns", await call(server, "/threads/thread_unknown/runs")],
      ["getRun", await call(server, runPath("thread_unknown", done.id))],
      ["cancelRun", await cancelOn("thread_unknown", done.id)],
    ] as const) {
      expect([operation, res.status]).toEqual([operation, 404]);
      await expectConforms(operation, res);
    }
    await expectConforms("getRun", await call(server, runPath(threadId, done.id), { key: null }));
    await expectConforms("getRun", await call(server, runPath(threadId, done.id), { key: "x" }));
    for (const query of ["?limit=0", "?after=run_nope", "?before=run_nope", "?order=up"]) {
      await expectConforms("listRuns", await call(server, `/threads/${threadId}/runs${query}`));
    }
    server.inject({ kind: "status", status: 500 });
    await expectConforms("getRun", await call(server, runPath(threadId, done.id)));
    server.inject({ kind: "status", status: 503 });
    await expectConforms("listRuns", await call(server, `/threads/${threadId}/runs`));
    server.inject({ kind: "handle-then-status", status: 503 });
    await expectConforms("cancelRun", await cancel(server.createRun({ threadId }).id));
    server.inject({ kind: "status", status: 429 });
    const injected429 = await call(server, runPath(threadId, done.id));
    expect(injected429.status).toBe(429);
    await expect(injected429.json()).resolves.toMatchObject({
      error: { code: "rate_limit_exceeded" },
    });
  });

  it("400 for a missing api-version", async () => {
    const { server, threadId } = await seeded({ apiVersion: "2025-05-01" });
    const run = server.createRun({ threadId });
    await expectConforms("getRun", await call(server, runPath(threadId, run.id)));
  });

  it("429 from the rate limiter, with Retry-After and retry-after-ms", async () => {
    const { server, threadId } = await seeded({ rateLimit: { requestsPerSecond: 1, burst: 1 } });
    const run = server.createRun({ threadId });
    expect((await call(server, runPath(threadId, run.id))).status).toBe(200);
    const limited = await call(server, runPath(threadId, run.id));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
    expect(limited.headers.get("retry-after-ms")).toMatch(/^\d+$/);
    await expectConforms("getRun", limited);
  });

  it("404 for an unknown route and 405 for a wrong method carry the error schema", async () => {
    const { server, threadId } = await seeded();
    const run = server.createRun({ threadId });
    const validate = validator("#/components/schemas/ErrorResponse");
    for (const res of [
      await call(server, "/nowhere"),
      await call(server, cancelPath(threadId, run.id)),
    ]) {
      expect([404, 405]).toContain(res.status);
      expect(validate(await res.json())).toBe(true);
    }
  });

  it("413, a handler's 500 and a parser's 400 and 431 carry the error schema", async () => {
    const { server, threadId } = await seeded();
    const run = server.createRun({ threadId });
    const validate = validator("#/components/schemas/ErrorResponse");
    const tooLarge = await call(server, cancelPath(threadId, run.id), {
      method: "POST",
      body: "x".repeat(1024 * 1024 + 1),
    });
    expect(tooLarge.status).toBe(413);
    expect(validate(await tooLarge.json())).toBe(true);

    const broken = server.createRun({ threadId, overrides: { extra: 1n } });
    const failed = await call(server, runPath(threadId, broken.id));
    await expectConforms("getRun", failed);

    for (const [bytes, status] of [
      ["GARBAGE\r\n\r\n", 400],
      [`GET /v1/x HTTP/1.1\r\nX-Big: ${"a".repeat(65_536)}\r\n\r\n`, 431],
    ] as const) {
      const answer = await rawRequest(server, bytes);
      expect(answer.status).toBe(status);
      expect(answer.headers["x-request-id"]).toMatch(/^req_/);
      expect(validate(JSON.parse(answer.body))).toBe(true);
    }
  });

  it("the validator really rejects a broken run", async () => {
    const { server, threadId } = await seeded();
    const run = server.createRun({ threadId, overrides: { created_at: 1.5 } });
    const validate = validator("#/components/schemas/RunObject");
    expect(validate(await (await call(server, runPath(threadId, run.id))).json())).toBe(false);
  });
});
