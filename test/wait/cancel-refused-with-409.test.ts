/**
 * Some compatible servers refuse to cancel a run that has stopped with 409 rather than OpenAI's
 * 400, with the same `Cannot cancel run with status '…'` message. For a caller who wants the run
 * stopped, that refusal is success; the same message with another status (422), or a 409 that
 * says something else, is not a refusal and must reach the caller.
 */
import { describe, expect, it } from "vitest";
import { ConflictError, UnprocessableEntityError } from "../../src/index.js";
import { clientFor, rejection } from "../support/client.js";
import {
  errorBody,
  idsFrom,
  json,
  startServer,
  wireRun,
  type Handler,
} from "../support/scripted-server.js";

/** The cancel is answered `status` with `message`; a GET shows the run `cancelled`. */
function refusing(status: number, message: string): Handler {
  return (req, res) =>
    req.method === "POST"
      ? json(res, status, errorBody(message))
      : json(res, 200, wireRun({ ...idsFrom(req.path), status: "cancelled" }));
}

const ONE_ATTEMPT = { intervalMs: 5, request: { maxRetries: 0 } } as const;

describe("a cancel refused with 409", () => {
  it("cancelAndWait: 409 'Cannot cancel run with status 'cancelled'' resolves with the run", async () => {
    const server = await startServer(refusing(409, "Cannot cancel run with status 'cancelled'."));
    const run = await clientFor(server).runs.cancelAndWait("thread_1", "run_1", ONE_ATTEMPT);
    expect(run.status).toBe("cancelled");
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "GET"]);
  });

  it("cancelAndWait: a 409 refusal naming a status it does not know is thrown", async () => {
    const server = await startServer(
      refusing(409, "Cannot cancel run with status 'paused_for_review'."),
    );
    const error = await rejection(
      clientFor(server).runs.cancelAndWait("thread_1", "run_1", ONE_ATTEMPT),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(server.requests).toHaveLength(1);
  });

  it("cancelAndWait: a 409 that is not a refusal is thrown", async () => {
    const server = await startServer(refusing(409, "Another request is modifying this run."));
    const error = await rejection(
      clientFor(server).runs.cancelAndWait("thread_1", "run_1", ONE_ATTEMPT),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(server.requests).toHaveLength(1);
  });

  it("cancelAndWait: the refusal's message with a 422 is not a refusal: thrown", async () => {
    const server = await startServer(refusing(422, "Cannot cancel run with status 'cancelled'."));
    const error = await rejection(
      clientFor(server).runs.cancelAndWait("thread_1", "run_1", ONE_ATTEMPT),
    );
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(server.requests).toHaveLength(1);
  });

  it("cancel: a retry refused with 409 because the first attempt landed resolves via GET", async () => {
    // The first attempt's answer is lost (503); the retry finds the run stopping.
    let cancels = 0;
    const server = await startServer((req, res) => {
      if (req.method === "GET") return json(res, 200, wireRun({ ...idsFrom(req.path) }));
      if (++cancels === 1) return json(res, 503, errorBody("upstream"));
      json(res, 409, errorBody("Cannot cancel run with status 'cancelling'."));
    });
    const run = await clientFor(server, { maxRetries: 5 }).runs.cancel("thread_1", "run_1");
    expect(run.status).toBe("cancelling");
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "POST", "GET"]);
  });

  it("a 409 refusal is a definite answer: the cancel is not sent again, whatever retries are left", async () => {
    // A first attempt refused is the caller's to hear (the run had ended before): thrown, once.
    const server = await startServer(refusing(409, "Cannot cancel run with status 'completed'."));
    const error = await rejection(
      clientFor(server, { maxRetries: 5 }).runs.cancel("thread_1", "run_1"),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(server.requests.map((r) => r.method)).toEqual(["POST"]);
  });

  it("cancelMany: one cancel per already-stopped run on a server that refuses with 409", async () => {
    const server = await startServer(refusing(409, "Cannot cancel run with status 'expired'."));
    const items = ["run_1", "run_2", "run_3"].map((runId) => ({ threadId: "thread_1", runId }));
    const results = [];
    for await (const result of clientFor(server).runs.cancelMany(items)) results.push(result);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(3);
  });

  it("a 409 that says something else is still retried, as a conflict that may clear", async () => {
    const server = await startServer(refusing(409, "Another request is modifying this run."));
    const error = await rejection(
      clientFor(server, { maxRetries: 2 }).runs.cancel("thread_1", "run_1"),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "POST", "POST"]);
  });

  it("the refusal's message on a 503 is no refusal: the 503 is retried as any other", async () => {
    // A proxy's error page may quote the upstream answer; only the status says what happened.
    let cancels = 0;
    const server = await startServer((req, res) =>
      ++cancels === 1
        ? json(res, 503, errorBody("Cannot cancel run with status 'cancelled'."))
        : json(res, 200, wireRun({ ...idsFrom(req.path), status: "cancelling" })),
    );
    const run = await clientFor(server, { maxRetries: 2 }).runs.cancel("thread_1", "run_1");
    expect(run.status).toBe("cancelling");
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "POST"]);
  });
});
