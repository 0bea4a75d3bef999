/**
 * Keeps the README true: every TypeScript example in it type-checks under the project's strict
 * settings and runs as written against the reference server, and every CLI line in it succeeds.
 *
 * The examples are checked and run as a user's would be: importing `threadrun` as written, which
 * resolves through package.json `exports` to the built dist/ and its declarations (a package can
 * import itself by name), and run by plain node once esbuild has stripped their types. Checking
 * against the declarations skips re-checking every source file; plain node starts in about a
 * quarter of the time `tsx` needs. The CLI lines run the built bin for the same reason.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { transform } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRunsServer, type RunsServer } from "../../src/testing/index.js";
import { distDir, ensureBuilt } from "../package/helpers.js";

const run = promisify(execFile);
const README = readFileSync("README.md", "utf8");
const blocks = (lang: string) =>
  [...README.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1] ?? "");
const tsBlocks = blocks("ts");
// Examples live inside the repo so that `threadrun` resolves to this package, and the tsconfig
// extends the project's.
const WORK = path.resolve(".readme-examples");

let server: RunsServer;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  await ensureBuilt();
  server = await startRunsServer({ cancelDelayMs: 30 });
  env = { ...process.env, OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: server.url };
  // The ids the examples name.
  server.createRun({ threadId: "thread_abc123", id: "run_abc123", status: "in_progress" });
  server.createRuns(3, { threadId: "thread_busy", status: "in_progress" });
  server.createRun({ threadId: "thread_busy", id: "run_1", status: "queued" });
  server.createRun({ threadId: "thread_cli", id: "run_cli", status: "in_progress" });
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  for (const [i, code] of tsBlocks.entries()) {
    writeFileSync(path.join(WORK, `example-${i + 1}.ts`), code);
    const { code: js } = await transform(code, { loader: "ts", format: "esm", target: "node20" });
    writeFileSync(path.join(WORK, `example-${i + 1}.mjs`), js);
  }
}, 300_000);

afterAll(async () => {
  await server?.close();
  rmSync(WORK, { recursive: true, force: true });
});

describe("README", () => {
  it("has TypeScript examples and the two commands", () => {
    expect(tsBlocks.length).toBeGreaterThanOrEqual(4);
    expect(README).toContain("npm ci && npm start");
    expect(README).toContain("npm test");
  });

  it("every TypeScript example type-checks (strict, exactOptionalPropertyTypes)", async () => {
    const config = {
      extends: "../tsconfig.json",
      compilerOptions: { noEmit: true, rootDir: ".." },
      include: ["*.ts"],
    };
    writeFileSync(path.join(WORK, "tsconfig.json"), JSON.stringify(config));
    const result = await run("node_modules/.bin/tsc", [
      "-p",
      path.join(WORK, "tsconfig.json"),
    ]).catch((e: { stdout: string }) => ({ stdout: e.stdout, failed: true }));
    expect(result.stdout).toBe("");
  }, 120_000);

  it.each(tsBlocks.map((_, i) => i + 1))(
    "example %i runs as written",
    async (n) => {
      const { stdout, stderr } = await run(
        process.execPath,
        [path.join(WORK, `example-${n}.mjs`)],
        { env, timeout: 60_000 },
      );
      expect(stderr).toBe("");
      expect(stdout.length).toBeGreaterThan(0);
    },
    60_000,
  );

  it("the CLI lines run against the server", async () => {
    const lines = blocks("sh")
      .flatMap((b) => b.split("\n"))
      .filter((l) => l.startsWith("npx threadrun"));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const args = line
        .replace(/^npx threadrun /, "")
        .replaceAll("thread_abc123", "thread_cli")
        .replaceAll("run_abc123", "run_cli")
        .split(/\s+/);
      const { stdout, stderr } = await run(
        process.execPath,
        [path.join(distDir, "src", "cli", "main.js"), ...args],
        {
          env,
          timeout: 60_000,
        },
      );
      expect(stdout + stderr, line).not.toBe("");
    }
  }, 120_000);
});
