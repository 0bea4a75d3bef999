/**
 * The `threadrun` CLI as users run it: the built bin in a real child process (see helpers.ts)
 * against a reference server started in this process. Asserts exit codes, stdout JSON, stderr
 * messages and help text.
 */
import { describe, expect, it } from "vitest";
import type { WireRun } from "../../src/index.js";
import { serve } from "../support/reference-server.js";
import { threadrun } from "./helpers.js";

describe("threadrun CLI", { timeout: 60_000 }, () => {
  it("cancel --wait --json: exit 0, the cancelled run on stdout, live status on stderr", async () => {
    const server = await serve({ cancelDelayMs: 100 });
    server.createRun({ threadId: "thread_cli", id: "run_cli", status: "in_progress" });
    const ran = await threadrun([
      "cancel",
      "thread_cli",
      "run_cli",
      "--wait",
      "--json",
      "--base-url",
      server.url,
    ]);
    expect(ran.code).toBe(0);
    const run = JSON.parse(ran.stdout) as WireRun;
    expect(run.id).toBe("run_cli");
    expect(run.status).toBe("cancelled");
    expect(typeof run.cancelled_at).toBe("number");
    expect(ran.stderr).toContain("status: cancelling → cancelled");
    expect(server.run("thread_cli", "run_cli")?.status).toBe("cancelled");
  });

  it("cancel without --wait prints the cancelling run", async () => {
    const server = await serve({ cancelDelayMs: 5_000 });
    server.createRun({ threadId: "thread_cli", id: "run_cli", status: "queued" });
    const ran = await threadrun(["cancel", "thread_cli", "run_cli", "--base-url", server.url]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toMatch(/run_cli\s+cancelling/);
  });

  it("cancel --wait exits 3 when the run had completed instead", async () => {
    const server = await serve();
    server.createRun({ threadId: "thread_cli", id: "run_done", status: "completed" });
    const ran = await threadrun([
      "cancel",
      "thread_cli",
      "run_done",
      "--wait",
      "--base-url",
      server.url,
    ]);
    expect(ran.code).toBe(3);
    expect(ran.stderr).toContain("ended completed, not cancelled");
  });

  it("get --json prints the wire run", async () => {
    const server = await serve();
    server.createRun({ threadId: "thread_cli", id: "run_get", status: "requires_action" });
    const ran = await threadrun([
      "get",
      "thread_cli",
      "run_get",
      "--json",
      "--base-url",
      server.url,
    ]);
    expect(ran.code).toBe(0);
    const run = JSON.parse(ran.stdout) as WireRun;
    expect(run).toMatchObject({ id: "run_get", object: "thread.run", status: "requires_action" });
  });

  it("list: one page by default, every page with --all", async () => {
    const server = await serve();
    server.createRuns(30, { threadId: "thread_list", status: "completed" });
    const page = await threadrun([
      "list",
      "thread_list",
      "--json",
      "--limit",
      "10",
      "--base-url",
      server.url,
    ]);
    expect(page.code).toBe(0);
    expect(JSON.parse(page.stdout)).toHaveLength(10);
    expect(page.stderr).toContain("more: use --all");
    const all = await threadrun([
      "list",
      "thread_list",
      "--json",
      "--all",
      "--limit",
      "7",
      "--order",
      "asc",
      "--base-url",
      server.url,
    ]);
    expect(all.code).toBe(0);
    const runs = JSON.parse(all.stdout) as WireRun[];
    expect(runs.map((r) => r.id)).toEqual(server.runs("thread_list").map((r) => r.id));
  });

  it("cancel-active exits 4 when runs are still stopping at the --timeout-ms deadline", async () => {
    const server = await serve({ cancelDelayMs: 60_000 });
    server.createRuns(2, { threadId: "thread_slow", status: "in_progress" });
    const ran = await threadrun([
      "cancel-active",
      "thread_slow",
      "--timeout-ms",
      "300",
      "--base-url",
      server.url,
    ]);
    expect(ran.code).toBe(4);
    expect(ran.stderr).toContain("cancel-active: 0 stopped, 2 did not stop on thread_slow");
    expect(ran.stderr.match(/^failed: run_\w+: TimeoutError: /gm)).toHaveLength(2);
  });

  it("cancel-active stops every active run of the thread", async () => {
    const server = await serve({ cancelDelayMs: 20 });
    server.createRuns(5, { threadId: "thread_busy", status: "in_progress" });
    server.createRuns(2, { threadId: "thread_busy", status: "failed" });
    const ran = await threadrun([
      "cancel-active",
      "thread_busy",
      "--json",
      "--base-url",
      server.url,
    ]);
    expect(ran.code).toBe(0);
    const stopped = JSON.parse(ran.stdout) as WireRun[];
    expect(stopped).toHaveLength(5);
    expect(stopped.every((r) => r.status === "cancelled")).toBe(true);
    expect(server.runs("thread_busy").filter((r) => r.status === "in_progress")).toEqual([]);
  });

  it("exits 1 with the server's message for an unknown run", async () => {
    const server = await serve();
    server.createRuns(0, { threadId: "thread_cli" }); // a known thread: the run is what is unknown
    const ran = await threadrun(["get", "thread_cli", "run_nope", "--base-url", server.url]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("No run found with id 'run_nope'");
    expect(ran.stderr).toContain("404");
  });

  it("exits 1 when the server cannot be reached", async () => {
    const ran = await threadrun([
      "get",
      "t",
      "r",
      "--base-url",
      "http://127.0.0.1:9/v1",
      "--timeout-ms",
      "2000",
    ]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/threadrun: /);
  });

  it("exits 2 with a clear message when OPENAI_API_KEY is not set", async () => {
    const ran = await threadrun(["get", "thread_cli", "run_cli"], { OPENAI_API_KEY: undefined });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("OPENAI_API_KEY is not set");
    expect(ran.stderr).toContain("--base-url");
  });

  it("exits 2 naming the argument for a bad id, without sending anything", async () => {
    const server = await serve();
    const ran = await threadrun(["cancel", "..", "run_cli", "--base-url", server.url]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("<thread_id>");
    expect(server.stats.requests).toBe(0);
  });

  it("exits 2 for usage mistakes", async () => {
    const wrong = [
      ["frobnicate"],
      ["cancel", "thread_only"],
      ["get", "t", "r", "--wait"],
      ["list", "t", "--limit", "500"],
      ["list", "t", "--order", "sideways"],
      ["get", "t", "r", "--no-such-flag"],
      [],
    ];
    const results = await Promise.all(wrong.map((args) => threadrun(args)));
    for (const [i, ran] of results.entries()) {
      expect({ args: wrong[i], code: ran.code }).toEqual({ args: wrong[i], code: 2 });
      expect(ran.stdout).toBe("");
    }
  });

  it("prints help at the top level and per command, with every exit code", async () => {
    const [top, cancel, list, many, serveHelp] = await Promise.all([
      threadrun(["--help"]),
      threadrun(["cancel", "--help"]),
      threadrun(["list", "--help"], { OPENAI_API_KEY: undefined }),
      threadrun(["cancel-many", "--help"]),
      threadrun(["serve", "--help"]),
    ]);
    expect(top.code).toBe(0);
    for (const command of ["cancel", "cancel-active", "get", "list"]) {
      expect(top.stdout).toContain(`threadrun ${command} <thread_id>`);
    }
    expect(top.stdout).toContain("threadrun cancel-many [FILE|-]");
    expect(top.stdout).toContain("threadrun serve [--port N]");
    for (const flag of ["--timeout-ms", "--request-timeout-ms", "--max-retries"]) {
      expect(top.stdout).toContain(flag);
    }
    const codes = /Exit codes:\n((?:  .*\n?)+)/.exec(top.stdout)?.[1] ?? "";
    expect(codes.match(/^ {2}\d+/gm)?.map((code) => Number(code))).toEqual([0, 1, 2, 3, 4, 130]);
    expect(codes).toMatch(/130\s+interrupted \(Ctrl-C\)/);
    expect(cancel.code).toBe(0);
    expect(cancel.stdout).toContain("Usage: threadrun cancel <thread_id> <run_id> [--wait]");
    expect(list.code).toBe(0);
    expect(list.stdout).toContain("--all");
    expect(many.stdout).toContain("--journal <FILE>");
    expect(many.stdout).toContain("Exit codes:");
    expect(serveHelp.stdout).toContain("--rate-limit <N>");
    expect(serveHelp.stdout).not.toContain("--request-timeout-ms");
  });

  it("prints the version", async () => {
    const ran = await threadrun(["--version"]);
    expect(ran.code).toBe(0);
    expect(ran.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("threadrun CLI option checks", { timeout: 60_000 }, () => {
  it("an unknown flag exits 2 with the close one, and sends nothing", async () => {
    const server = await serve();
    server.createRun({ threadId: "thread_cli", id: "run_cli", status: "in_progress" });
    const cases: [string[], string][] = [
      [["--base_url", server.url], "--base-url"],
      [["--baseURL", server.url], "--base-url"],
      [["--base-url", server.url, "--timeout", "500"], "--timeout-ms"],
      [["--base-url", server.url, "--jsn"], "--json"],
      [["--base-url", server.url, "--wiat"], "--wait"],
    ];
    const results = await Promise.all(
      cases.map(([flags]) => threadrun(["cancel", "thread_cli", "run_cli", ...flags])),
    );
    for (const [i, ran] of results.entries()) {
      const [flags, hint] = cases[i]!;
      const unknown = flags.find((f) => f.startsWith("--") && f !== "--base-url")!;
      expect({ flags, code: ran.code }).toEqual({ flags, code: 2 });
      expect(ran.stderr).toContain(`threadrun: unknown option ${unknown}; did you mean ${hint}?`);
      expect(ran.stdout).toBe("");
    }
    expect(server.stats.requests).toBe(0);
    expect(server.run("thread_cli", "run_cli")?.status).toBe("in_progress");
  });

  it("an unknown flag with no close one lists none, and an unknown command names the close one", async () => {
    const [flag, command] = await Promise.all([
      threadrun(["get", "t", "r", "--frobnicate"]),
      threadrun(["cancle", "t", "r"]),
    ]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("threadrun: unknown option --frobnicate\n");
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('threadrun: unknown command "cancle"; did you mean "cancel"?');
  });

  it("flag values: the flag, the rule and the value as given; nothing sent", async () => {
    const server = await serve();
    const cases: [string[], string][] = [
      [
        ["get", "t", "r", "--timeout-ms", "soon"],
        '--timeout-ms must be a number of ms > 0, got the string "soon"',
      ],
      [["get", "t", "r", "--timeout-ms=-5"], "--timeout-ms must be a number of ms > 0, got -5"],
      [
        ["get", "t", "r", "--timeout-ms", ""],
        '--timeout-ms must be a number of ms > 0, got the string ""',
      ],
      [["list", "t", "--limit", "0"], "--limit must be a whole number from 1 to 100, got 0"],
      [
        ["list", "t", "--limit", "ten"],
        '--limit must be a whole number from 1 to 100, got the string "ten"',
      ],
      [["list", "t", "--order", "up"], '--order must be one of "asc", "desc", got the string "up"'],
      [
        ["get", "t", "r", "--api-version", ""],
        '--api-version must be a non-empty string, got the string ""',
      ],
    ];
    const results = await Promise.all(
      cases.map(([args]) => threadrun([...args, "--base-url", server.url])),
    );
    for (const [i, ran] of results.entries()) {
      const [args, message] = cases[i]!;
      expect({ args, code: ran.code }).toEqual({ args, code: 2 });
      expect(ran.stderr).toContain(`threadrun: ${message}\n`);
    }
    expect(server.stats.requests).toBe(0);
  });

  it("a base URL without a scheme: the suggestion, from --base-url or OPENAI_BASE_URL", async () => {
    const [flag, env] = await Promise.all([
      threadrun(["get", "t", "r", "--base-url", "localhost:4010/v1"]),
      threadrun(["get", "t", "r"], { OPENAI_BASE_URL: "127.0.0.1:4010/v1" }),
    ]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain(
      'threadrun: --base-url must be an absolute http or https URL, got the string "localhost:4010/v1"; did you mean "http://localhost:4010/v1"?',
    );
    expect(env.code).toBe(2);
    expect(env.stderr).toContain(
      'threadrun: OPENAI_BASE_URL must be an absolute http or https URL, got the string "127.0.0.1:4010/v1"; did you mean "http://127.0.0.1:4010/v1"?',
    );
  });

  it("OPENAI_BASE_URL is used when --base-url is not given", async () => {
    const server = await serve();
    server.createRun({ threadId: "thread_env", id: "run_env", status: "completed" });
    const ran = await threadrun(["get", "thread_env", "run_env", "--json"], {
      OPENAI_BASE_URL: server.url,
    });
    expect(ran.code).toBe(0);
    expect((JSON.parse(ran.stdout) as WireRun).id).toBe("run_env");
  });
});
