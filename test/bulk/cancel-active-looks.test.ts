/**
 * How many times cancelActive looks at the thread and cancels: once for a thread with nothing
 * active; once more after cancels whose answers already say the runs stopped (a run started
 * meanwhile is caught then); and exactly 10 rounds of cancels, as its error says, when new runs
 * keep appearing.
 */
import { describe, expect, it } from "vitest";
import { CancelActiveError } from "../../src/index.js";
import { clientFor, rejection } from "../support/client.js";
import { requestsTo, serve } from "../support/reference-server.js";
import { json, startServer, wireRun } from "../support/scripted-server.js";

const WAIT = { intervalMs: 10, maxIntervalMs: 40 } as const;

describe("cancelActive: looks and rounds", () => {
  it("looks once at a thread with nothing active, and sends nothing", async () => {
    const server = await serve();
    server.createRuns(3, { threadId: "thread_quiet", status: "completed" });
    expect(await clientFor(server).runs.cancelActive("thread_quiet", WAIT)).toEqual([]);
    expect(server.requests.map((r) => r.method)).toEqual(["GET"]);
  });

  it("looks again after cancels that answered stopped, and catches a run started meanwhile", async () => {
    const THREAD = "thread_1";
    const runs = [wireRun({ id: "run_1", thread_id: THREAD, status: "in_progress" })];
    const server = await startServer((req, res) => {
      if (req.method === "POST") {
        const id = /runs\/([^/]+)\/cancel/.exec(req.path)![1]!;
        const run = runs.find((r) => r["id"] === id)!;
        run["status"] = "cancelled";
        // Someone starts another run as the first one is cancelled.
        if (id === "run_1")
          runs.unshift(wireRun({ id: "run_2", thread_id: THREAD, status: "queued" }));
        return json(res, 200, run);
      }
      json(res, 200, {
        object: "list",
        data: runs,
        first_id: runs[0]!["id"],
        last_id: runs.at(-1)!["id"],
        has_more: false,
      });
    });
    const stopped = await clientFor(server).runs.cancelActive(THREAD, WAIT);
    expect(stopped.map((r) => [r.id, r.status]).sort()).toEqual([
      ["run_1", "cancelled"],
      ["run_2", "cancelled"],
    ]);
  });

  it("cancels in exactly 10 rounds when new runs keep appearing, and says why it stopped", async () => {
    const server = await serve({ cancelDelayMs: 10 });
    const threadId = "thread_runaway";
    server.createRuns(1, { threadId, status: "queued" });
    const error = await rejection(
      clientFor(server).runs.cancelActive(threadId, {
        ...WAIT,
        onStatus: (run) => {
          if (run.status === "queued") server.createRun({ threadId, status: "queued" });
        },
      }),
    );
    expect(error).toBeInstanceOf(CancelActiveError);
    // One run found per look, one cancel per round.
    expect(requestsTo(server, "POST", "/cancel")).toHaveLength(10);
    const { failures } = error as CancelActiveError;
    expect(failures.length).toBeGreaterThanOrEqual(1);
    for (const { runId, error: cause } of failures) {
      expect((cause as Error).message).toBe(
        `run ${runId} is still active after 10 rounds of cancels on ${threadId} ` +
          "(are runs being started on it meanwhile?)",
      );
    }
  });
});
