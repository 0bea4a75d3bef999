/**
 * What must agree before a version is released (scripts/release-check.ts, run by
 * .github/workflows/release.yml on a version tag): the tag names package.json's version, the
 * CHANGELOG has an entry for it and nothing left under "Unreleased", and spec/previous/ holds this
 * release's spec, so that `npm run spec:diff` compares the next change with what users have.
 * Pure functions over file contents; the script reads the files.
 */

export interface ReleaseFiles {
  /** package.json's `version`. */
  packageVersion: string;
  changelog: string;
  /** spec/previous/release.json's `version`. */
  previousVersion: string;
  spec: string;
  previousSpec: string;
}

const TAG = /^v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/;
// "## 0.2.0", "## 0.2.0 - 2026-11-30", "## [0.2.0] - 2026-11-30" (Keep a Changelog).
const HEADING = /^## \[?([^\]\s]+)\]?(?:\s+-\s+\S.*)?\s*$/;

interface Section {
  title: string;
  body: string;
}

function sections(changelog: string): Section[] {
  const found: Section[] = [];
  let current: { title: string; lines: string[] } | undefined;
  for (const line of changelog.split(/\r?\n/)) {
    const heading = HEADING.exec(line);
    if (heading) {
      if (current) found.push({ title: current.title, body: current.lines.join("\n").trim() });
      current = { title: heading[1]!, lines: [] };
    } else if (current) {
      current.lines.push(line);
    }
  }
  if (current) found.push({ title: current.title, body: current.lines.join("\n").trim() });
  return found;
}

/** The CHANGELOG's entry for `version`, without its heading; undefined when there is none. */
export function releaseNotes(changelog: string, version: string): string | undefined {
  return sections(changelog).find((section) => section.title === version)?.body;
}

/** Every reason the tag cannot be released as it stands; empty when it can. */
export function releaseProblems(tag: string, files: ReleaseFiles): string[] {
  const problems: string[] = [];
  const match = TAG.exec(tag);
  if (!match) {
    return [`the tag must be "v" and a version, such as v${files.packageVersion}; got "${tag}"`];
  }
  const version = match[1]!;
  if (version !== files.packageVersion) {
    problems.push(`the tag ${tag} is not package.json's version ${files.packageVersion}`);
  }
  const all = sections(files.changelog);
  const notes = all.find((section) => section.title === version)?.body;
  if (notes === undefined) {
    problems.push(`CHANGELOG.md has no entry "## ${version} - <date>"`);
  } else if (notes === "") {
    problems.push(`CHANGELOG.md's entry for ${version} is empty`);
  }
  const unreleased = all.find((s) => s.title.toLowerCase() === "unreleased");
  if (unreleased !== undefined && unreleased.body !== "") {
    problems.push(
      `CHANGELOG.md still has entries under "Unreleased": move them into the ${version} entry`,
    );
  }
  if (files.previousVersion !== version) {
    problems.push(
      `spec/previous/release.json names ${files.previousVersion}, not ${version}: copy spec/openapi.yaml to spec/previous/ and set the version there (README, "Versioning")`,
    );
  } else if (files.previousSpec !== files.spec) {
    problems.push(
      `spec/previous/openapi.yaml differs from spec/openapi.yaml, the spec of ${version}`,
    );
  }
  return problems;
}
