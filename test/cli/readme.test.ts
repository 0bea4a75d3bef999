/**
 * The README's shell examples for `cancel-many` and `threadrun serve` run as written (bash, with
 * curl and jq), against a reference server, so the documentation cannot drift from the CLI.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KEY } from "../support/client.js";
import { serve } from "../support/reference-server.js";
import { CLI, ROOT, cliEnv, startThreadrun, type Running } from "./helpers.js";

const README = readFileSync(path.join(ROOT, "README.md"), "utf8");
const tools = ["/usr/bin/bash", "/usr/bin/curl", "/usr/bin/jq"].every((tool) => existsSync(tool));

/** The ```bash block of the README section whose heading starts with `heading`. */
function bashBlock(heading: string): string {
  const start = README.indexOf(`\n${heading}`);
  expect(start, heading).toBeGreaterThan(0);
  const block = /```bash\n([\s\S]*?)```/.exec(README.slice(start))?.[1];
  expect(block, `a bash block after ${heading}`).toBeDefined();
  return block!;
}

/** Runs `script` with bash (`-e`, `pipefail`), `npx threadrun` being this repository's CLI. */
function bash(script: string, env: Record<string, string>): Promise<{ code: number; out: string }> {
  const cli = [process.execPath, ...CLI].map((word) => `'${word}'`).join(" ");
  const prelude = `set -eo pipefail\nthreadrun() { ${cli} "$@"; }\n`;
  return new Promise((resolve) =>
    execFile(
      "bash",
      ["-c", prelude + script.replaceAll("npx threadrun", "threadrun")],
      { cwd: ROOT, env: cliEnv(env), timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? -1) : 0, out: stdout + stderr }),
    ),
  );
}

const dirs: string[] = [];
const servers: Running[] = [];
afterEach(async () => {
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  for (const server of servers.splice(0)) {
    if (server.child.exitCode === null) server.child.kill("SIGTERM");
    await server.exited;
  }
});

describe.skipIf(!tools)("README shell examples", { timeout: 60_000 }, () => {
  it("cancel-many: a file with a journal, and list --json | jq | cancel-many --wait", async () => {
    const server = await serve({ cancelDelayMs: 20 });
    const listed = server.createRuns(5, { threadId: "thread_file", status: "in_progress" });
    const queued = server.createRuns(3, { threadId: "thread_abc123", status: "queued" });
    const running = server.createRuns(2, { threadId: "thread_abc123", status: "in_progress" });
    const dir = mkdtempSync(path.join(tmpdir(), "threadrun-readme-"));
    dirs.push(dir);
    writeFileSync(
      path.join(dir, "runs.txt"),
      listed.map((r) => `${r.thread_id} ${r.id}\n`).join(""),
    );
    const script = bashBlock("### Cancel thousands of runs")
      .replaceAll("runs.txt", path.join(dir, "runs.txt"))
      .replaceAll("runs.journal", path.join(dir, "runs.journal"));
    const { code, out } = await bash(script, { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.url });
    expect(code, out).toBe(0);
    for (const run of [...listed, ...queued]) {
      expect(server.run(run.thread_id, run.id)?.status).toMatch(/^cancel/);
    }
    // Only the queued ones were selected by jq.
    for (const run of running)
      expect(server.run(run.thread_id, run.id)?.status).toBe("in_progress");
    expect(readFileSync(path.join(dir, "runs.journal"), "utf8").trim().split("\n")).toHaveLength(5);
    expect(out).toContain('"status":"cancelled"');
  });

  it("threadrun serve: the curl examples against the admin routes and the API", async () => {
    const block = bashBlock("### `threadrun serve`");
    const lines = block.split("\n");
    const start = lines.find((line) => line.startsWith("npx threadrun serve"))!;
    const flags = start
      .replace(/^npx threadrun serve /, "")
      .replace(/&$/, "")
      .trim()
      .split(/\s+/)
      .map((word, i, words) => (words[i - 1] === "--port" ? "0" : word));
    const served = startThreadrun(["serve", ...flags]);
    servers.push(served);
    await served.waitFor("Ctrl-C stops it");
    const origin = new URL(served.stdout.split("\n")[0]!).origin;
    const script = lines
      .filter((line) => line !== start && line !== "kill %1")
      .join("\n")
      .replaceAll("http://127.0.0.1:4010", origin)
      // Fail on an error status, as the examples are meant to succeed.
      .replaceAll("curl -s ", "curl -sf ");
    const { code, out } = await bash(script, {});
    expect(code, out).toBe(0);
    expect(out).toContain('"status":"cancelling"');
    expect(out).toContain('"reset":true');
  });
});
