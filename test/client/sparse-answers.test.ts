/**
 * Sparse answers (issue 9): self-hosted, OpenAI-compatible servers leave fields out or send `null`
 * for lists. A run whose identity (`id`, `thread_id`, `status`, `created_at`) is there and well
 * typed is read, every other absent field as the spec's empty value; a present field of the wrong
 * type, or a missing identity field, is still an InvalidResponseError naming the field.
 */
import { describe, expect, it } from "vitest";
import { camelCase } from "../../scripts/lib/json.js";
import { InvalidResponseError, runToWire } from "../../src/index.js";
import { clientFor, rejection } from "../support/client.js";
import { type Handler, idsFrom, json, startServer } from "../support/scripted-server.js";
import { CREATED_AT, wireRun } from "../support/wire.js";
import { loadSpec, wireValidator } from "../generator/support.js";

type Json = Record<string, unknown>;

const validRun = wireValidator("RunObject");

/** Answers 200 with `body(ids)`, the ids taken from the request path. */
const answer =
  (body: (ids: { thread_id?: string; id?: string }) => unknown): Handler =>
  (req, res) =>
    json(res, 200, body(idsFrom(req.path)));

const without = (run: Record<string, unknown>, ...keys: string[]): Record<string, unknown> => {
  const copy = { ...run };
  for (const key of keys) delete copy[key];
  return copy;
};

const identity = (ids: { thread_id?: string; id?: string }) => ({
  id: ids.id ?? "run_abc123",
  thread_id: ids.thread_id ?? "thread_abc123",
  status: "cancelling",
  created_at: CREATED_AT,
});

async function cancelAnswered(body: (ids: { thread_id?: string; id?: string }) => unknown) {
  const server = await startServer(answer(body));
  return clientFor(server).runs.cancel("thread_abc123", "run_abc123");
}

async function cancelRefused(body: Record<string, unknown>): Promise<InvalidResponseError> {
  const server = await startServer(answer(() => body));
  const error = await rejection(clientFor(server).runs.cancel("thread_abc123", "run_abc123"));
  expect(error).toBeInstanceOf(InvalidResponseError);
  // The server answered: a shape problem is not retried.
  expect(server.requests).toHaveLength(1);
  return error as InvalidResponseError;
}

/**
 * What each optional run field reads as when absent, from the spec (its default, else null when
 * nullable, else [] for a list): adding a field to the spec needs no change here.
 */
function emptyRun(): Record<string, unknown> {
  const runObject = (loadSpec()["components"] as { schemas: Record<string, Json> }).schemas[
    "RunObject"
  ] as { properties: Record<string, Json>; required: string[] };
  const empty: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(runObject.properties)) {
    if (runObject.required.includes(key)) continue;
    empty[camelCase(key)] = Object.hasOwn(prop, "default")
      ? prop["default"]
      : prop["type"] === "array"
        ? []
        : null;
  }
  return empty;
}

describe("a cancel answered with a sparse run still succeeds", () => {
  it("(a) no parallel_tool_calls: read as the spec's default, true", async () => {
    const run = await cancelAnswered((ids) => without(wireRun(ids), "parallel_tool_calls"));
    expect(run.status).toBe("cancelling");
    expect(run.parallelToolCalls).toBe(true);
    expect(validRun(runToWire(run))).toEqual([]);
  });

  it("(b) tools: null: read as an empty list", async () => {
    const run = await cancelAnswered((ids) => wireRun({ ...ids, tools: null }));
    expect(run.tools).toEqual([]);
    expect(runToWire(run).tools).toEqual([]);
    expect(validRun(runToWire(run))).toEqual([]);
  });

  it("(c) only the identity fields: every other field reads as its empty value", async () => {
    const run = await cancelAnswered(identity);
    expect(run).toEqual({
      id: "run_abc123",
      threadId: "thread_abc123",
      status: "cancelling",
      createdAt: new Date(CREATED_AT * 1000),
      ...emptyRun(),
    });
    // The readings the issue names, spelled out.
    expect(run).toMatchObject({
      object: "thread.run",
      parallelToolCalls: true,
      tools: [],
      assistantId: null,
      usage: null,
    });
    const wire = runToWire(run);
    expect(validRun(wire)).toEqual([]);
    expect(wire).toMatchObject({ ...identity({}), object: "thread.run", tools: [] });
  });

  it("reads null like an absent field, also for fields that have a default", async () => {
    const run = await cancelAnswered((ids) => ({
      ...identity(ids),
      object: null,
      parallel_tool_calls: null,
      tools: null,
      model: null,
    }));
    expect(run).toMatchObject({ object: "thread.run", parallelToolCalls: true, tools: [] });
    expect(run.model).toBeNull();
  });

  it("reads nested objects by the same rule, within their own identity", async () => {
    const run = await cancelAnswered((ids) => ({
      ...identity(ids),
      truncation_strategy: { type: "auto" },
      tools: [{ type: "file_search" }, { type: "function", function: { name: "lookup" } }],
      tool_resources: { code_interpreter: {} },
      required_action: { type: "submit_tool_outputs" },
      incomplete_details: {},
    }));
    expect(run.truncationStrategy).toEqual({ type: "auto", lastMessages: null });
    expect(run.tools).toEqual([
      { type: "file_search", fileSearch: null },
      {
        type: "function",
        function: { name: "lookup", description: null, parameters: null, strict: null },
      },
    ]);
    expect(run.toolResources).toEqual({ codeInterpreter: { fileIds: [] }, fileSearch: null });
    expect(run.requiredAction).toEqual({ type: "submit_tool_outputs", submitToolOutputs: null });
    expect(run.incompleteDetails).toEqual({ reason: null });
    expect(validRun(runToWire(run))).toEqual([]);
  });

  it("keeps unknown fields of a sparse run", async () => {
    const run = await cancelAnswered((ids) => ({ ...identity(ids), vendor_extra: { a_b: 1 } }));
    expect((run as unknown as Record<string, unknown>)["vendor_extra"]).toEqual({ a_b: 1 });
    expect((runToWire(run) as unknown as Record<string, unknown>)["vendor_extra"]).toEqual({
      a_b: 1,
    });
  });
});

