/**
 * Running the `threadrun` CLI as users do: the built bin (`dist/src/cli/main.js`, what package.json
 * `bin` points to) in a real child process, so exit codes, signals, pipes and stdout/stderr are the
 * real ones. The bin is plain JavaScript: each run starts in about a quarter of the time `tsx`
 * needs to load the TypeScript sources. Importing this file builds it first, when the sources
 * changed since the last build (shared with the package tests).
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { beforeAll } from "vitest";
import { distDir, ensureBuilt, repoRoot } from "../package/helpers.js";
import { KEY } from "../support/client.js";
import { until } from "../support/time.js";

beforeAll(() => ensureBuilt(), 300_000);

export const ROOT = repoRoot;
/** The CLI as a command line: `[node, ...CLI, ...args]`. */
export const CLI = [path.join(distDir, "src", "cli", "main.js")];

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment a test's child gets: the test key; this machine's OPENAI_BASE_URL never inherited. */
export function cliEnv(env: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const { OPENAI_BASE_URL: _inherited, ...inherited } = process.env;
  const childEnv: NodeJS.ProcessEnv = { ...inherited, OPENAI_API_KEY: KEY, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete childEnv[name];
  return childEnv;
}

/** Runs `threadrun …args` to the end, with `input` on stdin when given. */
export function threadrun(
  args: string[],
  env: Record<string, string | undefined> = {},
  input?: string,
): Promise<Ran> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [...CLI, ...args],
      { cwd: ROOT, env: cliEnv(env), timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

/** A CLI child left running, for tests that signal it or read its pipes on their own schedule. */
export interface Running {
  child: ChildProcess;
  /** What it wrote so far. */
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves with the exit code (128 + n when a signal n killed it, as a shell reports it). */
  exited: Promise<number>;
  /** Waits until stdout or stderr contains `text`. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
}

const SIGNALS: Record<string, number> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** Starts `threadrun …args` and returns at once. */
export function startThreadrun(
  args: string[],
  env: Record<string, string | undefined> = {},
): Running {
  const child = spawn(process.execPath, [...CLI, ...args], {
    cwd: ROOT,
    env: cliEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<number>((resolve) => {
    child.once("close", (code, signal) =>
      resolve(code ?? 128 + (signal === null ? 0 : (SIGNALS[signal] ?? 0))),
    );
  });
  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited,
    waitFor: (text, timeoutMs = 20_000) =>
      until(() => {
        const all = stdout + stderr;
        return typeof text === "string" ? all.includes(text) : text.test(all);
      }, timeoutMs),
  };
}
