/**
 * A wait's `request` options and its signal go with every request it sends: each poll GET and
 * the cancel POST of `cancelAndWait`. A header set for the wait (a tenant, a trace id) that only
 * the first request carried, or an abort that waited for a stalled poll to end, would be a wait
 * that does not do what its options say.
 */
import { describe, expect, it } from "vitest";
import { InternalServerError } from "../../src/index.js";
import { clientFor, rejection } from "../support/client.js";
import {
  idsFrom,
  json,
  okRun,
  sequence,
  stallHeaders,
  startServer,
  status,
  wireRun,
  type Handler,
} from "../support/scripted-server.js";
import { until } from "../support/time.js";

/** Answers the run `in_progress` for the first `polls` GETs, then `cancelled`. */
const stopsAfter =
  (polls: number): Handler =>
  (req, res) => {
    const ids = idsFrom(req.path);
    if (req.method === "POST") return json(res, 200, wireRun({ ...ids, status: "cancelling" }));
    json(res, 200, wireRun({ ...ids, status: polls-- > 0 ? "in_progress" : "cancelled" }));
  };

const FAST = { intervalMs: 5, maxIntervalMs: 5 } as const;

describe("the request options of a wait", () => {
  it("wait: every poll carries the request headers", async () => {
    const server = await startServer(stopsAfter(2));
    const run = await clientFor(server).runs.wait("thread_1", "run_1", {
      ...FAST,
      request: { headers: { "x-tenant": "blue" } },
    });
    expect(run.status).toBe("cancelled");
    expect(server.requests).toHaveLength(3);
    expect(server.requests.map((r) => r.headers["x-tenant"])).toEqual(["blue", "blue", "blue"]);
  });

  it("cancelAndWait: the cancel and every poll carry the request headers", async () => {
    const server = await startServer(stopsAfter(1));
    const run = await clientFor(server).runs.cancelAndWait("thread_1", "run_1", {
      ...FAST,
      request: { headers: { "x-tenant": "blue" } },
    });
    expect(run.status).toBe("cancelled");
    expect(server.requests.map((r) => `${r.method} ${String(r.headers["x-tenant"])}`)).toEqual([
      "POST blue",
      "GET blue",
      "GET blue",
    ]);
  });

  it("wait: request.maxRetries 0 holds for a poll (a 503 is not retried)", async () => {
    const server = await startServer(sequence(okRun({ status: "in_progress" }), status(503)));
    const error = await rejection(
      clientFor(server).runs.wait("thread_1", "run_1", { ...FAST, request: { maxRetries: 0 } }),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(2);
  });

  it("cancelAndWait: request.maxRetries 0 holds for the cancel (a 503 is not retried)", async () => {
    const server = await startServer(status(503));
    const error = await rejection(
      clientFor(server).runs.cancelAndWait("thread_1", "run_1", {
        ...FAST,
        request: { maxRetries: 0 },
      }),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("an abort while a request of the wait is in flight", () => {
  it("wait: aborting during a stalled poll rejects with the reason and drops the connection", async () => {
    const server = await startServer(sequence(okRun({ status: "in_progress" }), stallHeaders));
    const controller = new AbortController();
    const waiting = rejection(
      clientFor(server).runs.wait("thread_1", "run_1", { ...FAST, signal: controller.signal }),
    );
    await until(() => server.requests.length === 2);
    const reason = new Error("user went away");
    controller.abort(reason);
    expect(await waiting).toBe(reason);
    // The stalled poll's connection is let go, not left open until its time limit.
    await until(() => server.closedAt.length === 2);
  });

  it("cancelAndWait: aborting during a stalled cancel rejects with the reason and drops it", async () => {
    const server = await startServer(stallHeaders);
    const controller = new AbortController();
    const waiting = rejection(
      clientFor(server).runs.cancelAndWait("thread_1", "run_1", {
        ...FAST,
        signal: controller.signal,
      }),
    );
    await until(() => server.requests.length === 1);
    const reason = new Error("user went away");
    controller.abort(reason);
    expect(await waiting).toBe(reason);
    await until(() => server.closedAt.length === 1);
    expect(server.requests).toHaveLength(1);
  });
});
