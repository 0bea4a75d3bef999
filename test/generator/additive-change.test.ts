/**
 * A maintainer adds a nullable timestamp to the run, regenerates, and nothing else changes: the
 * spec, generator and model tests, the type tests and the type check of the whole project still
 * pass. Done on a copy of the project, so the real spec and generated/ are never touched.
 */
import { execFile } from "node:child_process";
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = process.cwd();
const LEFT_OUT = new Set([
  "node_modules",
  ".git",
  "dist",
  "site",
  "test-artifacts",
  ".readme-examples",
]);
const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Runs a command in `cwd`; resolves with its exit code and output. */
function run(cwd: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      {
        cwd,
        timeout: 280_000,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: "1" },
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        resolve({ code, output: `${stdout}\n${stderr}` });
      },
    );
  });
}

/** Every file under `dir`, relative, the left-out folders aside. */
function files(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (LEFT_OUT.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full, base) : [path.relative(base, full)];
  });
}

const PAUSED_AT = [
  "        paused_at:",
  '          type: [integer, "null"]',
  "          format: unixtime",
  "          description: When the run was paused, as Unix time in seconds; `null` otherwise.",
  "",
].join("\n");

describe("an added nullable timestamp", () => {
  it("passes the spec, generator, model and type checks with only spec/ and generated/ changed", async () => {
    const copy = mkdtempSync(path.join(tmpdir(), "threadrun-additive-"));
    copies.push(copy);
    cpSync(root, copy, {
      recursive: true,
      filter: (source) => !LEFT_OUT.has(path.basename(source)) || source === root,
    });
    symlinkSync(path.join(root, "node_modules"), path.join(copy, "node_modules"), "dir");

    const specFile = path.join(copy, "spec/openapi.yaml");
    const spec = readFileSync(specFile, "utf8");
    const anchor = "        failed_at:\n";
    expect(spec).toContain(anchor);
    writeFileSync(specFile, spec.replace(anchor, PAUSED_AT + anchor));

    const generated = await run(copy, ["node_modules/tsx/dist/cli.mjs", "scripts/generate.ts"]);
    expect(generated.code, generated.output).toBe(0);
    expect(readFileSync(path.join(copy, "generated/model.ts"), "utf8")).toContain(
      "pausedAt: Date | null;",
    );

    // Nothing but the spec and generated/ differs from the project.
    const changed = files(copy).filter((file) => {
      const original = path.join(root, file);
      try {
        return readFileSync(original, "utf8") !== readFileSync(path.join(copy, file), "utf8");
      } catch {
        return true;
      }
    });
    for (const file of changed) expect(file).toMatch(/^(spec\/openapi\.yaml|generated\/)/);

    const typecheck = await run(copy, [
      "node_modules/typescript/bin/tsc",
      "-p",
      "tsconfig.json",
      "--noEmit",
    ]);
    expect(typecheck.code, typecheck.output).toBe(0);

    const tests = await run(copy, [
      "node_modules/vitest/vitest.mjs",
      "run",
      "test/spec",
      "test/generator/round-trip",
      "test/generator/generate",
      "test/generator/seed-interface",
      "test/client/sparse-answers",
      "test/client/dates",
    ]);
    expect(tests.code, tests.output.slice(-4000)).toBe(0);
    expect(tests.output).toMatch(/Tests\s+\d+ passed/);
  }, 300_000);
});
