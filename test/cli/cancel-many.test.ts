/**
 * `threadrun cancel-many [FILE|-]` as an on-call engineer runs it: runs read from a file or stdin
 * in any of the three line formats, cancelled through cancelMany, one JSON line per run with
 * --json, a closing summary of counts on stderr, exit 0 only when every run is stopped.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { RunsServer, WireRun } from "../../src/testing/index.js";
import { requestsTo, serve } from "../support/reference-server.js";
import { startServer, stallHeaders } from "../support/scripted-server.js";
import { maxInWindow } from "../support/time.js";
import { CLI, ROOT, cliEnv, threadrun } from "./helpers.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Writes `text` to a fresh temporary file and returns its path. */
function file(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "threadrun-many-"));
  dirs.push(dir);
  const name = path.join(dir, "runs.txt");
  writeFileSync(name, text);
  return name;
}

interface Line {
  thread_id: string | null;
  run_id: string | null;
  line: number;
  ok: boolean;
  status?: string;
  error?: { class: string; status: number | null; message: string; request_id: string | null };
}

const jsonLines = (stdout: string): Line[] =>
  stdout
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Line);

const pairs = (runs: WireRun[]): string => runs.map((r) => `${r.thread_id} ${r.id}\n`).join("");

const cancelsTo = (server: RunsServer) => requestsTo(server, "POST", "/cancel");

