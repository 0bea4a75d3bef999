/**
 * `--timeout-ms` bounds the whole command (every request, retry, backoff and wait);
 * `--request-timeout-ms` limits each attempt and `--max-retries` the retries. Against a server
 * that never answers, the command gives up at --timeout-ms with exit 4 and says why.
 */
import { describe, expect, it } from "vitest";
import { serve } from "../support/reference-server.js";
import { startServer, stallHeaders, status } from "../support/scripted-server.js";
import { threadrun } from "./helpers.js";

describe("CLI time limits", { timeout: 60_000 }, () => {
  it("--timeout-ms against a server that never answers: exit 4 at the deadline, one request, the flag named", async () => {
    const server = await startServer(stallHeaders);
    const started = Date.now();
    const ran = await threadrun([
      "get",
      "thread_a",
      "run_a",
      "--timeout-ms",
      "1000",
      "--base-url",
      server.url,
    ]);
    const elapsed = Date.now() - started;
    expect(ran.code).toBe(4);
    expect(ran.stderr).toContain("did not finish within 1000 ms (--timeout-ms)");
    // Each attempt's own limit is the client's 60 s: only the command's deadline can end it, and
    // nothing is retried after it.
    expect(server.requests).toHaveLength(1);
    expect(elapsed).toBeLessThan(20_000);
  });

  it("--timeout-ms covers the retries and their backoff: no attempt starts after the deadline", async () => {
    const server = await startServer(status(503, "busy", { "retry-after-ms": "400" }));
    const ran = await threadrun([
      "cancel",
      "thread_a",
      "run_a",
      "--timeout-ms",
      "1000",
      "--max-retries",
      "50",
      "--base-url",
      server.url,
    ]);
    expect(ran.code).toBe(4);
    expect(ran.stderr).toContain("(--timeout-ms)");
    // 400 ms apart, within 1 s: at most 3 attempts, never the 51 --max-retries would allow.
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
    expect(server.requests.length).toBeLessThanOrEqual(3);
  });

  it("--request-timeout-ms limits each attempt; --max-retries how many follow", async () => {
    const server = await startServer(stallHeaders);
    const ran = await threadrun([
      "get",
      "thread_a",
      "run_a",
      "--request-timeout-ms",
      "200",
      "--max-retries",
      "1",
      "--base-url",
      server.url,
    ]);
    expect(ran.code).toBe(4);
    expect(server.requests).toHaveLength(2);
  });

  it("--max-retries 0: one attempt, the server's error, exit 1", async () => {
    const server = await startServer(status(500, "boom"));
    const ran = await threadrun(["get", "t", "r", "--max-retries", "0", "--base-url", server.url]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("500 boom");
    expect(server.requests).toHaveLength(1);
  });

  it("cancel --wait: --timeout-ms covers the cancel and the wait; the last status is named", async () => {
    const server = await serve({ cancelDelayMs: 60_000 });
    server.createRun({ threadId: "thread_cli", id: "run_slow", status: "in_progress" });
    const ran = await threadrun([
      "cancel",
      "thread_cli",
      "run_slow",
      "--wait",
      "--timeout-ms",
      "700",
      "--base-url",
      server.url,
    ]);
    expect(ran.code).toBe(4);
    expect(ran.stderr).toContain("last status: cancelling");
  });

  it("flag values are checked: the flag, the rule and the value as given", async () => {
    const cases: [string[], string][] = [
      [["--request-timeout-ms", "0"], "--request-timeout-ms must be a number of ms > 0, got 0"],
      [["--max-retries=-1"], "--max-retries must be a whole number >= 0, got -1"],
      [["--max-retries", "two"], '--max-retries must be a whole number >= 0, got the string "two"'],
    ];
    const results = await Promise.all(
      cases.map(([flags]) => threadrun(["get", "t", "r", ...flags])),
    );
    for (const [i, ran] of results.entries()) {
      expect(ran.code).toBe(2);
      expect(ran.stderr).toContain(`threadrun: ${cases[i]![1]}\n`);
    }
  });
});
