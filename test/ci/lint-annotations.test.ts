/**
 * `npm run lint -- --format github-actions`, which ci.yml runs when the spec lint failed: every
 * problem becomes a GitHub `::error` command with the spec's file, line and column, so that it
 * shows as an annotation on that line.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { githubAnnotation } from "../../scripts/lib/github-annotations.js";
import { repoRoot, run } from "../package/helpers.js";

const lint = (...args: string[]) =>
  run(path.join(repoRoot, "node_modules/.bin/tsx"), ["scripts/lint-spec.ts", ...args]);

describe("spec lint annotations", () => {
  it("prints one ::error per problem, at the problem's line and column", async () => {
    const result = await lint("--format", "github-actions", "test/spec/fixtures/broken-ref.yaml");
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatch(
        /^::error file=test\/spec\/fixtures\/broken-ref.yaml,line=28,col=\d+,title=spec lint::/,
      );
    }
    expect(lines[0]).toContain("$ref '#/components/schemas/Missing' does not resolve");
  }, 60_000);

  it("prints nothing but the clean line on a clean spec", async () => {
    const result = await lint("--format", "github-actions");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^spec lint: clean \(\d+ ms\)\n$/);
  }, 60_000);

  it("refuses an unknown format, naming the allowed ones", async () => {
    const result = await lint("--format", "json");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'lint: --format must be "text" or "github-actions"; got "json"',
    );
  }, 60_000);

  it("escapes what would end the command early", () => {
    expect(
      githubAnnotation({
        file: "a,b:c.yaml",
        line: 3,
        column: 4,
        message: "100% bad\nsecond line",
      }),
    ).toBe("::error file=a%2Cb%3Ac.yaml,line=3,col=4,title=spec lint::100%25 bad%0Asecond line");
  });
});