describe("threadrun cancel-many", { timeout: 60_000 }, () => {
  it("reads the three formats line by line; a malformed line is reported by number, counted failed, and the rest go on", async () => {
    const server = await serve({ cancelDelayMs: 20 });
    const runs = server.createRuns(6, { threadId: "thread_many", status: "in_progress" });
    const [a, b, c, d, e, f] = runs as [WireRun, WireRun, WireRun, WireRun, WireRun, WireRun];
    const input = [
      "# runs to stop during the incident",
      `{"thread_id": "${a.thread_id}", "run_id": "${a.id}"}`,
      JSON.stringify(b), // a run object, as `threadrun list --json | jq -c '.[]'` prints it
      "",
      `${c.thread_id}\t${c.id}`,
      `${d.thread_id}   ${d.id}`,
      "this line is not a run",
      "run_id,thread_id,note",
      `${e.id},${e.thread_id},"first, of two"`,
      `"${f.id}","${f.thread_id}",second`,
    ].join("\n");
    const ran = await threadrun(["cancel-many", file(input), "--base-url", server.url]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain('line 7: expected "thread_id run_id"');
    expect(ran.stderr).toMatch(/cancel-many: 6 stopped, 1 failed \(1 malformed line\(s\)\)/);
    expect(cancelsTo(server)).toHaveLength(6);
    for (const run of runs) expect(server.run(run.thread_id, run.id)?.status).toMatch(/^cancel/);
  });

  it("--json: one line per run as it finishes, with ok and status, or the error's class, status, message and request id", async () => {
    const server = await serve({ cancelDelayMs: 20 });
    const active = server.createRuns(3, { threadId: "thread_many", status: "queued" });
    const ended = server.createRun({ threadId: "thread_many", status: "completed" });
    const input = `${pairs([...active, ended])}thread_many run_missing\n{"thread_id": 1}\n`;
    const ran = await threadrun(["cancel-many", file(input), "--json", "--base-url", server.url]);
    expect(ran.code).toBe(1);
    const lines = jsonLines(ran.stdout);
    expect(lines).toHaveLength(6);
    const byRun = new Map(lines.map((l) => [l.run_id ?? `line ${l.line}`, l]));
    for (const run of active) {
      expect(byRun.get(run.id)).toEqual({
        thread_id: "thread_many",
        run_id: run.id,
        line: active.indexOf(run) + 1,
        ok: true,
        status: "cancelling",
      });
    }
    // Already ended: stopped, which is what the command is for.
    expect(byRun.get(ended.id)).toMatchObject({ ok: true, status: "completed" });
    const missing = byRun.get("run_missing")!;
    expect(missing).toMatchObject({ ok: false, line: 5, thread_id: "thread_many" });
    expect(missing.error).toMatchObject({ class: "NotFoundError", status: 404 });
    expect(missing.error!.message).toContain("No run found with id 'run_missing'");
    expect(missing.error!.request_id).toMatch(/^req_/);
    expect(byRun.get("line 6")).toMatchObject({
      ok: false,
      thread_id: null,
      run_id: null,
      error: { class: "InputError", status: null, request_id: null },
    });
    expect(ran.stderr).toMatch(/cancel-many: 4 stopped, 2 failed \(1 malformed line\(s\)\)/);
  });

  it("exit 0 when every run is stopped, including runs that had already ended", async () => {
    const server = await serve({ cancelDelayMs: 20 });
    const runs = [
      ...server.createRuns(4, { threadId: "thread_ok", status: "in_progress" }),
      ...server.createRuns(2, { threadId: "thread_ok", status: "cancelled" }),
    ];
    const ran = await threadrun(["cancel-many", file(pairs(runs)), "--base-url", server.url]);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toMatch(/cancel-many: 6 stopped, 0 failed; \d+ requests, 0 × 429/);
  });

  it("reads stdin when FILE is - or absent", async () => {
    const server = await serve({ cancelDelayMs: 20 });
    const first = server.createRuns(3, { threadId: "thread_in", status: "in_progress" });
    const second = server.createRuns(3, { threadId: "thread_in", status: "in_progress" });
    const dash = await threadrun(["cancel-many", "-", "--base-url", server.url], {}, pairs(first));
    const none = await threadrun(["cancel-many", "--base-url", server.url], {}, pairs(second));
    expect([dash.code, none.code]).toEqual([0, 0]);
    expect(cancelsTo(server)).toHaveLength(6);
  });

  it("--wait: each run is reported once it has stopped", async () => {
    const server = await serve({ cancelDelayMs: 150 });
    const runs = server.createRuns(5, { threadId: "thread_wait", status: "in_progress" });
    const ran = await threadrun([
      "cancel-many",
      file(pairs(runs)),
      "--wait",
      "--json",
      "--base-url",
      server.url,
    ]);
    expect(ran.code).toBe(0);
    const lines = jsonLines(ran.stdout);
    expect(lines.map((l) => l.status)).toEqual(Array(5).fill("cancelled"));
    expect(requestsTo(server, "GET", "").length).toBeGreaterThanOrEqual(5);
  });

  it("--concurrency bounds the cancels in flight", async () => {
    const server = await serve({ latencyMs: 40 });
    const runs = server.createRuns(24, { threadId: "thread_c", status: "in_progress" });
    const ran = await threadrun([
      "cancel-many",
      file(pairs(runs)),
      "--concurrency",
      "3",
      "--base-url",
      server.url,
    ]);
    expect(ran.code).toBe(0);
    expect(server.stats.maxConcurrent).toBeLessThanOrEqual(3);
    expect(server.stats.maxConcurrent).toBeGreaterThanOrEqual(2);
  });

  it("--max-rps caps the requests per second", async () => {
    const server = await serve();
    const runs = server.createRuns(30, { threadId: "thread_rps", status: "in_progress" });
    const ran = await threadrun([
      "cancel-many",
      file(pairs(runs)),
      "--max-rps",
      "10",
      "--base-url",
      server.url,
    ]);
    expect(ran.code).toBe(0);
    const sent = cancelsTo(server).map((r) => r.at);
    expect(sent).toHaveLength(30);
    // 10 per second, 100 ms apart: a 1 s window holds 11 at its two edges, one more for the
    // jitter of arrival times. Without the ceiling all 30 arrive within a fraction of a second.
    expect(maxInWindow(sent, 1000)).toBeLessThanOrEqual(12);
  });

  it("--max-rps with --wait: the cancels and the polls together stay under the ceiling", async () => {
    const server = await serve({ cancelDelayMs: 300 });
    const runs = server.createRuns(12, { threadId: "thread_rpsw", status: "in_progress" });
    const ran = await threadrun([
      "cancel-many",
      file(pairs(runs)),
      "--wait",
      "--max-rps",
      "10",
      "--base-url",
      server.url,
    ]);
    expect(ran.code).toBe(0);
    const sent = server.requests.map((r) => r.at);
    // 12 cancels and at least one poll each.
    expect(sent.length).toBeGreaterThanOrEqual(24);
    expect(maxInWindow(sent, 1000)).toBeLessThanOrEqual(12);
  });

  it("--timeout-ms bounds the whole job: exit 4 with the summary, against a server that never answers", async () => {
    const server = await startServer(stallHeaders);
    const ran = await threadrun([
      "cancel-many",
      file("thread_a run_1\nthread_a run_2\n"),
      "--timeout-ms",
      "800",
      "--base-url",
      server.url,
    ]);
    expect(ran.code).toBe(4);
    expect(ran.stderr).toContain("did not finish within 800 ms (--timeout-ms)");
    expect(ran.stderr).toMatch(/cancel-many: 0 stopped, 0 failed, 2 aborted in flight/);
  });

  it("usage mistakes exit 2 before anything is sent", async () => {
    const server = await serve();
    const cases: [string[], string][] = [
      [["cancel-many", "/no/such/file"], "cannot read /no/such/file: ENOENT"],
      [
        ["cancel-many", "-", "--concurrency", "0"],
        "--concurrency must be a whole number from 1 to 1024, got 0",
      ],
      [
        ["cancel-many", "-", "--max-rps", "fast"],
        '--max-rps must be a number > 0, got the string "fast"',
      ],
      [
        ["cancel-many", "-", "--journal", ""],
        '--journal must be a non-empty string, got the string ""',
      ],
      [["cancel-many", "a", "b"], "cancel-many takes [FILE], got 2 argument(s)"],
      [["get", "t", "r", "--journal", "j"], "--journal does not apply to get"],
    ];
    const results = await Promise.all(
      cases.map(([args]) => threadrun([...args, "--base-url", server.url], {}, "")),
    );
    for (const [i, ran] of results.entries()) {
      expect({ args: cases[i]![0], code: ran.code }).toEqual({ args: cases[i]![0], code: 2 });
      expect(ran.stderr).toContain(`threadrun: ${cases[i]![1]}`);
    }
    expect(server.stats.requests).toBe(0);
  });

  it.skipIf(!existsSync("/usr/bin/script"))(
    "on a terminal, live progress is one line redrawn in place, then the summary",
    async () => {
      const server = await serve({ latencyMs: 30 });
      const runs = server.createRuns(40, { threadId: "thread_tty", status: "in_progress" });
      const command = [process.execPath, ...CLI, "cancel-many", file(pairs(runs))]
        .concat(["--concurrency", "2", "--base-url", server.url])
        .map((word) => `'${word}'`)
        .join(" ");
      // `script` runs the command on a pseudo-terminal: stderr is a TTY there.
      const output = await new Promise<string>((resolve, reject) =>
        execFile(
          "script",
          ["-qec", command, "/dev/null"],
          { cwd: ROOT, env: cliEnv() },
          (error, stdout) => (error ? reject(error) : resolve(stdout)),
        ),
      );
      const redraws = output.split("\r\x1b[K").filter((part) => part.startsWith("cancel-many: "));
      expect(redraws.length).toBeGreaterThanOrEqual(2);
      for (const redraw of redraws.slice(0, -1)) {
        expect(redraw).toMatch(/^cancel-many: \d+\/40 done, 0 failed, (\d+ req\/s, )?0 × 429/);
        expect(redraw).not.toContain("\n");
      }
      expect(redraws.at(-1)).toMatch(/^cancel-many: 40 stopped, 0 failed; 40 requests, 0 × 429/);
    },
  );
});
