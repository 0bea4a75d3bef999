/**
 * What `npm pack` puts in the tarball: what a user needs (dist/, the spec, README, CHANGELOG,
 * package.json) and nothing else (no tests, fixtures, scripts, bench, TypeScript sources).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cliPresent, ensurePacked, repoRoot, type PackReport } from "./helpers.js";

let report: PackReport;
let paths: string[];

beforeAll(async () => {
  // The tarball the smoke test installs: the file list checked here is what users get.
  ({ report } = await ensurePacked());
  paths = report.files.map((file) => file.path).sort();
  console.log(
    `npm pack: ${paths.length} files, ${(report.size / 1024).toFixed(1)} KiB packed, ` +
      `${(report.unpackedSize / 1024).toFixed(1)} KiB unpacked`,
  );
}, 300_000);

describe("npm pack", () => {
  it("contains exactly the expected top-level paths", () => {
    const topLevel = [...new Set(paths.map((file) => file.split("/")[0]!))].sort();
    // npm always adds README* and LICENSE* when they exist; README.md is listed in `files`.
    const expected = ["CHANGELOG.md", "dist", "package.json", "spec"];
    if (existsSync(path.join(repoRoot, "README.md"))) expected.push("README.md");
    if (existsSync(path.join(repoRoot, "LICENSE"))) expected.push("LICENSE");
    expect(topLevel).toEqual(expected.sort());
    expect(paths.filter((file) => file.startsWith("spec/"))).toEqual(["spec/openapi.yaml"]);
    expect([...new Set(paths.filter((f) => f.startsWith("dist/")).map(dir2))].sort()).toEqual([
      "dist/generated",
      "dist/src",
    ]);
  });

  it("contains no tests, fixtures, scripts, benchmarks or TypeScript sources", () => {
    const offending = paths.filter(
      (file) =>
        /(^|\/)(test|tests|__tests__|fixtures|scripts|bench|coverage|\.ci)\//.test(file) ||
        /\.(test|spec|test-d)\.[cm]?[jt]s$/.test(file) ||
        /\.tgz$/.test(file) ||
        (/\.[cm]?ts$/.test(file) && !/\.d\.[cm]?ts$/.test(file)),
    );
    expect(offending).toEqual([]);
  });

  it("ships bundled JavaScript with source maps, and declarations for every module", () => {
    // JavaScript: one bundle per entry point plus shared chunks (scripts/build.ts says why).
    const js = paths.filter((file) => file.endsWith(".js"));
    expect(js.length).toBeGreaterThanOrEqual(3);
    for (const file of js) {
      expect(paths, `source map for ${file}`).toContain(`${file}.map`);
      if (!file.includes("/chunks/")) {
        expect(paths, `declarations for ${file}`).toContain(file.replace(/\.js$/, ".d.ts"));
      }
    }
    expect(paths.filter((file) => file.endsWith(".d.ts")).length).toBeGreaterThan(10);
    const other = paths.filter(
      (file) => file.startsWith("dist/") && !/\.(js|d\.ts|js\.map)$/.test(file),
    );
    expect(other).toEqual([]);
  });

  it("contains every entry point named in package.json", () => {
    for (const entry of [
      "dist/src/index.js",
      "dist/src/index.d.ts",
      "dist/src/testing/index.js",
      "dist/src/testing/index.d.ts",
    ]) {
      expect(paths).toContain(entry);
    }
  });

  it.skipIf(!cliPresent())("contains the executable threadrun bin", () => {
    const bin = report.files.find((file) => file.path === "dist/src/cli/main.js");
    expect(bin, "dist/src/cli/main.js").toBeDefined();
    expect(bin!.mode & 0o111, "bin is executable").not.toBe(0);
  });
});

function dir2(file: string): string {
  return file.split("/").slice(0, 2).join("/");
}
