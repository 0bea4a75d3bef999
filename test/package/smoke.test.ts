/**
 * Installs the packed tarball into a fresh temporary project, the way a user would, and uses it:
 * ESM import (cancelling a run against `threadrun/testing`), CommonJS `require` (Node >= 20.19
 * loads ESM through require(esm)), a strict type-check of a consumer file under node16 and
 * bundler resolution, and the `threadrun` bin's `--help`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliPresent, ensurePacked, npmEnv, repoRoot, run, runOk } from "./helpers.js";

const SLOW = 300_000;
let workDir: string;
let projectDir: string;

beforeAll(async () => {
  const { tarball } = await ensurePacked();
  workDir = mkdtempSync(path.join(tmpdir(), "threadrun-smoke-"));

  projectDir = path.join(workDir, "consumer");
  await runOk("mkdir", ["-p", projectDir]);
  writeFileSync(
    path.join(projectDir, "package.json"),
    JSON.stringify({ name: "threadrun-consumer", private: true, type: "module" }, null, 2),
  );
  await runOk(
    "npm",
    ["install", tarball, "--no-audit", "--no-fund", "--prefer-offline", "--no-package-lock"],
    { cwd: projectDir, env: npmEnv, timeoutMs: SLOW },
  );
}, SLOW);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("the installed tarball", () => {
  it("installs with openapi-fetch as its only dependency", () => {
    const installed = JSON.parse(
      readFileSync(path.join(projectDir, "node_modules", "threadrun", "package.json"), "utf8"),
    ) as { dependencies: Record<string, string> };
    expect(Object.keys(installed.dependencies)).toEqual(["openapi-fetch"]);
  });

  it("imports from ESM and cancels a run against threadrun/testing", async () => {
    writeFileSync(
      path.join(projectDir, "esm.mjs"),
      `import { createClient, ThreadRunError, NotFoundError, isTerminalStatus } from "threadrun";
import { startRunsServer } from "threadrun/testing";
const server = await startRunsServer();
try {
  const client = createClient({ apiKey: "test-key", baseUrl: server.url });
  const run = server.createRun({ status: "in_progress" });
  const cancelled = await client.runs.cancel(run.thread_id, run.id);
  const stopped = await client.runs.wait(run.thread_id, run.id, { intervalMs: 10 });
  let notFound = "";
  try {
    await client.runs.get("thread_missing", "run_missing");
  } catch (error) {
    notFound = error instanceof NotFoundError && error instanceof ThreadRunError ? "NotFoundError" : String(error);
  }
  console.log(JSON.stringify({ cancelled: cancelled.status, stopped: isTerminalStatus(stopped.status), notFound }));
} finally {
  await server.close();
}
`,
    );
    const { stdout } = await runOk(process.execPath, ["esm.mjs"], { cwd: projectDir });
    expect(JSON.parse(stdout.trim())).toEqual({
      cancelled: expect.stringMatching(/^cancell(ing|ed)$/),
      stopped: true,
      notFound: "NotFoundError",
    });
  });

  it("loads from CommonJS through require(esm) on Node >= 20.19", async () => {
    writeFileSync(
      path.join(projectDir, "cjs.cjs"),
      `const threadrun = require("threadrun");
console.log(JSON.stringify({ createClient: typeof threadrun.createClient, ApiError: typeof threadrun.ApiError }));
`,
    );
    const result = await run(process.execPath, ["cjs.cjs"], { cwd: projectDir });
    const [major, minor] = process.versions.node.split(".").map(Number) as [number, number];
    const requireEsm = major > 22 || (major === 22 && minor >= 12) || (major === 20 && minor >= 19);
    if (requireEsm) {
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout.trim())).toEqual({
        createClient: "function",
        ApiError: "function",
      });
    } else {
      // Unsupported Node: a clear error, not a half-loaded module.
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/ERR_REQUIRE_ESM/);
    }
  });

  // Two independent compilations: concurrent, so each waits less for the other.
  it.concurrent.for(["node16", "bundler"] as const)(
    "type-checks a consumer with %s resolution under strict and exactOptionalPropertyTypes",
    { timeout: SLOW },
    async (resolution, { expect }) => {
      const dir = path.join(projectDir, `ts-${resolution}`);
      await runOk("mkdir", ["-p", dir]);
      writeFileSync(path.join(dir, "consumer.ts"), CONSUMER_TS);
      writeFileSync(
        path.join(dir, "tsconfig.json"),
        JSON.stringify(
          {
            compilerOptions: {
              target: "ES2022",
              module: resolution === "node16" ? "node16" : "esnext",
              moduleResolution: resolution,
              lib: ["ES2022", "DOM"],
              types: [],
              strict: true,
              exactOptionalPropertyTypes: true,
              noUncheckedIndexedAccess: true,
              // Our declaration files are checked; TypeScript's own lib files (the DOM's
              // among them, two fifths of the time) are not ours to check.
              skipLibCheck: false,
              skipDefaultLibCheck: true,
              noEmit: true,
            },
            files: ["consumer.ts"],
          },
          null,
          2,
        ),
      );
      const tsc = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");
      const result = await run(process.execPath, [tsc, "-p", "tsconfig.json"], {
        cwd: dir,
        timeoutMs: SLOW,
      });
      expect(result.code, result.stdout + result.stderr).toBe(0);
    },
  );

  it("runs the threadrun bin's --help", async (ctx) => {
    if (!cliPresent()) {
      console.warn("smoke: SKIPPED `threadrun --help`: src/cli/main.ts does not exist yet");
      ctx.skip();
    }
    const bin = path.join(projectDir, "node_modules", ".bin", "threadrun");
    const result = await runOk(bin, ["--help"], { cwd: projectDir });
    expect(result.stdout + result.stderr).toMatch(/threadrun/i);
    expect(result.stdout + result.stderr).toMatch(/usage|cancel/i);
  });
});

const CONSUMER_TS = `import {
  ApiError,
  ConnectionError,
  NotFoundError,
  RateLimitError,
  ThreadRunError,
  TimeoutError,
  createClient,
  type ThreadRun,
  type ThreadRunClient,
} from "threadrun";

const client: ThreadRunClient = createClient({ apiKey: "sk-test" });
const azure = createClient({
  baseUrl: "https://my-resource.services.ai.azure.com/api/projects/my-project",
  apiVersion: "2025-05-01",
  apiKey: async () => "entra-token",
});
// Prove that the types resolved (not \`any\`) and that exactOptionalPropertyTypes is on.
// @ts-expect-error maxRetries is a number
createClient({ apiKey: "sk-test", maxRetries: "3" });
// @ts-expect-error intervalMs is a number of ms
void client.runs.wait("thread_abc123", "run_abc123", { intervalMs: "10" });
// Every option accepts an explicit \`undefined\` (a value read from the environment, say)...
void client.runs.wait("thread_abc123", "run_abc123", { intervalMs: undefined });
// ...while an optional property without \`| undefined\` refuses it: exactOptionalPropertyTypes is on.
// @ts-expect-error undefined is not a number under exactOptionalPropertyTypes
const probe: { optional?: number } = { optional: undefined };
void probe;

export async function stop(threadId: string, runId: string): Promise<ThreadRun["status"]> {
  try {
    const run: ThreadRun = await client.runs.cancel(threadId, runId);
    const createdAt: Date = run.createdAt;
    void createdAt;
    const done = await azure.runs.wait(threadId, runId);
    return done.status;
  } catch (error) {
    if (error instanceof RateLimitError) return "queued";
    if (error instanceof NotFoundError) throw error;
    if (error instanceof ApiError) {
      const status: number = error.status;
      void status;
    }
    if (error instanceof ConnectionError || error instanceof TimeoutError) throw error;
    if (error instanceof ThreadRunError) throw new Error(error.message);
    throw error;
  }
}
`;
