/**
 * cancelActive's deadline cuts its pause between looks short: with a long `intervalMs` and runs
 * that do not stop, the call still ends at its deadline (the runs fail with TimeoutErrors), not
 * after the pause it would otherwise have waited.
 */
import { describe, expect, it } from "vitest";
import { CancelActiveError, TimeoutError } from "../../src/index.js";
import { clientFor, rejection } from "../support/client.js";
import { serve } from "../support/reference-server.js";

describe("cancelActive: the deadline during a pause", () => {
  it("ends the call at the deadline, not after a 60 s pause", { timeout: 10_000 }, async () => {
    const server = await serve({ cancelDelayMs: 60_000 });
    const threadId = "thread_long_pause";
    server.createRuns(2, { threadId, status: "in_progress" });
    const error = await rejection(
      clientFor(server).runs.cancelActive(threadId, { intervalMs: 60_000, timeoutMs: 2_000 }),
    );
    expect(error).toBeInstanceOf(CancelActiveError);
    const { failures } = error as CancelActiveError;
    expect(failures).toHaveLength(2);
    for (const { error: cause } of failures) expect(cause).toBeInstanceOf(TimeoutError);
  });
});
