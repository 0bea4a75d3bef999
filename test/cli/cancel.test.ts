/**
 * `threadrun cancel` is idempotent at the command line: a run that has already ended, or is
 * already cancelling, exits 0 and says so, as cancelMany treats it. Re-running a batch of cancels
 * must not fail every item the first pass stopped.
 */
import { describe, expect, it } from "vitest";
import type { WireRun } from "../../src/index.js";
import { serve } from "../support/reference-server.js";
import { threadrun } from "./helpers.js";

describe("threadrun cancel on a run that is not active", { timeout: 60_000 }, () => {
  it.each(["cancelled", "cancelling", "completed", "failed", "expired"])(
    "a run already %s: exit 0, says so, nothing changed",
    async (status) => {
      const server = await serve({ cancelDelayMs: 60_000 });
      server.createRun({ threadId: "thread_cli", id: "run_done", status });
      const ran = await threadrun(["cancel", "thread_cli", "run_done", "--base-url", server.url]);
      expect(ran.stderr).toContain(`run_done: already ${status}; nothing to cancel`);
      expect(ran.code).toBe(0);
      expect(server.run("thread_cli", "run_done")?.status).toBe(status);
    },
  );

  it("--json prints the run as it is", async () => {
    const server = await serve();
    server.createRun({ threadId: "thread_cli", id: "run_done", status: "cancelled" });
    const ran = await threadrun([
      "cancel",
      "thread_cli",
      "run_done",
      "--json",
      "--base-url",
      server.url,
    ]);
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout) as WireRun).toMatchObject({
      id: "run_done",
      status: "cancelled",
    });
  });

  it("a second cancel of the same run exits 0 like the first", async () => {
    const server = await serve({ cancelDelayMs: 20 });
    server.createRun({ threadId: "thread_cli", id: "run_twice", status: "in_progress" });
    const args = ["cancel", "thread_cli", "run_twice", "--base-url", server.url];
    const first = await threadrun(args);
    const second = await threadrun(args);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(second.stderr).toMatch(/run_twice: already (cancelling|cancelled)/);
  });

  it("other refusals still fail: an unknown run exits 1", async () => {
    const server = await serve();
    const ran = await threadrun(["cancel", "thread_cli", "run_nope", "--base-url", server.url]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("404");
  });
});
