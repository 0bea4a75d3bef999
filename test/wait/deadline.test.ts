/**
 * The deadline of a wait (`timeoutMs`) bounds everything the wait does: a poll that stalls ends at
 * the deadline, whatever its own time limit, and is not retried past it; a server's long pause
 * is slept only up to the deadline. Either way the wait rejects with its own TimeoutError,
 * carrying the last run seen, never with the poll's. Their fake-clock twins, with the exact
 * moments: deadline-on-a-fake-clock.test.ts.
 */
import { describe, expect, it } from "vitest";
import { TimeoutError } from "../../src/index.js";
import { clientFor, rejection } from "../support/client.js";
import { loopbackTwin } from "../support/fake-clock.js";
import { okRun, sequence, stallHeaders, startServer } from "../support/scripted-server.js";

const IN_PROGRESS = okRun({ status: "in_progress" });

describe("the deadline of a wait", () => {
  loopbackTwin(
    "a poll stalled at the deadline ends there, is not retried, and the wait's TimeoutError carries the last run",
    async () => {
      const server = await startServer(sequence(IN_PROGRESS, stallHeaders));
      const error = await rejection(
        clientFor(server).runs.wait("thread_1", "run_1", {
          intervalMs: 5,
          timeoutMs: 1000,
          // A poll's own limit far past the deadline: the deadline must still win.
          request: { timeoutMs: 60_000 },
        }),
      );
      expect(error).toBeInstanceOf(TimeoutError);
      const timeout = error as TimeoutError;
      expect(timeout.timeoutMs).toBe(1000);
      expect(timeout.run?.status).toBe("in_progress");
      expect(timeout.message).toMatch(
        /Run run_1 did not stop within 1000 ms \(last status: in_progress\)/,
      );
      // The first poll, then the one that stalled: no retry of it after the deadline.
      expect(server.requests).toHaveLength(2);
    },
  );

  loopbackTwin(
    "cancelAndWait: a cancel stalled at the deadline ends there with the wait's TimeoutError",
    async () => {
      const server = await startServer(stallHeaders);
      const error = await rejection(
        clientFor(server).runs.cancelAndWait("thread_1", "run_1", {
          timeoutMs: 1000,
          request: { timeoutMs: 60_000 },
        }),
      );
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).timeoutMs).toBe(1000);
      // No run was seen: the message says only what did not happen.
      expect((error as TimeoutError).message).toBe("Run run_1 did not stop within 1000 ms");
      expect((error as TimeoutError).run).toBeUndefined();
      expect(server.requests).toHaveLength(1);
    },
  );

  loopbackTwin(
    "a server's pause longer than the time left is slept only to the deadline",
    async () => {
      const server = await startServer(okRun({ status: "queued" }));
      server.handle((req, res, attempt) =>
        okRun({ status: "queued" })(req, res.setHeader("openai-poll-after-ms", "60000"), attempt),
      );
      const error = await rejection(
        clientFor(server).runs.wait("thread_1", "run_1", { intervalMs: 5, timeoutMs: 1000 }),
      );
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).run?.status).toBe("queued");
      // One poll: the pause ran into the deadline, so no second poll was sent.
      expect(server.requests).toHaveLength(1);
    },
  );

  it("a finished wait leaves no timer behind (nothing keeps the process alive for the deadline)", async () => {
    const server = await startServer(sequence(IN_PROGRESS, okRun({ status: "cancelled" })));
    const client = clientFor(server);
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    const run = await client.runs.cancelAndWait("thread_1", "run_1", { intervalMs: 5 });
    expect(run.status).toBe("cancelled");
    const waited = await client.runs.wait("thread_1", "run_1", { intervalMs: 5 });
    expect(waited.status).toBe("cancelled");
    // Not more than before: a timer of something else in this process may end meanwhile.
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it("a deadline beyond setTimeout's range (~24.8 days) does not fire at once", async () => {
    const server = await startServer(sequence(IN_PROGRESS, okRun({ status: "completed" })));
    const run = await clientFor(server).runs.wait("thread_1", "run_1", {
      intervalMs: 5,
      timeoutMs: 2 ** 31,
    });
    expect(run.status).toBe("completed");
    expect(server.requests).toHaveLength(2);
  });
});
