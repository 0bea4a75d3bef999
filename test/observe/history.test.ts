/**
 * Every attempt kept: `responseInfo(result).history` and `ApiError.history`, one entry per
 * attempt with its status (or the error's name), request id, duration and the wait before it.
 */
import { describe, expect, it } from "vitest";
import { ApiError, responseInfo } from "../../src/index.js";
import { clientFor, rejection } from "../support/client.js";
import {
  json,
  okRun,
  resetBeforeHeaders,
  sequence,
  startServer,
  status,
  wireRun,
} from "../support/scripted-server.js";

describe("history", () => {
  it("responseInfo(run).history has one entry per attempt, oldest first", async () => {
    const server = await startServer(
      sequence(
        resetBeforeHeaders,
        (_req, res) =>
          json(
            res,
            503,
            { error: { message: "busy" } },
            {
              "retry-after-ms": "4",
              "x-request-id": "req_2",
            },
          ),
        (req, res) => json(res, 200, wireRun({ id: "r" }), { "x-request-id": "req_3" }),
      ),
    );
    const run = await clientFor(server, { retryBaseDelayMs: 2, retryMaxDelayMs: 2 }).runs.cancel(
      "t",
      "r",
    );
    const history = responseInfo(run)?.history;
    expect(history).toHaveLength(3);
    expect(history?.map(({ durationMs: _d, ...rest }) => rest)).toEqual([
      { attempt: 1, errorName: "ConnectionError", requestId: null, waitedMs: 0 },
      { attempt: 2, status: 503, requestId: "req_2", waitedMs: expect.any(Number) },
      { attempt: 3, status: 200, requestId: "req_3", waitedMs: 4 },
    ]);
    expect(history?.[1]?.waitedMs).toBeGreaterThan(0);
    for (const entry of history ?? []) expect(entry.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("a call that worked at once has one entry", async () => {
    const server = await startServer(okRun());
    const run = await clientFor(server).runs.get("t", "r");
    expect(responseInfo(run)?.history).toEqual([
      {
        attempt: 1,
        status: 200,
        requestId: "req_test",
        durationMs: expect.any(Number),
        waitedMs: 0,
      },
    ]);
  });

  it("ApiError.history has every attempt up to the final error answer", async () => {
    const server = await startServer(sequence(status(503), status(502), status(404, "No run")));
    const error = await rejection(clientFor(server).runs.get("t", "r"));
    expect(error).toBeInstanceOf(ApiError);
    const { history, attempts } = error as ApiError;
    expect(attempts).toBe(3);
    expect(history.map((e) => [e.attempt, e.status])).toEqual([
      [1, 503],
      [2, 502],
      [3, 404],
    ]);
    expect((error as ApiError).toJSON()["history"]).toEqual(history);
  });

  it("each page of a list has its own history", async () => {
    const server = await startServer(
      sequence(status(500), (_req, res) =>
        json(res, 200, {
          object: "list",
          data: [wireRun({ id: "r" })],
          has_more: false,
          first_id: "r",
          last_id: "r",
        }),
      ),
    );
    const pages = [];
    for await (const page of clientFor(server).runs.list("t").pages()) pages.push(page);
    expect(responseInfo(pages[0]!)?.history.map((e) => e.status)).toEqual([500, 200]);
  });
});
