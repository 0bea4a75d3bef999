/**
 * `threadrun serve` driven the way a test in another language would: a child process, its first
 * stdout line as the base URL, and nothing but plain HTTP (the API with the key, the admin routes
 * without) until a signal stops it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startRunsServer } from "../../src/testing/index.js";
import { failure } from "../support/client.js";
import { serve as startServer } from "../support/reference-server.js";
import { startThreadrun, threadrun, type Running } from "./helpers.js";

const running: Running[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) {
    if (server.child.exitCode === null) server.child.kill("SIGKILL");
    await server.exited;
  }
});

/** Starts `threadrun serve …flags` (without OPENAI_API_KEY) and reads its base URL. */
async function startServe(
  flags: string[],
): Promise<{ serve: Running; url: string; admin: string }> {
  const serve = startThreadrun(["serve", ...flags], { OPENAI_API_KEY: undefined });
  running.push(serve);
  await serve.waitFor(/\n/);
  await serve.waitFor("Ctrl-C stops it");
  const url = serve.stdout.split("\n")[0]!;
  return { serve, url, admin: `${new URL(url).origin}/__admin` };
}

async function http(
  method: string,
  url: string,
  body?: unknown,
  key?: string,
): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (key !== undefined) headers["authorization"] = `Bearer ${key}`;
  const response = await fetch(url, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    json: (text === "" ? {} : JSON.parse(text)) as Record<string, unknown>,
    headers: response.headers,
  };
}

const errorMessage = (json: Record<string, unknown>): string =>
  (json["error"] as { message: string }).message;

