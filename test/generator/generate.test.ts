import { execFile } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../scripts/lib/generate-all.js";
import { pausedRunFromWire, pausedRunToWire } from "./fixtures/generated/model.js";

const FIXTURE_SPEC = "test/generator/fixtures/paused-run.yaml";
const FIXTURE_OUT = "test/generator/fixtures/generated";
const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "threadrun-gen-"));
  temps.push(dir);
  return dir;
};
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("npm run generate", () => {
  it("generated/ is what spec/openapi.yaml generates (drift check)", async () => {
    const result = await generate({
      specFile: "spec/openapi.yaml",
      outDir: "generated",
      check: true,
    });
    expect(result.problems).toEqual([]);
    expect(result.stale).toEqual([]);
  });

  it("the fixture's generated/ is fresh too, made by the same script", async () => {
    const result = await generate({
      specFile: FIXTURE_SPEC,
      outDir: FIXTURE_OUT,
      check: true,
      command: `npm run generate -- --spec ${FIXTURE_SPEC} --out ${FIXTURE_OUT}`,
    });
    expect(result.stale).toEqual([]);
  });

  it("check mode notices a hand edit", async () => {
    const out = tempDir();
    cpSync("generated", out, { recursive: true });
    const file = path.join(out, "model.ts");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("createdAt: Date;", "createdAt: number;"),
    );
    const result = await generate({ specFile: "spec/openapi.yaml", outDir: out, check: true });
    expect(result.stale).toEqual([file]);
  });

  it("heads every file with its source, the spec's hash and the command", () => {
    for (const file of readdirSync("generated")) {
      const head = readFileSync(path.join("generated", file), "utf8")
        .split("\n")
        .slice(0, 3)
        .join("\n");
      expect(head).toMatch(/^\/\/ This file is generated: do not edit it by hand\./);
      expect(head).toMatch(/Source: {2}spec\/openapi\.yaml \(sha256 [0-9a-f]{64}\)/);
      expect(head).toContain("Command: npm run generate");
    }
  });

  it("turns a new unixtime field of a spec into a Date, with no hand-written change", () => {
    const model = pausedRunFromWire({
      id: "run_1",
      created_at: 1699076126,
      paused_at: 1699076200,
      metadata: { user_id: "u_1" },
      usage: { prompt_tokens: 1, total_tokens: 2 },
    });
    expect(model.pausedAt).toBeInstanceOf(Date);
    expect(model.pausedAt?.toISOString()).toBe("2023-11-04T05:36:40.000Z");
    expect(model.usage?.promptTokens).toBe(1);
    expect(model.metadata).toEqual({ user_id: "u_1" });
    expect(pausedRunToWire(model).paused_at).toBe(1699076200);
  });

  it("generates the fixture from scratch into a new folder, the same as committed", async () => {
    const out = tempDir();
    const result = await generate({
      specFile: FIXTURE_SPEC,
      outDir: out,
      command: `npm run generate -- --spec ${FIXTURE_SPEC} --out ${FIXTURE_OUT}`,
    });
    expect(result.problems).toEqual([]);
    for (const file of readdirSync(FIXTURE_OUT)) {
      expect(readFileSync(path.join(out, file), "utf8"), file).toBe(
        readFileSync(path.join(FIXTURE_OUT, file), "utf8"),
      );
    }
  });

  describe("refuses a bad spec with the file and line, leaving the output untouched", () => {
    const spec = readFileSync("spec/openapi.yaml", "utf8");
    const lineOf = (text: string, needle: string) =>
      text.slice(0, text.indexOf(needle)).split("\n").length;

    const cases: [string, (s: string) => string, string][] = [
      ["malformed YAML", (s) => s.replace("paths:\n", "paths:\n  : [unclosed\n"), ": [unclosed"],
      [
        "a broken $ref",
        (s) =>
          s.replace(
            '$ref: "#/components/schemas/RunStatus"',
            '$ref: "#/components/schemas/NoSuchSchema"',
          ),
        "NoSuchSchema",
      ],
      [
        "an invalid example",
        (s) => s.replace("created_at: 1699076126", 'created_at: "yesterday"'),
        '"yesterday"',
      ],
      [
        "an optional field with no reading for its absence (not nullable, no list, no default)",
        (s) =>
          s.replace(
            "        parallel_tool_calls:\n          type: boolean\n          default: true\n",
            "        parallel_tool_calls:\n          type: boolean\n",
          ),
        "        parallel_tool_calls:\n          type: boolean",
      ],
      [
        "an operation without a description (the structural lint runs in generate)",
        (s) =>
          s.replace(
            "      summary: Retrieve a run\n      description: |\n",
            "      summary: Retrieve a run\n      x-note: |\n",
          ),
        "    get:\n      operationId: getRun",
      ],
      [
        "a default of another type than its field",
        (s) => s.replace("          default: true\n", '          default: "yes"\n'),
        'default: "yes"',
      ],
    ];

    it.each(cases)("%s", async (_name, breakIt, needle) => {
      const broken = breakIt(spec);
      expect(broken, "the fixture edit applied").not.toBe(spec);
      const dir = tempDir();
      const file = path.join(dir, "openapi.yaml");
      writeFileSync(file, broken);
      const out = path.join(dir, "out");
      cpSync("generated", out, { recursive: true });
      const before = readdirSync(out).map((f) => readFileSync(path.join(out, f), "utf8"));

      const result = await generate({ specFile: file, outDir: out });

      expect(result.problems.length).toBeGreaterThan(0);
      const line = lineOf(broken, needle);
      // "file:line:col: message", with the line of the offending node (or the one after it).
      const [first] = result.problems;
      expect(first).toMatch(new RegExp(`openapi\\.yaml:(${line}|${line + 1}):\\d+: `));
      expect(first).not.toMatch(/\n\s+at /); // a message, not a stack trace
      expect(readdirSync(out).map((f) => readFileSync(path.join(out, f), "utf8"))).toEqual(before);
    });
  });
});

describe("npm run generate without tsx (scripts/run-bundled.mjs)", () => {
  const run = promisify(execFile);
  const cache = path.join("node_modules", ".cache", "threadrun-scripts");
  const leftBundles = () =>
    existsSync(cache) ? readdirSync(cache).filter((f) => f.startsWith("generate-")) : [];

  it("runs the generator as tsx does: generated/ is up to date, and no bundle is left", async () => {
    const before = leftBundles();
    const { stdout } = await run(process.execPath, [
      "scripts/run-bundled.mjs",
      "scripts/generate.ts",
      "--check",
    ]);
    expect(stdout).toMatch(/^generate --check: generated\/ is up to date \(\d+ ms\)$/m);
    expect(leftBundles()).toEqual(before);
  }, 60_000);

  it("exits 1 on a refused spec, and no bundle is left", async () => {
    const before = leftBundles();
    const dir = tempDir();
    const file = path.join(dir, "openapi.yaml");
    writeFileSync(file, "openapi: 3.1.0\npaths:\n  : [unclosed\n");
    const result = await run(process.execPath, [
      "scripts/run-bundled.mjs",
      "scripts/generate.ts",
      "--spec",
      file,
      "--out",
      path.join(dir, "out"),
    ]).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/openapi\.yaml:\d+:\d+: YAML syntax error/);
    expect(existsSync(path.join(dir, "out"))).toBe(false);
    expect(leftBundles()).toEqual(before);
  }, 60_000);
});
