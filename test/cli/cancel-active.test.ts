/**
 * `threadrun cancel-active <thread_id>`: progress shown the way cancel-many shows it, each run
 * that did not stop listed with its error, and the exit code saying whether the thread is clear.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { WireRun } from "../../src/testing/index.js";
import { serve } from "../support/reference-server.js";
import { maxInWindow } from "../support/time.js";
import { CLI, ROOT, cliEnv, threadrun } from "./helpers.js";

describe("threadrun cancel-active", { timeout: 60_000 }, () => {
  it("lists each run that did not stop with its error, prints the ones stopped, exit 1", async () => {
    const server = await serve({ cancelDelayMs: 20 });
    const runs = server.createRuns(6, { threadId: "thread_busy", status: "in_progress" });
    const [broken, refused] = [runs[1]!, runs[4]!];
    server.inject({
      kind: "status",
      status: 500,
      times: 100,
      match: { operation: "cancelRun", runId: broken.id },
    });
    server.inject({
      kind: "status",
      status: 403,
      times: 100,
      body: JSON.stringify({
        error: { message: "Not your run.", type: "invalid_request_error", param: null, code: null },
      }),
      match: { operation: "cancelRun", runId: refused.id },
    });
    const ran = await threadrun([
      "cancel-active",
      "thread_busy",
      "--json",
      "--max-retries",
      "0",
      "--base-url",
      server.url,
    ]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(new RegExp(`failed: ${broken.id}: InternalServerError: 500 `));
    expect(ran.stderr).toMatch(
      new RegExp(`failed: ${refused.id}: PermissionDeniedError: 403 Not your run\\.`),
    );
    expect(ran.stderr).toContain("cancel-active: 4 stopped, 2 did not stop on thread_busy");
    const stopped = JSON.parse(ran.stdout) as WireRun[];
    expect(stopped.map((r) => r.id).sort()).toEqual(
      runs
        .filter((r) => r !== broken && r !== refused)
        .map((r) => r.id)
        .sort(),
    );
    expect(stopped.every((r) => r.status === "cancelled")).toBe(true);
  });

  it("--concurrency bounds the cancels in flight", async () => {
    const server = await serve({ latencyMs: 30, cancelDelayMs: 10 });
    server.createRuns(20, { threadId: "thread_c", status: "in_progress" });
    const ran = await threadrun([
      "cancel-active",
      "thread_c",
      "--concurrency",
      "2",
      "--base-url",
      server.url,
    ]);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toContain("stopped 20 run(s); no run on thread_c is active");
    expect(server.stats.maxConcurrent).toBeLessThanOrEqual(2);
  });

  it("--max-rps caps every request: the looks at the thread and the cancels", async () => {
    const server = await serve({ cancelDelayMs: 10 });
    server.createRuns(20, { threadId: "thread_rps", status: "in_progress" });
    const ran = await threadrun([
      "cancel-active",
      "thread_rps",
      "--max-rps",
      "10",
      "--base-url",
      server.url,
    ]);
    expect(ran.code).toBe(0);
    const sent = server.requests.map((r) => r.at);
    expect(sent.length).toBeGreaterThanOrEqual(22);
    expect(maxInWindow(sent, 1000)).toBeLessThanOrEqual(12);
  });

  it.skipIf(!existsSync("/usr/bin/script"))(
    "on a terminal, live progress: runs stopped of those found, redrawn in place",
    async () => {
      const server = await serve({ latencyMs: 30, cancelDelayMs: 10 });
      server.createRuns(40, { threadId: "thread_tty", status: "in_progress" });
      const command = [process.execPath, ...CLI, "cancel-active", "thread_tty"]
        .concat(["--concurrency", "2", "--base-url", server.url])
        .map((word) => `'${word}'`)
        .join(" ");
      const output = await new Promise<string>((resolve, reject) =>
        execFile(
          "script",
          ["-qec", command, "/dev/null"],
          { cwd: ROOT, env: cliEnv() },
          (error, stdout) => (error ? reject(error) : resolve(stdout)),
        ),
      );
      const redraws = output
        .split("\r\x1b[K")
        .filter((part) => part.startsWith("cancel-active: ") && !part.includes("\n"));
      expect(redraws.length).toBeGreaterThanOrEqual(2);
      for (const redraw of redraws) {
        expect(redraw).toMatch(/^cancel-active: \d+\/40 done, 0 failed, (\d+ req\/s, )?0 × 429/);
      }
      expect(output).toContain("stopped 40 run(s); no run on thread_tty is active");
    },
  );
});
