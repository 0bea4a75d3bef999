/**
 * A run seen in `requires_action` after a cancel has not stopped: the cancel may still land (it
 * moves to `cancelling`, then `cancelled`). `cancelAndWait` promises a stopped run, so it keeps
 * polling past it; only `wait`, which cannot change that status, stops there.
 */
import { describe, expect, it } from "vitest";
import type { RunStatus } from "../../src/index.js";
import { clientFor } from "../support/client.js";
import { idsFrom, json, startServer, wireRun, type Handler } from "../support/scripted-server.js";

/** The cancel answers `cancelling`; the polls then see `statuses` in turn, the last one repeated. */
function afterCancel(...statuses: RunStatus[]): Handler {
  let polls = 0;
  return (req, res) => {
    const ids = idsFrom(req.path);
    if (req.method === "POST") return json(res, 200, wireRun({ ...ids, status: "cancelling" }));
    const status = statuses[Math.min(polls++, statuses.length - 1)];
    json(res, 200, wireRun({ ...ids, status }));
  };
}

describe("requires_action seen after a cancel", () => {
  it("cancelAndWait polls past it and resolves only once the run is cancelled", async () => {
    const server = await startServer(afterCancel("requires_action", "cancelled"));
    const seen: RunStatus[] = [];
    const run = await clientFor(server).runs.cancelAndWait("thread_1", "run_1", {
      intervalMs: 5,
      onStatus: (r) => void seen.push(r.status),
    });
    expect(run.status).toBe("cancelled");
    expect(seen).toEqual(["cancelling", "requires_action", "cancelled"]);
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "GET", "GET"]);
  });

  it("wait, by contrast, resolves at requires_action", async () => {
    const server = await startServer(afterCancel("requires_action", "cancelled"));
    const run = await clientFor(server).runs.wait("thread_1", "run_1", { intervalMs: 5 });
    expect(run.status).toBe("requires_action");
    expect(server.requests).toHaveLength(1);
  });
});
