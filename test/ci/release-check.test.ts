/**
 * scripts/release-check.ts (`npm run release:check -- <tag>`), which release.yml runs before
 * anything is published: the tag, package.json, the CHANGELOG and spec/previous/ must agree, and
 * `--notes` writes the CHANGELOG entry that becomes the GitHub release's text.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { releaseNotes, releaseProblems, type ReleaseFiles } from "../../scripts/lib/release.js";
import { repoRoot, run } from "../package/helpers.js";

const CHANGELOG = `# Changelog

## Unreleased

## 0.2.0 - 2026-11-30

### Changed (breaking)

- one thing

## 0.1.0

- first
`;

const ready: ReleaseFiles = {
  packageVersion: "0.2.0",
  changelog: CHANGELOG,
  previousVersion: "0.2.0",
  spec: "openapi: 3.1.0\n",
  previousSpec: "openapi: 3.1.0\n",
};

describe("releaseProblems", () => {
  it("has none when everything agrees (an empty Unreleased heading is fine)", () => {
    expect(releaseProblems("v0.2.0", ready)).toEqual([]);
  });

  it("refuses a tag that is not v<version>, or another version than package.json's", () => {
    expect(releaseProblems("0.2.0", ready)).toEqual([
      'the tag must be "v" and a version, such as v0.2.0; got "0.2.0"',
    ]);
    expect(releaseProblems("v0.3.0", { ...ready })).toContain(
      "the tag v0.3.0 is not package.json's version 0.2.0",
    );
  });

  it("refuses a version without a CHANGELOG entry, or with an empty one", () => {
    expect(releaseProblems("v0.2.0", { ...ready, changelog: "## 0.1.0\n\n- first\n" })).toContain(
      'CHANGELOG.md has no entry "## 0.2.0 - <date>"',
    );
    expect(
      releaseProblems("v0.2.0", {
        ...ready,
        changelog: "## 0.2.0 - 2026-11-30\n\n## 0.1.0\n- a\n",
      }),
    ).toContain("CHANGELOG.md's entry for 0.2.0 is empty");
  });

  it("refuses entries left under Unreleased", () => {
    const changelog = CHANGELOG.replace("## Unreleased\n", "## Unreleased\n\n- forgotten\n");
    expect(releaseProblems("v0.2.0", { ...ready, changelog })).toEqual([
      'CHANGELOG.md still has entries under "Unreleased": move them into the 0.2.0 entry',
    ]);
  });

  it("refuses a spec/previous/ not moved to this release", () => {
    expect(releaseProblems("v0.2.0", { ...ready, previousVersion: "0.1.0" })[0]).toMatch(
      /^spec\/previous\/release.json names 0.1.0, not 0.2.0: copy spec\/openapi.yaml/,
    );
    expect(releaseProblems("v0.2.0", { ...ready, previousSpec: "openapi: 3.0.0\n" })).toEqual([
      "spec/previous/openapi.yaml differs from spec/openapi.yaml, the spec of 0.2.0",
    ]);
  });

  it("reads Keep a Changelog headings with brackets too", () => {
    const changelog = CHANGELOG.replace("## 0.2.0 - 2026-11-30", "## [0.2.0] - 2026-11-30");
    expect(releaseProblems("v0.2.0", { ...ready, changelog })).toEqual([]);
    expect(releaseNotes(changelog, "0.2.0")).toBe("### Changed (breaking)\n\n- one thing");
  });
});

describe("npm run release:check", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A checkout with just the files the check reads, at package version 0.2.0. */
  function checkout(previousVersion: string): string {
    const root = mkdtempSync(path.join(tmpdir(), "threadrun-release-"));
    dirs.push(root);
    mkdirSync(path.join(root, "spec", "previous"), { recursive: true });
    writeFileSync(path.join(root, "package.json"), JSON.stringify({ version: "0.2.0" }));
    writeFileSync(path.join(root, "CHANGELOG.md"), CHANGELOG);
    cpSync(path.join(repoRoot, "spec/openapi.yaml"), path.join(root, "spec/openapi.yaml"));
    cpSync(path.join(repoRoot, "spec/openapi.yaml"), path.join(root, "spec/previous/openapi.yaml"));
    writeFileSync(
      path.join(root, "spec/previous/release.json"),
      JSON.stringify({ version: previousVersion }),
    );
    return root;
  }

  const releaseCheck = (...args: string[]) =>
    run(path.join(repoRoot, "node_modules/.bin/tsx"), ["scripts/release-check.ts", ...args]);

  it("passes a ready checkout and writes the CHANGELOG entry as the release notes", async () => {
    const root = checkout("0.2.0");
    const notes = path.join(root, "notes.md");
    const result = await releaseCheck("v0.2.0", "--root", root, "--notes", notes);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("release: v0.2.0 is ready");
    expect(readFileSync(notes, "utf8")).toBe("### Changed (breaking)\n\n- one thing\n");
  });

  it("fails, naming each problem, and writes no notes", async () => {
    const root = checkout("0.1.0");
    const notes = path.join(root, "notes.md");
    const result = await releaseCheck("v0.3.0", "--root", root, "--notes", notes);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("release: the tag v0.3.0 is not package.json's version 0.2.0");
    expect(result.stderr).toContain('release: CHANGELOG.md has no entry "## 0.3.0 - <date>"');
    expect(result.stderr).toContain("release: spec/previous/release.json names 0.1.0, not 0.3.0");
    expect(() => readFileSync(notes)).toThrow();
  });

  it("without a tag, prints its usage and exits 2", async () => {
    const result = await releaseCheck();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("usage: npm run release:check -- <tag");
  });
});
