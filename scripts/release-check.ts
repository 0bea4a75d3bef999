/**
 * `npm run release:check -- <tag> [--notes FILE] [--root DIR]`
 *
 * Run by .github/workflows/release.yml before anything is published: exits 1, naming each
 * problem, unless the tag (v0.2.0) is package.json's version, CHANGELOG.md has a non-empty entry
 * for it and none under "Unreleased", and spec/previous/ was moved to this release. `--notes`
 * writes that CHANGELOG entry to FILE (the GitHub release's text). `--root` checks another
 * checkout (tests).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { releaseNotes, releaseProblems, type ReleaseFiles } from "./lib/release.js";

const { values, positionals } = parseArgs({
  options: { notes: { type: "string" }, root: { type: "string" } },
  allowPositionals: true,
});
const tag = positionals[0];
if (tag === undefined || positionals.length > 1) {
  console.error("usage: npm run release:check -- <tag, such as v0.2.0> [--notes FILE]");
  process.exit(2);
}
const root = path.resolve(
  values.root ?? path.join(path.dirname(fileURLToPath(import.meta.url)), ".."),
);
const read = (file: string): string => readFileSync(path.join(root, file), "utf8");
const versionIn = (file: string): string =>
  String((JSON.parse(read(file)) as { version?: unknown }).version);

const files: ReleaseFiles = {
  packageVersion: versionIn("package.json"),
  changelog: read("CHANGELOG.md"),
  previousVersion: versionIn("spec/previous/release.json"),
  spec: read("spec/openapi.yaml"),
  previousSpec: read("spec/previous/openapi.yaml"),
};
const problems = releaseProblems(tag, files);
if (problems.length > 0) {
  for (const problem of problems) console.error(`release: ${problem}`);
  process.exit(1);
}
if (values.notes !== undefined) {
  writeFileSync(values.notes, `${releaseNotes(files.changelog, files.packageVersion) ?? ""}\n`);
}
console.log(`release: ${tag} is ready (package.json, CHANGELOG.md and spec/previous/ agree)`);