describe("threadrun serve", { timeout: 60_000 }, () => {
  it("prints its base URL first, serves the API with --api-key and the admin routes without, stops on SIGTERM", async () => {
    const { serve, url, admin } = await startServe([
      "--port",
      "0",
      "--api-key",
      "k-other",
      "--cancel-delay-ms",
      "30",
    ]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(serve.stderr).toContain(`${admin}/`);
    expect(serve.stderr).not.toContain("k-other");

    const index = await http("GET", `${admin}/`);
    expect(index.status).toBe(200);
    expect(index.json["routes"]).toContain("POST /__admin/reset");

    const created = await http("POST", `${admin}/runs`, {
      thread_id: "thread_x",
      status: "in_progress",
      count: 3,
    });
    expect(created.status).toBe(201);
    const runs = created.json["data"] as { id: string; status: string }[];
    expect(runs.map((r) => r.status)).toEqual(["in_progress", "in_progress", "in_progress"]);

    // The API itself, with the key the server was started with.
    expect((await http("GET", `${url}/threads/thread_x/runs`)).status).toBe(401);
    expect((await http("GET", `${url}/threads/thread_x/runs`, undefined, "test-key")).status).toBe(
      401,
    );
    const listed = await http("GET", `${url}/threads/thread_x/runs`, undefined, "k-other");
    expect(listed.status).toBe(200);
    expect(listed.json["data"]).toHaveLength(3);

    const runPath = `${url}/threads/thread_x/runs/${runs[0]!.id}`;
    const cancelled = await http("POST", `${runPath}/cancel`, undefined, "k-other");
    expect(cancelled.json["status"]).toBe("cancelling");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await http("GET", runPath, undefined, "k-other")).json["status"]).toBe("cancelled");

    serve.child.kill("SIGTERM");
    expect(await serve.exited).toBe(0);
    expect(serve.stderr).toContain("stopped (SIGTERM)");
    await expect(fetch(`${admin}/`)).rejects.toThrow();
  });

  it("admin: set a status, inject faults (checked field by field), read the counters, reset", async () => {
    const { serve, url, admin } = await startServe(["--api-key", "k"]);
    const run = (await http("POST", `${admin}/runs`, { thread_id: "thread_f" })).json as {
      id: string;
      status: string;
    };
    expect(run.status).toBe("queued");
    const runPath = `${url}/threads/thread_f/runs/${run.id}`;

    const set = await http("POST", `${admin}/threads/thread_f/runs/${run.id}/status`, {
      status: "requires_action",
    });
    expect(set.json).toMatchObject({ id: run.id, status: "requires_action" });
    expect(
      (await http("POST", `${admin}/threads/thread_f/runs/run_nope/status`, { status: "failed" }))
        .status,
    ).toBe(404);

    const queued = await http("POST", `${admin}/faults`, {
      kind: "status",
      status: 503,
      times: 2,
      headers: { "retry-after-ms": "10" },
      match: { operation: "getRun", run_id: run.id },
    });
    expect(queued.status).toBe(201);
    const first = await http("GET", runPath, undefined, "k");
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after-ms")).toBe("10");
    expect((await http("GET", runPath, undefined, "k")).status).toBe(503);
    expect((await http("GET", runPath, undefined, "k")).status).toBe(200);

    await http("POST", `${admin}/faults`, { kind: "reset" });
    await expect(fetch(runPath, { headers: { authorization: "Bearer k" } })).rejects.toThrow();
    await http("POST", `${admin}/faults`, { kind: "malformed" });
    await http("DELETE", `${admin}/faults`);
    expect((await http("GET", runPath, undefined, "k")).status).toBe(200);

    const refused: [unknown, string][] = [
      [{ status: 500 }, "kind is required"],
      [{ kind: "status" }, "status is required for a status fault"],
      [
        { kind: "statsu", status: 500 },
        'kind must be one of "status", "reset", "malformed", "delay", "handle-then-status", got the string "statsu"; did you mean "status"?',
      ],
      [{ kind: "status", status: 700 }, "status must be a whole number from 100 to 599, got 700"],
      [{ kind: "delay", ms: -1 }, "ms must be a number of ms >= 0, got -1"],
      [{ kind: "reset", status: 500 }, 'a reset fault: "status" is not an option'],
      [
        { kind: "status", status: 500, match: { operation: "cancel" } },
        'match.operation must be one of "cancelRun", "getRun", "listRuns", got the string "cancel"',
      ],
    ];
    for (const [body, message] of refused) {
      const answer = await http("POST", `${admin}/faults`, body);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
      expect(errorMessage(answer.json)).toContain(message);
    }
    const notJson = await fetch(`${admin}/faults`, { method: "POST", body: "{kind:" });
    expect(notJson.status).toBe(400);
    expect((await http("PUT", `${admin}/faults`)).status).toBe(405);
    expect((await http("GET", `${admin}/nope`)).status).toBe(404);

    const stats = await http("GET", `${admin}/stats`);
    expect(stats.json["requests"]).toBeGreaterThanOrEqual(5);
    expect(stats.json["faults"]).toBeGreaterThanOrEqual(3);
    const recorded = await http("GET", `${admin}/requests`);
    expect((recorded.json["data"] as unknown[]).length).toBe(stats.json["requests"]);

    expect((await http("POST", `${admin}/reset`)).json).toEqual({ reset: true });
    expect((await http("GET", runPath, undefined, "k")).status).toBe(404);
    expect((await http("GET", `${admin}/stats`)).json["requests"]).toBe(1);
    serve.child.kill("SIGINT");
    expect(await serve.exited).toBe(0);
  });

  it("--seed: runs created through the admin routes get the same ids every time, after a reset too", async () => {
    const [one, two] = await Promise.all([
      startServe(["--seed", "7"]),
      startServe(["--seed", "7"]),
    ]);
    const create = (admin: string) =>
      http("POST", `${admin}/runs`, { count: 2 }).then(
        (answer) => answer.json["data"] as { id: string; thread_id: string }[],
      );
    const first = await create(one.admin);
    expect(await create(two.admin)).toEqual(first);
    await http("POST", `${one.admin}/reset`);
    expect(await create(one.admin)).toEqual(first);
    expect(first[0]!.id).toMatch(/^run_[A-Za-z0-9]{24}$/);
    expect(first[0]!.thread_id).toMatch(/^thread_[A-Za-z0-9]{24}$/);
    expect(first[1]!.id).not.toBe(first[0]!.id);
  });

  it("--rate-limit answers 429 past N requests per second", async () => {
    const { url } = await startServe(["--rate-limit", "2"]);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await http("GET", `${url}/threads/t/runs`, undefined, "test-key")).status);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
  });

  it("usage mistakes exit 2", async () => {
    const cases: [string[], string][] = [
      [["serve", "--port", "70000"], "--port must be a whole number from 0 to 65535, got 70000"],
      [["serve", "--rate-limit", "0"], "--rate-limit must be a number > 0, got 0"],
      [["serve", "--json"], "--json does not apply to serve"],
      [["serve", "extra"], "serve takes no arguments, got 1 argument(s)"],
    ];
    const results = await Promise.all(cases.map(([args]) => threadrun(args)));
    for (const [i, ran] of results.entries()) {
      expect(ran.code).toBe(2);
      expect(ran.stderr).toContain(`threadrun: ${cases[i]![1]}`);
    }
  });

  it("startRunsServer({ admin }) mounts the same routes in-process, checked like every option", async () => {
    const server = await startServer({ admin: { seed: 3 } });
    const admin = `${new URL(server.url).origin}/__admin`;
    expect((await http("POST", `${admin}/runs`, { thread_id: "thread_in" })).status).toBe(201);
    expect(server.runs("thread_in")).toHaveLength(1);
    // Off by default: the prefix is then an unknown route of the API, behind the key.
    const plain = await startServer();
    expect((await http("GET", `${new URL(plain.url).origin}/__admin/`)).status).toBe(401);
    expect(String(await failure(() => startRunsServer({ admin: { sed: 1 } as never })))).toContain(
      'startRunsServer: admin: "sed" is not an option; did you mean "seed"?',
    );
    expect(String(await failure(() => startRunsServer({ admin: "yes" as never })))).toContain(
      'admin must be true, false or { seed }, got the string "yes"',
    );
  });
});