describe("what still makes an answer invalid", () => {
  it.each([
    ["parallel_tool_calls", "yes", 'parallel_tool_calls: expected a boolean, got "yes"'],
    ["tools", "none", 'tools: expected an array, got "none"'],
    ["model", 4, "model: expected a string or null, got 4"],
    ["object", 1, "object: expected a string, got 1"],
    ["metadata", [], "metadata: expected an object"],
  ])("(d) %s of the wrong type: %j", async (field, value, message) => {
    const error = await cancelRefused({ ...identity({}), [field]: value });
    expect(error.field).toBe(field);
    expect(error.message).toContain(message);
    expect(error.message).toContain("POST /v1/threads/thread_abc123/runs/run_abc123/cancel");
  });

  it.each([
    [{ usage: { prompt_tokens: "many" } }, "usage.prompt_tokens", "expected a number"],
    [{ usage: { prompt_tokens: 1, completion_tokens: 1 } }, "usage.total_tokens", "missing"],
    [{ tools: [{ type: "function" }] }, "tools[0].function", "missing"],
    [{ tools: [{ type: "file_search", file_search: 3 }] }, "tools[0].file_search", "object"],
    [{ truncation_strategy: { last_messages: 2 } }, "truncation_strategy.type", "missing"],
  ])("(d) a nested field: %j names %s", async (fields, path, detail) => {
    const error = await cancelRefused({ ...identity({}), ...fields });
    expect(error.field).toBe(path);
    expect(error.message).toContain(`${path}: expected`);
    expect(error.message).toContain(detail);
  });

  it.each(["id", "thread_id", "status", "created_at"])(
    "(e) a missing identity field, %s, is named",
    async (field) => {
      const error = await cancelRefused(without(identity({}), field));
      expect(error.field).toBe(field);
      expect(error.message).toContain(`${field}: expected`);
      expect(error.message).toContain("nothing (field missing)");
    },
  );

  it.each(["id", "thread_id", "status", "created_at"])(
    "(e) a null identity field, %s, is named",
    async (field) => {
      const error = await cancelRefused({ ...identity({}), [field]: null });
      expect(error.field).toBe(field);
      expect(error.message).toContain(`${field}: expected`);
    },
  );
});

describe("list pages with sparse runs", () => {
  it("reads every sparse run of a page", async () => {
    const server = await startServer(
      answer(() => ({
        object: "list",
        data: [
          { ...identity({}), id: "run_2", tools: null },
          without(wireRun({ id: "run_1" }), "parallel_tool_calls", "model", "assistant_id"),
        ],
        first_id: "run_2",
        last_id: "run_1",
        has_more: false,
      })),
    );
    const runs = await clientFor(server).runs.list("thread_abc123").all();
    expect(runs.map((r) => r.id)).toEqual(["run_2", "run_1"]);
    expect(runs[0]).toMatchObject({ tools: [], parallelToolCalls: true, model: null });
    expect(runs[1]).toMatchObject({ parallelToolCalls: true, model: null, assistantId: null });
    expect(runs[1]?.createdAt).toEqual(new Date(CREATED_AT * 1000));
    for (const run of runs) expect(validRun(runToWire(run))).toEqual([]);
  });

  it("names the run of a page that lacks its identity", async () => {
    const server = await startServer(
      answer(() => ({
        object: "list",
        data: [identity({}), without(identity({}), "status")],
        has_more: false,
      })),
    );
    const error = await rejection(clientFor(server).runs.list("thread_abc123").all());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).field).toBe("data[1].status");
  });
});
