/**
 * Between looks at the thread cancelActive pauses `intervalMs`, growing by half after each look
 * that shows no change, up to `maxIntervalMs`: runs that take a while to stop cost a handful of
 * list calls, not one per round trip, and the pause starts small, not at its ceiling.
 */
import { describe, expect } from "vitest";
import { clientFor } from "../support/client.js";
import { loopbackTwin } from "../support/fake-clock.js";
import { requestsTo, serve } from "../support/reference-server.js";

describe("cancelActive: the pause between looks", () => {
  // Its fake-clock twin, with the exact pauses: cancel-active-pause-resets.test.ts.
  loopbackTwin("waits a growing pause while runs stop, starting from intervalMs", async () => {
    // The runs stay cancelling for 300 ms after their cancel.
    const server = await serve({ cancelDelayMs: 300 });
    const threadId = "thread_spacing";
    server.createRuns(2, { threadId, status: "in_progress" });
    // A pause at the ceiling (5 s) would pass the deadline before the runs were seen stopped.
    const stopped = await clientFor(server).runs.cancelActive(threadId, {
      intervalMs: 30,
      maxIntervalMs: 5_000,
      timeoutMs: 2_000,
    });
    expect(stopped.map((r) => r.status)).toEqual(["cancelled", "cancelled"]);
    // About six looks (pauses of 30, 45, 67, 101, 151 ms); back-to-back looks would be dozens.
    const looks = requestsTo(server, "GET", `/threads/${threadId}/runs`).length;
    expect(looks).toBeGreaterThanOrEqual(2);
    expect(looks).toBeLessThanOrEqual(15);
  });
});
