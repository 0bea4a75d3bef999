/**
 * Shared by the package tests: builds dist/ at most once per content of its inputs, even when
 * several test files (vitest workers) ask at the same time, and runs commands.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const distDir = path.join(repoRoot, "dist");
const stampFile = path.join(distDir, ".build-stamp");
const lockDir = path.join(repoRoot, "node_modules", ".cache", "threadrun-build.lock");

/** Files whose content decides what `npm run build` emits. */
const BUILD_INPUTS = [
  "src",
  "generated",
  "package.json",
  "tsconfig.json",
  "tsconfig.build.json",
  "scripts/build.ts",
];

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command without a shell; never rejects on a non-zero exit (check `code`). */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? repoRoot,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 180_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** `run`, throwing with the full output when the command fails. */
export async function runOk(
  command: string,
  args: string[],
  options: Parameters<typeof run>[2] = {},
): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
    );
  }
  return result;
}

function hashTree(hash: ReturnType<typeof createHash>, relative: string): void {
  const full = path.join(repoRoot, relative);
  if (!existsSync(full)) {
    hash.update(`missing:${relative}\n`);
    return;
  }
  const entries = readdirSync(full, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const child = path.join(relative, entry.name);
    if (entry.isDirectory()) hashTree(hash, child);
    else if (entry.isFile()) hash.update(`${child}\n`).update(readFileSync(path.join(full, entry.name)));
  }
}

/** A digest of every build input; dist/.build-stamp holds the digest dist/ was built from. */
export function buildInputsDigest(): string {
  const hash = createHash("sha256");
  for (const input of BUILD_INPUTS) {
    const full = path.join(repoRoot, input);
    if (existsSync(full) && statSync(full).isFile()) {
      hash.update(`${input}\n`).update(readFileSync(full));
    } else {
      hashTree(hash, input);
    }
  }
  return hash.digest("hex");
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function withLock<T>(body: () => Promise<T>): Promise<T> {
  mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (Date.now() > deadline) {
        // A crashed run left the lock behind; take it over.
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      await sleep(250);
    }
  }
  try {
    return await body();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/**
 * Runs `npm run build` unless dist/ was already built from the current inputs. Returns whether
 * it built.
 */
export function ensureBuilt(): Promise<boolean> {
  return withLock(async () => {
    const digest = buildInputsDigest();
    if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === digest) return false;
    await runOk(process.execPath, [path.join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/build.ts"], {
      timeoutMs: 240_000,
    });
    writeFileSync(stampFile, digest);
    return true;
  });
}

/** `npm` with the environment's noise (update notices, funding) turned off. */
export const npmEnv: NodeJS.ProcessEnv = {
  ...process.env,
  npm_config_update_notifier: "false",
  npm_config_fund: "false",
  npm_config_audit: "false",
};

/** Whether src/cli/main.ts exists (the `threadrun` bin is written in a separate issue). */
export const cliPresent = (): boolean => existsSync(path.join(repoRoot, "src", "cli", "main.ts"));
