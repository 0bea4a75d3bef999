/** scripts/lib/spec-check.ts on the real spec and on the broken fixtures. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkSpec, formatProblem } from "../../scripts/lib/spec-check.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");
const fixture = (name: string): string => path.join(here, "fixtures", name);

describe("checkSpec on spec/openapi.yaml", () => {
  it("finds no problems and returns the parsed document", async () => {
    const { spec, problems } = await checkSpec(path.join(repoRoot, "spec/openapi.yaml"));
    expect(problems.map(formatProblem)).toEqual([]);
    expect(spec?.document["openapi"]).toBe("3.1.0");
    expect(spec?.text).toContain("x-terminal-values");
    expect(spec?.file).toBe(path.relative(process.cwd(), path.join(repoRoot, "spec/openapi.yaml")));
  });
});

describe("checkSpec on broken fixtures", () => {
  it.each([
    [
      "malformed-yaml.txt",
      22,
      1,
      /YAML syntax error: All mapping items must start at the same column/,
    ],
    ["broken-ref.yaml", 28, 17, /\$ref '#\/components\/schemas\/Missing' does not resolve/],
    [
      "invalid-example.yaml",
      54,
      9,
      /example #\/components\/examples\/Thing does not match #\/components\/schemas\/Thing: \/created_at must be integer/,
    ],
    ["nullable.yaml", 42, 11, /the keyword `nullable` is not allowed/],
  ] as const)("%s fails at line %i", async (name, line, column, message) => {
    const { problems } = await checkSpec(fixture(name));
    expect(problems.length).toBeGreaterThan(0);
    const first = problems[0]!;
    expect(first.file.endsWith(path.join("fixtures", name))).toBe(true);
    expect(first.line).toBe(line);
    expect(first.column).toBe(column);
    expect(first.message).toMatch(message);
    expect(formatProblem(first)).toMatch(
      new RegExp(`fixtures/${name.replace(/\./g, "\\.")}:${line}:${column}: `),
    );
  });

  it("returns no document for malformed YAML, but one for a broken ref", async () => {
    expect((await checkSpec(fixture("malformed-yaml.txt"))).spec).toBeUndefined();
    expect((await checkSpec(fixture("broken-ref.yaml"))).spec?.document).toBeDefined();
  });

  it("reports a missing file as a problem instead of throwing", async () => {
    const { spec, problems } = await checkSpec(fixture("does-not-exist.yaml"));
    expect(spec).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/ENOENT/);
  });

  it("formats problems as file:line:col: message", () => {
    expect(
      formatProblem({ file: "spec/openapi.yaml", line: 123, column: 5, message: "boom" }),
    ).toBe("spec/openapi.yaml:123:5: boom");
  });
});
