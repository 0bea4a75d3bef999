/**
 * Shared by the package, docs, CLI and README tests: builds dist/ and site/ and packs the tarball
 * at most once per content of their inputs, even when several test files (vitest workers) ask at
 * the same time, and runs commands.
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
    else if (entry.isFile())
      hash.update(`${child}\n`).update(readFileSync(path.join(full, entry.name)));
  }
}

/** A digest of the content of `inputs` (files or folders, relative to the repo). */
export function inputsDigest(inputs: readonly string[]): string {
  const hash = createHash("sha256");
  for (const input of inputs) {
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

async function withLock<T>(name: string, body: () => Promise<T>): Promise<T> {
  const lockDir = path.join(repoRoot, "node_modules", ".cache", `threadrun-${name}.lock`);
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

const tsxCli = path.join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs");

/**
 * Runs `tsx <script>` unless `stamp` records that its output was made from the current content
 * of `inputs`; one caller at a time (a lock), so parallel test files share one run. Returns
 * whether it ran the script.
 */
function ensureFresh(
  name: string,
  script: string,
  inputs: readonly string[],
  stamp: string,
): Promise<boolean> {
  return withLock(name, async () => {
    const digest = inputsDigest(inputs);
    if (existsSync(stamp) && readFileSync(stamp, "utf8") === digest) return false;
    await runOk(process.execPath, [tsxCli, script], { timeoutMs: 240_000 });
    writeFileSync(stamp, digest);
    return true;
  });
}

/** `npm run build`, unless dist/ was built from the current sources. */
export const ensureBuilt = (): Promise<boolean> =>
  ensureFresh("build", "scripts/build.ts", BUILD_INPUTS, path.join(distDir, ".build-stamp"));

export const siteDir = path.join(repoRoot, "site");
const DOCS_INPUTS = [
  "spec/openapi.yaml",
  "redocly.yaml",
  "src",
  "generated",
  "package.json",
  "tsconfig.json",
  "tsconfig.build.json",
  "typedoc.json",
  "scripts/docs.ts",
  "scripts/docs",
];

/** `npm run docs`, unless site/ was built from the current sources. */
export const ensureDocs = (): Promise<boolean> =>
  ensureFresh("docs", "scripts/docs.ts", DOCS_INPUTS, path.join(siteDir, ".docs-stamp"));

/** `npm` with the environment's noise (update notices, funding) turned off. */
export const npmEnv: NodeJS.ProcessEnv = {
  ...process.env,
  npm_config_update_notifier: "false",
  npm_config_fund: "false",
  npm_config_audit: "false",
};

/** A file in the tarball, as `npm pack --json` lists it. */
export interface PackedFile {
  path: string;
  size: number;
  mode: number;
}

/** What `npm pack --json` reports about the tarball it wrote. */
export interface PackReport {
  name: string;
  version: string;
  filename: string;
  size: number;
  unpackedSize: number;
  files: PackedFile[];
}

/** Everything that decides what `npm pack` puts in the tarball. */
const PACK_INPUTS = [
  ...BUILD_INPUTS,
  "README.md",
  "CHANGELOG.md",
  "LICENSE",
  ".npmignore",
  "spec/openapi.yaml",
];
const packDir = path.join(repoRoot, "node_modules", ".cache", "threadrun-pack");

/**
 * `npm pack` of the built package, unless a tarball was packed from the current content of what
 * goes in it: the package tests (the file list, the installed smoke test) share one tarball and
 * npm's report of it, instead of each starting npm to pack the same bytes.
 */
export async function ensurePacked(): Promise<{ tarball: string; report: PackReport }> {
  await ensureBuilt();
  return withLock("pack", async () => {
    const digest = inputsDigest(PACK_INPUTS);
    const reportFile = path.join(packDir, "report.json");
    if (existsSync(reportFile)) {
      const cached = JSON.parse(readFileSync(reportFile, "utf8")) as {
        digest: string;
        report: PackReport;
      };
      const tarball = path.join(packDir, cached.report.filename);
      if (cached.digest === digest && existsSync(tarball))
        return { tarball, report: cached.report };
    }
    rmSync(packDir, { recursive: true, force: true });
    mkdirSync(packDir, { recursive: true });
    const { stdout } = await runOk(
      "npm",
      ["pack", "--json", "--ignore-scripts", "--pack-destination", packDir],
      { env: npmEnv },
    );
    const report = (JSON.parse(stdout) as PackReport[])[0]!;
    writeFileSync(reportFile, JSON.stringify({ digest, report }));
    return { tarball: path.join(packDir, report.filename), report };
  });
}

/** Whether src/cli/main.ts exists (the `threadrun` bin is written in a separate issue). */
export const cliPresent = (): boolean => existsSync(path.join(repoRoot, "src", "cli", "main.ts"));
