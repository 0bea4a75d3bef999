/**
 * bench/per-call-nodes.ts (`npm run bench:nodes`): the per-call benchmark and the idle-AbortSignal
 * micro-benchmark run in child processes on a given Node, their section of RESULTS.md (a table
 * per Node, the signal cost per Node), replaced in place, and kept when `npm run bench` rewrites the rest of the file. Only the
 * machine's own Node here (`--node current`): no download. Timings are never asserted.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  SECTION_END,
  SECTION_START,
  keepNodeSection,
  withNodeSection,
} from "../../bench/per-call-nodes.js";
import { repoRoot, runOk } from "../package/helpers.js";

const tsxCli = path.join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs");
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempFile(content: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "threadrun-bench-nodes-"));
  dirs.push(dir);
  const file = path.join(dir, "RESULTS.md");
  writeFileSync(file, content);
  return file;
}

const oldSection = `${SECTION_START}\n\n## Per-call cost on each Node\n\nstale numbers\n\n${SECTION_END}`;

describe("npm run bench:nodes", () => {
  it(
    "runs per-call and fetch-signal on the given Node and replaces their section of RESULTS.md in place",
    { timeout: 90_000 },
    async () => {
      const file = tempFile(`# threadrun benchmarks\n\nbefore\n\n${oldSection}\n\n## After\n`);
      const ran = await runOk(
        process.execPath,
        [tsxCli, "bench/per-call-nodes.ts", "--node", "current", "--tiny", "--out", file],
        { timeoutMs: 85_000 },
      );
      const markdown = readFileSync(file, "utf8");
      expect(markdown).not.toContain("stale numbers");
      expect(markdown.startsWith("# threadrun benchmarks\n\nbefore\n\n" + SECTION_START)).toBe(
        true,
      );
      expect(markdown.trimEnd().endsWith(`${SECTION_END}\n\n## After`)).toBe(true);
      expect(markdown.split(SECTION_START)).toHaveLength(2);

      const section = markdown.slice(markdown.indexOf(SECTION_START));
      expect(section).toContain(`**Node ${process.version}**`);
      const cell = String.raw`\d+\.\d \(\d+\.\d\d×\)`;
      const row = (name: string) => new RegExp(`^\\| ${name} +(\\| +${cell} +){4}\\|$`, "m");
      for (const name of [
        "raw fetch \\+ JSON\\.parse",
        "raw fetch, idle AbortSignal",
        "threadrun",
        "threadrun, caller's AbortSignal",
        "threadrun \\+ nodeHttp\\(\\)",
      ]) {
        expect(section).toMatch(row(name));
      }
      const ratio = String.raw`\d+\.\d\d× \(\d+\.\d\d–\d+\.\d\d\)`;
      // The micro-benchmark: per Node and clock, the two signal kinds in both modes.
      for (const clock of ["client CPU time", "wall time"]) {
        const node = process.version.replace(/\./g, "\\.");
        expect(section).toMatch(
          new RegExp(`^\\| ${node}, ${clock} +(\\| +${ratio} +){4}\\|$`, "m"),
        );
      }
      expect(section).toContain("idle AbortController signal, concurrency 16");
      expect(section).toContain("AbortSignal.timeout(60 s), sequential");
      expect(ran.stdout).toMatch(
        new RegExp(`^${process.version} fetch-signal, sequential: an idle signal adds`, "m"),
      );
    },
  );

  it("appends the section to a file that has none", () => {
    expect(withNodeSection("# benchmarks\n\ntext\n", `${oldSection}\n`)).toBe(
      `# benchmarks\n\ntext\n\n${oldSection}\n`,
    );
    expect(withNodeSection("", `${oldSection}\n`)).toBe(`${oldSection}\n`);
  });

  it(
    "npm run bench keeps the section when it rewrites RESULTS.md",
    { timeout: 90_000 },
    async () => {
      const file = tempFile(`# old results\n\n${oldSection}\n`);
      expect(keepNodeSection("# new results\n", file)).toBe(`# new results\n\n${oldSection}\n`);
      // bench/run.ts itself, with a fast benchmark, writing over that file.
      await runOk(
        process.execPath,
        [tsxCli, "bench/run.ts", "--only", "convert", "--tiny", "--out", file],
        { timeoutMs: 85_000 },
      );
      const markdown = readFileSync(file, "utf8");
      expect(markdown).not.toContain("# old results");
      expect(markdown).toContain("## Conversion");
      expect(markdown.trimEnd().endsWith(oldSection)).toBe(true);
    },
  );
});
