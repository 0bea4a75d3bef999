/**
 * A cancel answer that names another run than the one cancelled (a misbehaving proxy or server)
 * does not break cancelActive: the answer is not taken for any run, and the run is judged by what
 * the next look at the thread shows.
 */
import { describe, expect, it } from "vitest";
import { clientFor } from "../support/client.js";
import { json, startServer, wireRun } from "../support/scripted-server.js";

const THREAD = "thread_1";

describe("cancelActive: a cancel answer for another run", () => {
  it("is ignored; the next look decides", async () => {
    let status = "in_progress";
    const server = await startServer((req, res) => {
      if (req.method === "POST") {
        status = "cancelled";
        return json(
          res,
          200,
          wireRun({ id: "run_other", thread_id: THREAD, status: "cancelling" }),
        );
      }
      json(res, 200, {
        object: "list",
        data: [wireRun({ id: "run_1", thread_id: THREAD, status })],
        first_id: "run_1",
        last_id: "run_1",
        has_more: false,
      });
    });
    const stopped = await clientFor(server).runs.cancelActive(THREAD, { intervalMs: 10 });
    expect(stopped.map((r) => [r.id, r.status])).toEqual([["run_1", "cancelled"]]);
  });
});
