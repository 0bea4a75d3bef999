/**
 * `npm run lint [-- [--format text|github-actions] path/to/spec.yaml]` (default
 * `spec/openapi.yaml`, `--format text`).
 *
 * 1. `checkSpec` (YAML, refs, `nullable`, every example against its schema with Ajv 2020),
 * 2. `redocly lint` with ./redocly.yaml (recommended-strict + our configurable rules).
 *
 * Prints every problem as `file:line:col: message` and exits 1 on any error or warning from
 * either; otherwise prints one line `spec lint: clean (N ms)` and exits 0. With
 * `--format github-actions` each problem is printed as a GitHub Actions `::error` command instead,
 * so that CI shows it as an annotation on the spec's line.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { githubAnnotation } from "./lib/github-annotations.js";
import { checkSpec, formatProblem } from "./lib/spec-check.js";
import type { SpecProblem } from "./lib/spec-check.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const redoclyBin = path.join(repoRoot, "node_modules", ".bin", "redocly");
const redoclyConfig = path.join(repoRoot, "redocly.yaml");

interface RedoclyLocation {
  source?: { ref?: string };
  pointer?: string;
  start?: { line?: number; col?: number };
}

interface RedoclyProblem {
  ruleId?: string;
  severity?: string;
  message?: string;
  location?: RedoclyLocation[];
}

interface RedoclyReport {
  totals?: { errors?: number; warnings?: number };
  problems?: RedoclyProblem[];
}

function run(
  command: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: {
        ...process.env,
        NO_COLOR: "1",
        FORCE_COLOR: "0",
        REDOCLY_TELEMETRY: "off",
        REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function relativeToCwd(file: string): string {
  const absolute = path.resolve(file);
  const relative = path.relative(process.cwd(), absolute);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative)
    ? relative
    : absolute;
}

/** Drops Redocly's boxed Node-20 deprecation banner and blank lines. */
function withoutBanner(text: string): string {
  return text
    .split("\n")
    .filter((line) => !/^\s*[╔║╚]/.test(line) && line.trim() !== "")
    .join("\n");
}

async function redoclyLint(file: string): Promise<SpecProblem[]> {
  const { code, stdout, stderr } = await run(redoclyBin, [
    "lint",
    file,
    "--config",
    redoclyConfig,
    "--format=json",
  ]);
  const start = stdout.indexOf("{");
  let report: RedoclyReport | undefined;
  if (start >= 0) {
    try {
      report = JSON.parse(stdout.slice(start)) as RedoclyReport;
    } catch {
      report = undefined;
    }
  }
  if (report === undefined) {
    const details = withoutBanner(stderr + "\n" + stdout) || `exit code ${String(code)}`;
    return [
      { file: relativeToCwd(file), line: 1, column: 1, message: `redocly lint failed: ${details}` },
    ];
  }
  const problems: SpecProblem[] = (report.problems ?? []).map((problem) => {
    const location = problem.location?.[0];
    const pointer = location?.pointer ? ` (${location.pointer})` : "";
    return {
      file: relativeToCwd(location?.source?.ref ?? file),
      line: location?.start?.line ?? 1,
      column: location?.start?.col ?? 1,
      message: `redocly ${problem.severity ?? "error"} ${problem.ruleId ?? "?"}: ${problem.message ?? ""}${pointer}`,
    };
  });
  const counted = (report.totals?.errors ?? 0) + (report.totals?.warnings ?? 0);
  if (problems.length === 0 && (counted > 0 || code !== 0)) {
    problems.push({
      file: relativeToCwd(file),
      line: 1,
      column: 1,
      message: `redocly lint reported ${counted} problem(s) (exit code ${String(code)})`,
    });
  }
  return problems;
}

async function main(): Promise<number> {
  const started = performance.now();
  const { values, positionals } = parseArgs({
    options: { format: { type: "string", default: "text" } },
    allowPositionals: true,
  });
  const format = values.format;
  if (format !== "text" && format !== "github-actions") {
    throw new TypeError(`--format must be "text" or "github-actions"; got "${format}"`);
  }
  if (positionals.length > 1) {
    throw new TypeError(
      `lint takes one spec file; got ${positionals.length}: ${positionals.join(" ")}`,
    );
  }
  const file = positionals[0] ?? "spec/openapi.yaml";

  const { spec, problems } = await checkSpec(file);
  // Without a parsed document Redocly can only repeat the YAML error.
  const redoclyProblems = spec === undefined ? [] : await redoclyLint(file);
  const all = [...problems, ...redoclyProblems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );

  if (all.length > 0) {
    for (const problem of all) {
      if (format === "github-actions") console.log(githubAnnotation(problem));
      else console.error(formatProblem(problem));
    }
    console.error(`spec lint: ${all.length} problem(s) in ${relativeToCwd(file)}`);
    return 1;
  }
  console.log(`spec lint: clean (${Math.round(performance.now() - started)} ms)`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A usage error is the user's, not a crash: its message is enough.
    const usage =
      error instanceof TypeError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    console.error(
      error instanceof Error
        ? usage
          ? `lint: ${error.message}`
          : (error.stack ?? error.message)
        : String(error),
    );
    process.exitCode = 1;
  },
);
