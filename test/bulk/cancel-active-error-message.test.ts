/**
 * The message of a CancelActiveError is what a log shows when some runs of a thread did not stop:
 * how many, which (the first three, then how many more), and why, each reason cut to 120
 * characters so that five HTML error pages do not fill the screen.
 */
import { describe, expect, it } from "vitest";
import { CancelActiveError, InternalServerError } from "../../src/index.js";
import { clientFor, rejection } from "../support/client.js";
import { errorBody, json, startServer, wireRun } from "../support/scripted-server.js";

const THREAD = "thread_1";

/** A thread with `count` active runs, whose cancels all fail with a 500 saying `message`. */
async function failingThread(count: number, message: string) {
  const runs = Array.from({ length: count }, (_, i) =>
    wireRun({ id: `run_${i}`, thread_id: THREAD, status: "in_progress" }),
  );
  return startServer((req, res) => {
    if (req.method === "POST") return json(res, 500, errorBody(message));
    json(res, 200, {
      object: "list",
      data: runs,
      first_id: runs[0]!.id,
      last_id: runs.at(-1)!.id,
      has_more: false,
    });
  });
}

async function cancelActiveError(count: number, message: string): Promise<CancelActiveError> {
  const server = await failingThread(count, message);
  const error = await rejection(
    clientFor(server).runs.cancelActive(THREAD, {
      maxRetries: 0,
      concurrency: 1,
      intervalMs: 5,
      timeoutMs: 5_000,
    }),
  );
  expect(error).toBeInstanceOf(CancelActiveError);
  return error as CancelActiveError;
}

describe("the message of a CancelActiveError", () => {
  it("lists the first three runs that did not stop, then how many more", async () => {
    const error = await cancelActiveError(5, "down");
    expect(error.failures).toHaveLength(5);
    for (const failure of error.failures) expect(failure.error).toBeInstanceOf(InternalServerError);
    const reason = (runId: string) =>
      `InternalServerError: 500 down (POST /v1/threads/${THREAD}/runs/${runId}/cancel, request id req_test)`;
    expect(error.message).toBe(
      `cancelActive: 5 of 5 active runs on ${THREAD} did not stop: ` +
        `run_0 (${reason("run_0")}), run_1 (${reason("run_1")}), run_2 (${reason("run_2")}), ` +
        "and 2 more; 0 stopped",
    );
  });

  it("lists all three when there are exactly three", async () => {
    const error = await cancelActiveError(3, "down");
    expect(error.message).toMatch(/run_0 \(.*\), run_1 \(.*\), run_2 \(.*\); 0 stopped$/);
    expect(error.message).not.toContain("more");
  });

  it("cuts each reason to 120 characters of its message", async () => {
    const error = await cancelActiveError(1, "x".repeat(200));
    const full = (error.failures[0]!.error as Error).message;
    expect(full.length).toBeGreaterThan(120);
    expect(error.message).toBe(
      `cancelActive: 1 of 1 active runs on ${THREAD} did not stop: ` +
        `run_0 (InternalServerError: ${full.slice(0, 117)}...); 0 stopped`,
    );
  });

  it("keeps a reason of exactly 120 characters whole", async () => {
    const around = `500  (POST /v1/threads/${THREAD}/runs/run_0/cancel, request id req_test)`;
    const error = await cancelActiveError(1, "x".repeat(120 - around.length));
    const full = (error.failures[0]!.error as Error).message;
    expect(full).toHaveLength(120);
    expect(error.message).toContain(`run_0 (InternalServerError: ${full}); 0 stopped`);
  });
});
