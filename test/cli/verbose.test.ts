/**
 * `--verbose` / `-v` (info: every retry) and `-vv` (debug: every request and answer), on stderr
 * only, against a scripted server that answers 503 once and then the run. Without the flag the
 * CLI says nothing of the retry; `THREADRUN_LOG` applies when no flag is given, and the flag wins.
 */
import { describe, expect, it } from "vitest";
import type { WireRun } from "../../src/index.js";
import { KEY } from "../support/client.js";
import { okRun, sequence, startServer, status } from "../support/scripted-server.js";
import { threadrun } from "./helpers.js";

/** A server that answers 503 (`retry-after-ms: 20`, request id `req_503`) once, then the run. */
async function flaky() {
  return startServer(
    sequence(
      status(503, "overloaded", { "retry-after-ms": "20", "x-request-id": "req_503" }),
      okRun(),
    ),
  );
}

const RETRY_LINE =
  /retrying GET \S*\/threads\/thread_v\/runs\/run_v in 20 ms \(retry-after-ms\): attempt 1 got 503, request id req_503/;

function get(url: string, ...flags: string[]): string[] {
  return ["get", "thread_v", "run_v", "--json", "--base-url", url, ...flags];
}

describe("threadrun --verbose", { timeout: 60_000 }, () => {
  it("without the flag, stderr has no retry line and stdout is the run", async () => {
    const server = await flaky();
    const ran = await threadrun(get(server.url), { THREADRUN_LOG: undefined });
    expect(ran.code).toBe(0);
    expect(server.requests).toHaveLength(2);
    expect(ran.stderr).not.toMatch(/retrying/);
    expect(ran.stderr).toBe("");
    expect((JSON.parse(ran.stdout) as WireRun).id).toBe("run_v");
  });

  it("-v and --verbose name the retry on stderr: attempt, status, wait and its source", async () => {
    for (const flag of ["-v", "--verbose"]) {
      const server = await flaky();
      const ran = await threadrun(get(server.url, flag), { THREADRUN_LOG: undefined });
      expect(ran.code).toBe(0);
      expect(ran.stderr).toMatch(RETRY_LINE);
      // info, not debug: the requests themselves are not listed.
      expect(ran.stderr).not.toMatch(/GET \S+: 200 in/);
      expect((JSON.parse(ran.stdout) as WireRun).id).toBe("run_v");
      expect(ran.stdout).not.toContain("threadrun:");
    }
  });

  it("-vv logs each request and answer (method, path, status, request id, duration), never the key", async () => {
    for (const flags of [["-vv"], ["--verbose", "--verbose"], ["-v", "-v"], ["-vvv"]]) {
      const server = await flaky();
      const ran = await threadrun(get(server.url, ...flags), { THREADRUN_LOG: undefined });
      expect(ran.code, flags.join(" ")).toBe(0);
      const lines = ran.stderr.trimEnd().split("\n");
      expect(
        lines.filter((line) =>
          /GET \/v1\/threads\/thread_v\/runs\/run_v, attempt [12]$/.test(line),
        ),
      ).toHaveLength(2);
      expect(ran.stderr).toMatch(
        /GET \/v1\/threads\/thread_v\/runs\/run_v: 503 in \d+ ms, request id req_503/,
      );
      expect(ran.stderr).toMatch(
        /GET \/v1\/threads\/thread_v\/runs\/run_v: 200 in \d+ ms, request id req_test/,
      );
      expect(ran.stderr).toMatch(RETRY_LINE);
      expect(ran.stderr).not.toContain(KEY);
      expect(ran.stdout).not.toContain(KEY);
      expect((JSON.parse(ran.stdout) as WireRun).id).toBe("run_v");
    }
  });

  it("THREADRUN_LOG applies without the flag, and goes to stderr; the flag wins over it", async () => {
    const server = await flaky();
    const fromEnv = await threadrun(get(server.url), { THREADRUN_LOG: "debug" });
    expect(fromEnv.code).toBe(0);
    expect(fromEnv.stderr).toMatch(/: 200 in \d+ ms/);
    expect((JSON.parse(fromEnv.stdout) as WireRun).id).toBe("run_v");

    const flagged = await flaky();
    const flagWins = await threadrun(get(flagged.url, "-v"), { THREADRUN_LOG: "off" });
    expect(flagWins.stderr).toMatch(RETRY_LINE);
    const quiet = await flaky();
    const infoOverDebug = await threadrun(get(quiet.url, "-v"), { THREADRUN_LOG: "debug" });
    expect(infoOverDebug.stderr).toMatch(RETRY_LINE);
    expect(infoOverDebug.stderr).not.toMatch(/: 200 in \d+ ms/);
  });

  it("-V prints the version; --verbose does not apply to serve", async () => {
    const version = await threadrun(["-V"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const serve = await threadrun(["serve", "-v"]);
    expect(serve.code).toBe(2);
    expect(serve.stderr).toContain("--verbose does not apply to serve");
  });

  it("--help documents -v, -vv and -V", async () => {
    const ran = await threadrun(["get", "--help"]);
    expect(ran.stdout).toMatch(/-v, --verbose/);
    expect(ran.stdout).toMatch(/-vv/);
    expect(ran.stdout).toMatch(/-V, --version/);
  });
});
