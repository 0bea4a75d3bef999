/**
 * The server's `openai-poll-after-ms` on a list answer sets when cancelActive looks at the thread
 * again, over its own `intervalMs`: a server that says "look again in 5 ms" is not kept waiting a
 * minute for an interval meant for servers that say nothing.
 */
import { describe, expect, it } from "vitest";
import { clientFor } from "../support/client.js";
import { json, startServer, wireRun } from "../support/scripted-server.js";

const THREAD = "thread_1";

describe("cancelActive: the server's pause between looks", () => {
  it(
    "looks again when the list answer says, not after its own long interval",
    { timeout: 15_000 },
    async () => {
      let cancelled = false;
      const server = await startServer((req, res) => {
        if (req.method === "POST") {
          cancelled = true;
          return json(res, 200, wireRun({ id: "run_1", thread_id: THREAD, status: "cancelling" }));
        }
        // The run has stopped by the second look.
        const status = cancelled ? "cancelled" : "in_progress";
        json(
          res,
          200,
          {
            object: "list",
            data: [wireRun({ id: "run_1", thread_id: THREAD, status })],
            first_id: "run_1",
            last_id: "run_1",
            has_more: false,
          },
          { "openai-poll-after-ms": "5" },
        );
      });
      // Without the server's pause the second look would wait past this deadline and fail the run.
      const stopped = await clientFor(server).runs.cancelActive(THREAD, {
        intervalMs: 60_000,
        timeoutMs: 8_000,
      });
      expect(stopped.map((r) => [r.id, r.status])).toEqual([["run_1", "cancelled"]]);
      expect(server.requests.map((r) => r.method)).toEqual(["GET", "POST", "GET"]);
    },
  );
});
