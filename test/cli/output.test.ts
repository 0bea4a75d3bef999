/**
 * Nothing the CLI writes is lost: with a reader that starts late (`threadrun list big --all 2>&1 |
 * (sleep 0.5; wc -l)`), every line of stdout and stderr still arrives, and the exit code is the
 * real one.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { RunsServer } from "../../src/testing/index.js";
import { requestsTo, serve } from "../support/reference-server.js";
import { sleep, until } from "../support/time.js";
import { CLI, ROOT, cliEnv } from "./helpers.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * `threadrun …args | (wait; cat)` in a shell: the reader starts only once the server has answered
 * `pages` list requests and 500 ms more have passed, so the CLI has written everything it will
 * write into a full pipe by then. `stderr: "merged"` is the shell's `2>&1`.
 */
async function readLate(
  server: RunsServer,
  pages: number,
  args: string[],
  stderr: "merged" | "dropped",
): Promise<{ code: number; text: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "threadrun-late-"));
  dirs.push(dir);
  const flag = path.join(dir, "start-reading");
  const exitFile = path.join(dir, "exit-code");
  const redirect = stderr === "merged" ? "2>&1" : "2>/dev/null";
  const script =
    `{ "$0" "$@" ${redirect}; echo $? > "$EXIT_FILE"; } | ` +
    `{ while [ ! -e "$FLAG" ]; do sleep 0.05; done; cat; }`;
  const done = new Promise<string>((resolve, reject) => {
    execFile(
      "sh",
      ["-c", script, process.execPath, ...CLI, ...args],
      {
        cwd: ROOT,
        env: cliEnv({ FLAG: flag, EXIT_FILE: exitFile }),
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });
  await until(() => requestsTo(server, "GET", "/runs").length === pages, 30_000);
  await sleep(500);
  writeFileSync(flag, "");
  const text = await done;
  return { code: Number(readFileSync(exitFile, "utf8")), text };
}

describe("CLI output with a reader that starts late", { timeout: 60_000 }, () => {
  it("list big --all 2>&1 | (sleep 0.5; wc -l): all 2,001 lines arrive, exit 0", async () => {
    const server = await serve();
    server.createRuns(2_000, { threadId: "thread_big", status: "completed" });
    const { code, text } = await readLate(
      server,
      20,
      ["list", "thread_big", "--all", "--limit", "100", "--base-url", server.url],
      "merged",
    );
    expect(code).toBe(0);
    const lines = text.split("\n").filter((line) => line !== "");
    expect(lines).toHaveLength(2_001);
    expect(lines.at(-1)).toBe("2000 run(s)");
  });

  it("list big --all --json: the whole JSON arrives on stdout, exit 0", async () => {
    const server = await serve();
    server.createRuns(2_000, { threadId: "thread_big", status: "completed" });
    const { code, text } = await readLate(
      server,
      20,
      ["list", "thread_big", "--all", "--json", "--limit", "100", "--base-url", server.url],
      "dropped",
    );
    expect(code).toBe(0);
    const runs = JSON.parse(text) as { id: string }[];
    expect(runs.map((r) => r.id)).toEqual(
      server
        .runs("thread_big")
        .reverse()
        .map((r) => r.id),
    );
  });
});
