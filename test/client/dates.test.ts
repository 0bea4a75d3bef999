import { describe, expect, it } from "vitest";
import {
  InvalidResponseError,
  RUN_STATUSES,
  TERMINAL_RUN_STATUSES,
  isTerminalStatus,
  runFromWire,
  runToWire,
} from "../../src/index.js";
import type { ThreadRun } from "../../src/index.js";
import { clientFor, rejection } from "../support/client.js";
import { json, startServer } from "../support/scripted-server.js";
import { CREATED_AT, wireRun } from "../support/wire.js";

async function fetchRun(wire: Record<string, unknown>): Promise<ThreadRun> {
  const server = await startServer((_req, res) => json(res, 200, wire));
  return clientFor(server).runs.get("thread_abc123", "run_abc123");
}

describe("timestamps", () => {
  it("integer seconds become the right Date, to the second", async () => {
    const run = await fetchRun(wireRun({ cancelled_at: CREATED_AT + 60 }));
    expect(run.createdAt).toBeInstanceOf(Date);
    expect(run.createdAt.toISOString()).toBe("2023-11-04T05:35:26.000Z");
    expect(run.expiresAt?.toISOString()).toBe("2023-11-04T05:45:26.000Z");
    expect(run.startedAt?.toISOString()).toBe("2023-11-04T05:35:27.000Z");
    expect(run.cancelledAt?.toISOString()).toBe("2023-11-04T05:36:26.000Z");
  });

  it("null and missing nullable timestamps become null", async () => {
    const wire = wireRun({ expires_at: null, failed_at: null });
    delete wire["completed_at"];
    delete wire["cancelled_at"];
    delete wire["started_at"];
    const run = await fetchRun(wire);
    expect(run.expiresAt).toBeNull();
    expect(run.failedAt).toBeNull();
    expect(run.completedAt).toBeNull();
    expect(run.cancelledAt).toBeNull();
    expect(run.startedAt).toBeNull();
  });

  it.each([
    ["a string", "abc", '"abc"'],
    ["a numeric string", "1699076126", '"1699076126"'],
    ["a boolean", true, "true"],
    ["an object", {}, "an object"],
    ["out of the Date range", 1e20, "100000000000000000000"],
  ])(
    "a timestamp that is %s is an InvalidResponseError, never an Invalid Date",
    async (_n, value, shown) => {
      const server = await startServer((_req, res) =>
        json(res, 200, wireRun({ completed_at: value })),
      );
      const error = (await rejection(clientFor(server).runs.get("t", "r"))) as InvalidResponseError;
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error.field).toBe("completed_at");
      expect(error.message).toContain(`completed_at: expected integer seconds, got ${shown}`);
    },
  );

  it("a missing created_at (not nullable) is an InvalidResponseError", async () => {
    const wire = wireRun();
    delete wire["created_at"];
    const error = (await rejection(fetchRun(wire))) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.field).toBe("created_at");
  });

  it("runFromWire refuses an out-of-range date the same way", () => {
    expect(() => runFromWire(wireRun({ created_at: -1e20 }))).toThrow(InvalidResponseError);
    expect(() => runFromWire(wireRun({ created_at: -1e20 }))).toThrow(/created_at/);
  });
});

describe("user data and forward compatibility", () => {
  it("metadata keys and function parameter schemas are never renamed", async () => {
    const parameters = {
      type: "object",
      properties: { user_id: { type: "string" }, max_results: { type: "integer" } },
      required: ["user_id"],
      additionalProperties: false,
    };
    const run = await fetchRun(
      wireRun({
        metadata: { user_id: "u_1", snake_case_key: "v", camelKey: "w" },
        tools: [{ type: "function", function: { name: "lookup_user", parameters } }],
      }),
    );
    expect(run.metadata).toEqual({ user_id: "u_1", snake_case_key: "v", camelKey: "w" });
    const tool = run.tools[0];
    expect(tool?.type).toBe("function");
    expect(tool && "function" in tool ? tool.function.parameters : undefined).toEqual(parameters);
  });

  it("a new unknown field survives, under its wire name, and round-trips", async () => {
    const run = await fetchRun(wireRun({ reasoning_effort: "high", brand_new: { nested_key: 1 } }));
    const loose = run as unknown as Record<string, unknown>;
    expect(loose["reasoning_effort"]).toBe("high");
    expect(loose["brand_new"]).toEqual({ nested_key: 1 });
    const wire = runToWire(run) as unknown as Record<string, unknown>;
    expect(wire["reasoning_effort"]).toBe("high");
    expect(wire["created_at"]).toBe(CREATED_AT);
  });

  it("an unknown status survives and is not terminal", async () => {
    const run = await fetchRun(wireRun({ status: "paused_for_review" }));
    expect(run.status).toBe("paused_for_review");
    expect(isTerminalStatus(run.status)).toBe(false);
  });

  it("isTerminalStatus knows the terminal statuses, and cancelling is not one", () => {
    for (const status of ["cancelled", "failed", "completed", "incomplete", "expired"] as const) {
      expect(isTerminalStatus(status), status).toBe(true);
    }
    for (const status of ["queued", "in_progress", "requires_action", "cancelling"] as const) {
      expect(isTerminalStatus(status), status).toBe(false);
    }
    expect([...TERMINAL_RUN_STATUSES].sort()).toEqual([
      "cancelled",
      "completed",
      "expired",
      "failed",
      "incomplete",
    ]);
    expect(RUN_STATUSES).toHaveLength(9);
  });

  it("runFromWire and runToWire are inverses for a full run", () => {
    const wire = wireRun({
      status: "completed",
      completed_at: CREATED_AT + 5,
      usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
      metadata: { user_id: "u" },
    });
    const run = runFromWire(wire);
    expect(run.completedAt?.toISOString()).toBe("2023-11-04T05:35:31.000Z");
    // Every field sent comes back as sent (a field the spec adds later comes back as null).
    expect(runToWire(run)).toMatchObject(wire);
    expect(runFromWire(runToWire(run))).toEqual(run);
  });

  it("camelCase names on the run, and JSON.stringify(run) shows only run data", async () => {
    const run = await fetchRun(wireRun());
    expect(run).toMatchObject({
      id: "run_abc123",
      threadId: "thread_abc123",
      assistantId: "asst_abc123",
      parallelToolCalls: true,
    });
    const json = JSON.parse(JSON.stringify(run)) as Record<string, unknown>;
    expect(json["createdAt"]).toBe("2023-11-04T05:35:26.000Z");
    expect(Object.keys(json)).not.toContain("requestId");
  });
});
