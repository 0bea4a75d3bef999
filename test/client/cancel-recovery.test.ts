import { describe, expect, it } from "vitest";
import { BadRequestError, NotFoundError, responseInfo } from "../../src/index.js";
import { startRunsServer } from "../../src/testing/index.js";
import type { RunsServer, RunsServerOptions } from "../../src/testing/index.js";
import { clientFor, rejection } from "../support/client.js";
import {
  errorBody,
  json,
  okRun,
  resetMidBody,
  startServer,
  status,
} from "../support/scripted-server.js";
import { wireRun } from "../support/wire.js";
import { afterEach } from "vitest";

const servers: RunsServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function reference(options: RunsServerOptions = {}): Promise<RunsServer> {
  const server = await startRunsServer({ apiKey: null, ...options });
  servers.push(server);
  return server;
}

describe("a retried cancel answered by 'already cancelling'", () => {
  it("reference server: the first cancel lands but its answer is lost (503); the retry's refusal resolves with the run", async () => {
    const server = await reference({ cancelDelayMs: 10_000 });
    const run = server.createRun({ status: "in_progress" });
    server.inject({ kind: "handle-then-status", status: 503, match: { operation: "cancelRun" } });
    const client = clientFor(server, { apiKey: null });

    const result = await client.runs.cancel(run.thread_id, run.id);

    expect(result.id).toBe(run.id);
    expect(result.status).toBe("cancelling");
    const calls = server.requests.map((r) => `${r.method} ${r.path.replace(/\?.*/, "")}`);
    expect(calls).toEqual([
      `POST /v1/threads/${run.thread_id}/runs/${run.id}/cancel`,
      `POST /v1/threads/${run.thread_id}/runs/${run.id}/cancel`,
      `GET /v1/threads/${run.thread_id}/runs/${run.id}`,
    ]);
    // The run that came back is the one the GET returned, with its request info.
    expect(responseInfo(result)?.status).toBe(200);
  });

  it("reference server: the run ended before the retry; resolves with the ended run", async () => {
    const server = await reference({ cancelDelayMs: 0 });
    const run = server.createRun({ status: "in_progress" });
    server.inject({ kind: "handle-then-status", status: 502, match: { operation: "cancelRun" } });
    const client = clientFor(server, { apiKey: null, retryBaseDelayMs: 50 });

    const result = await client.runs.cancel(run.thread_id, run.id);
    expect(result.status).toBe("cancelled");
    expect(result.cancelledAt).toBeInstanceOf(Date);
  });

  it("reference server: a reset mid-body on the cancel (it landed) then the refusal resolves", async () => {
    const server = await reference({ cancelDelayMs: 10_000 });
    const run = server.createRun({ status: "queued" });
    server.inject({ kind: "reset", afterHeaders: true, match: { operation: "cancelRun" } });
    const result = await clientFor(server, { apiKey: null }).runs.cancel(run.thread_id, run.id);
    expect(result.status).toBe("cancelling");
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "POST", "GET"]);
  });

  it("own server: 503 then 400 'Cannot cancel run with status 'cancelling'' resolves via GET", async () => {
    const server = await startServer((req, res, attempt) => {
      if (req.method === "GET") return okRun({ status: "cancelling" })(req, res, attempt);
      if (attempt === 1) return status(503)(req, res, attempt);
      return json(res, 400, errorBody("Cannot cancel run with status 'cancelling'."));
    });
    const result = await clientFor(server).runs.cancel("thread_x", "run_x");
    expect(result).toMatchObject({ id: "run_x", threadId: "thread_x", status: "cancelling" });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /threads/thread_x/runs/run_x/cancel",
      "POST /threads/thread_x/runs/run_x/cancel",
      "GET /threads/thread_x/runs/run_x",
    ]);
  });

  it("own server: a reset mid-body then 'Cannot cancel … 'completed'' resolves with the run as it is", async () => {
    const server = await startServer((req, res, attempt) => {
      if (req.method === "GET") return okRun({ status: "completed" })(req, res, attempt);
      if (attempt === 1) return resetMidBody(req, res, attempt);
      return json(res, 400, errorBody("Cannot cancel run with status 'completed'."));
    });
    const result = await clientFor(server).runs.cancel("t", "r");
    expect(result.status).toBe("completed");
  });
});

describe("a cancel whose first attempt timed out", () => {
  it("without a caller signal: the retry's 'cancelling' refusal resolves via GET", async () => {
    const server = await startServer((req, res, attempt) => {
      if (req.method === "GET") return okRun({ status: "cancelled" })(req, res, attempt);
      if (attempt === 1) return; // the cancel lands, the answer never comes
      return json(res, 400, errorBody("Cannot cancel run with status 'cancelling'"));
    });
    const result = await clientFor(server, { timeoutMs: 150 }).runs.cancel("t", "r");
    expect(result.status).toBe("cancelled");
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "POST", "GET"]);
  });

  it("with a caller signal: the same", async () => {
    const server = await startServer((req, res, attempt) => {
      if (req.method === "GET") return okRun({ status: "cancelling" })(req, res, attempt);
      if (attempt === 1) return;
      return json(res, 400, errorBody("Cannot cancel run with status 'cancelling'"));
    });
    const result = await clientFor(server, { timeoutMs: 150 }).runs.cancel("t", "r", {
      signal: new AbortController().signal,
    });
    expect(result.status).toBe("cancelling");
  });
});

describe("cancel refusals that are not recovered", () => {
  it("the first attempt refused for an ended run throws BadRequestError (not swallowed)", async () => {
    const server = await reference();
    const run = server.createRun({ status: "completed" });
    const error = await rejection(
      clientFor(server, { apiKey: null }).runs.cancel(run.thread_id, run.id),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).message).toContain(
      "Cannot cancel run with status 'completed'",
    );
    expect((error as BadRequestError).attempts).toBe(1);
    expect(server.requests.map((r) => r.method)).toEqual(["POST"]);
  });

  it("a retried cancel refused for another reason is thrown", async () => {
    const server = await startServer((req, res, attempt) => {
      if (attempt === 1) return status(503)(req, res, attempt);
      return json(res, 400, errorBody("Invalid run id."));
    });
    const error = await rejection(clientFor(server).runs.cancel("t", "r"));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "POST"]);
  });

  it("a 404 for an unknown run is a NotFoundError", async () => {
    const server = await reference();
    const error = await rejection(
      clientFor(server, { apiKey: null }).runs.cancel("thread_nope", "run_nope"),
    );
    expect(error).toBeInstanceOf(NotFoundError);
  });

  it("a cancel that is answered at once returns the server's run, no GET", async () => {
    const server = await startServer((req, res) =>
      json(res, 200, wireRun({ id: "r", status: "cancelling" })),
    );
    const result = await clientFor(server).runs.cancel("t", "r");
    expect(result.status).toBe("cancelling");
    expect(server.requests).toHaveLength(1);
  });
});
