/**
 * `npm run lint` end to end (checkSpec + redocly lint with ./redocly.yaml), on the real spec and
 * on fixtures that each break one check or one of our configurable Redocly rules.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");
const TIMEOUT = 60_000;

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: repoRoot, timeout: TIMEOUT, env: { ...process.env, NO_COLOR: "1" } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const lintScript = (file: string): Promise<RunResult> =>
  run(path.join(repoRoot, "node_modules/.bin/tsx"), [
    "scripts/lint-spec.ts",
    path.join("test/spec/fixtures", file),
  ]);

describe("npm run lint", () => {
  it(
    "passes on spec/openapi.yaml with zero errors and zero warnings",
    async () => {
      const npm = process.platform === "win32" ? "npm.cmd" : "npm";
      const result = await run(npm, ["run", "--silent", "lint"]);
      expect(result.stderr.replace(/^npm warn .*$/gm, "").trim()).toBe("");
      expect(result.stdout).toMatch(/^spec lint: clean \(\d+ ms\)$/m);
      expect(result.code).toBe(0);
    },
    TIMEOUT,
  );

  it.each([
    ["malformed-yaml.txt", 22, /YAML syntax error/],
    ["broken-ref.yaml", 28, /\$ref '#\/components\/schemas\/Missing' does not resolve/],
    ["invalid-example.yaml", 54, /\/created_at must be integer/],
    ["nullable.yaml", 42, /the keyword `nullable` is not allowed/],
  ] as const)(
    "fails on %s, naming the file and line %i",
    async (name, line, message) => {
      const result = await lintScript(name);
      expect(result.code).toBe(1);
      const location = `test/spec/fixtures/${name}:${line}:`;
      const lines = result.stderr.split("\n").filter((l) => l.startsWith(location));
      expect(
        lines.some((l) => message.test(l)),
        result.stderr,
      ).toBe(true);
      expect(result.stdout).not.toMatch(/clean/);
    },
    TIMEOUT,
  );
});

describe("custom Redocly rules in redocly.yaml", () => {
  it.each([
    ["rule-timestamp-format.yaml", "rule/timestamp-format-unixtime", 44],
    ["rule-operation-description.yaml", "rule/operation-has-description", 18],
    ["rule-operation-4xx.yaml", "rule/operation-has-4xx-response", 22],
    ["nullable.yaml", "rule/no-nullable-keyword", 42],
  ] as const)(
    "%s triggers %s (line %i)",
    async (name, ruleId, line) => {
      const result = await lintScript(name);
      expect(result.code).toBe(1);
      const hit = result.stderr
        .split("\n")
        .find((l) => l.startsWith(`test/spec/fixtures/${name}:${line}:`) && l.includes(ruleId));
      expect(hit, result.stderr).toBeDefined();
      expect(hit).toMatch(/redocly error/);
    },
    TIMEOUT,
  );
});
