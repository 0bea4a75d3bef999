/**
 * `cancel-many --journal` with real child processes and real signals: the first Ctrl-C finishes
 * what is in flight and loses nothing, the second aborts at once, and after `kill -9` a re-run
 * sends again at most the runs that were in flight.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { RunsServer, WireRun } from "../../src/testing/index.js";
import { requestsTo, serve } from "../support/reference-server.js";
import { until } from "../support/time.js";
import { startThreadrun, threadrun, type Running } from "./helpers.js";

const dirs: string[] = [];
const children: Running[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.child.exitCode === null) child.child.kill("SIGKILL");
    await child.exited;
  }
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

/** A runs file listing `runs` and the path of a journal beside it (not created yet). */
function job(runs: WireRun[]): { input: string; journal: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "threadrun-journal-"));
  dirs.push(dir);
  const input = path.join(dir, "runs.txt");
  writeFileSync(input, runs.map((r) => `${r.thread_id} ${r.id}\n`).join(""));
  return { input, journal: path.join(dir, "journal.jsonl") };
}

/** The run ids of the journal's whole lines (a line cut short by a crash is left out). */
function journaled(journal: string): { ok: string[]; all: string[] } {
  if (!existsSync(journal)) return { ok: [], all: [] };
  const entries = readFileSync(journal, "utf8")
    .split("\n")
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as { run_id: string; ok: boolean }];
      } catch {
        return [];
      }
    });
  return {
    ok: entries.filter((e) => e.ok).map((e) => e.run_id),
    all: entries.map((e) => e.run_id),
  };
}

/** The run ids the server got a cancel for, each time it got one. */
const cancelled = (server: RunsServer): string[] =>
  requestsTo(server, "POST", "/cancel").map((r) => decodeURIComponent(r.path.split("/")[5]!));

function start(args: string[]): Running {
  const running = startThreadrun(args);
  children.push(running);
  return running;
}

describe("cancel-many --journal and Ctrl-C", { timeout: 60_000 }, () => {
  it("first Ctrl-C: no new runs, those in flight finish and are journaled, summary, exit 130; a re-run skips them", async () => {
    const server = await serve({ latencyMs: 30 });
    const runs = server.createRuns(200, { threadId: "thread_j", status: "in_progress" });
    const { input, journal } = job(runs);
    const args = [
      "cancel-many",
      input,
      "--journal",
      journal,
      "--concurrency",
      "4",
      "--base-url",
      server.url,
    ];

    const first = start(args);
    await until(() => cancelled(server).length >= 20, 30_000);
    process.kill(first.child.pid!, "SIGINT");
    expect(await first.exited).toBe(130);
    expect(first.stderr).toContain("interrupted: taking no new runs");
    expect(first.stderr).toMatch(
      /cancel-many: interrupted: \d+ stopped, 0 failed, 0 skipped \(stopped per .*\), \d+ not started/,
    );

    // Every run whose cancel was sent finished and is in the journal: nothing in flight was lost.
    const sent = cancelled(server);
    const { ok } = journaled(journal);
    expect(new Set(ok)).toEqual(new Set(sent));
    expect(ok.length).toBeLessThan(200);

    const second = await threadrun(args);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(`${200 - ok.length} stopped, 0 failed, ${ok.length} skipped`);
    // Each run was cancelled exactly once over both runs of the command.
    const all = cancelled(server);
    expect(all).toHaveLength(200);
    expect(new Set(all).size).toBe(200);
    expect(journaled(journal).ok).toHaveLength(200);
  });

  it("second Ctrl-C aborts the requests in flight at once: exit 130, nothing journaled for them", async () => {
    const server = await serve({ latencyMs: 30_000 });
    const runs = server.createRuns(10, { threadId: "thread_j", status: "in_progress" });
    const { input, journal } = job(runs);
    const running = start([
      "cancel-many",
      input,
      "--journal",
      journal,
      "--concurrency",
      "4",
      "--base-url",
      server.url,
    ]);
    await until(() => server.stats.inFlight === 4, 30_000);
    const started = Date.now();
    process.kill(running.child.pid!, "SIGINT");
    await running.waitFor("interrupted: taking no new runs");
    process.kill(running.child.pid!, "SIGINT");
    expect(await running.exited).toBe(130);
    // The server would have answered after 30 s; the command did not wait for it.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(running.stderr).toContain("4 aborted in flight");
    expect(journaled(journal).all).toEqual([]);
  });

  it("after kill -9, a re-run sends again at most the runs that were in flight", async () => {
    const server = await serve({ latencyMs: 30 });
    const runs = server.createRuns(200, { threadId: "thread_k", status: "in_progress" });
    const { input, journal } = job(runs);
    const args = [
      "cancel-many",
      input,
      "--journal",
      journal,
      "--concurrency",
      "4",
      "--base-url",
      server.url,
    ];

    const crashed = start(args);
    await until(() => cancelled(server).length >= 40, 30_000);
    process.kill(crashed.child.pid!, "SIGKILL");
    // Killed mid-job, not after it ended.
    expect(await crashed.exited).toBe(137);
    const sentBefore = new Set(cancelled(server));
    const { ok } = journaled(journal);
    const inFlight = [...sentBefore].filter((id) => !ok.includes(id));
    expect(inFlight.length).toBeLessThanOrEqual(4);

    const resumed = await threadrun(args);
    expect(resumed.code).toBe(0);
    const sentAgain = cancelled(server)
      .slice(sentBefore.size)
      .filter((id) => sentBefore.has(id));
    expect(sentAgain.length).toBeLessThanOrEqual(4);
    for (const id of sentAgain) expect(ok).not.toContain(id);
    for (const run of runs) expect(server.run(run.thread_id, run.id)?.status).toMatch(/^cancel/);
  });
});
