/**
 * `npm run spec:diff [-- --base FILE --revision FILE --released X.Y.Z --version X.Y.Z]`
 *
 * Compares spec/openapi.yaml with the spec of the previous release (spec/previous/openapi.yaml,
 * released as the version in spec/previous/release.json) using `redocly diff` with the
 * `diff-recommended` rules, which rate every change by the semver bump it needs. Exits 1 when the
 * change is breaking ("major") and package.json's version is not a breaking bump of the released
 * one.
 *
 * The rule (semver §4 and npm's caret ranges):
 * - from 1.0.0 on, a breaking bump increments MAJOR (1.4.2 → 2.0.0);
 * - on 0.y.z with y > 0, incrementing MINOR (or MAJOR) is breaking (0.1.0 → 0.2.0);
 * - on 0.0.z, every release is breaking (0.0.3 → 0.0.4).
 * Minor and patch spec changes are reported but never fail: any release may add things.
 *
 * Redocly rates changes by the wire alone. For the model (what users compile against and what
 * the client accepts) scripts/lib/model-diff.ts rates them instead: a removed enum value is
 * breaking, and a change to a model schema's `required` is rated by its effect on the generated
 * types (see that file); Redocly's own verdicts on those `required` lists are replaced.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parseLocalRef } from "./lib/json.js";
import { diffModels, modelSchemas, type Impact, type ModelVerdict } from "./lib/model-diff.js";
import { checkSpec, type LoadedSpec } from "./lib/spec-check.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const redoclyBin = path.join(repoRoot, "node_modules", ".bin", "redocly");
const diffConfig = path.join(repoRoot, "scripts", "spec-diff.redocly.yaml");

type Bump = "major" | "minor" | "patch" | "none";

interface Verdict {
  ruleId?: string;
  location?: { file?: string; line?: number; col?: number; pointer?: string };
  impact?: Bump;
  message?: string;
}

interface DiffReport {
  summary?: { major?: number; minor?: number; patch?: number };
  bump?: Bump;
  changes?: { impact?: Bump; verdicts?: Verdict[] }[];
}

type Version = [number, number, number];

export function parseVersion(text: string): Version {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(text.trim());
  if (!match) throw new Error(`not a semver version: ${JSON.stringify(text)}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** Whether going from `released` to `next` is a breaking (semver "major") bump; see above. */
export function isBreakingBump(released: Version, next: Version): boolean {
  if (compare(next, released) <= 0) return false;
  if (next[0] !== released[0]) return true;
  if (released[0] === 0 && next[1] !== released[1]) return true;
  if (released[0] === 0 && released[1] === 0) return true;
  return false;
}

const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** Redocly's verdicts on a model schema's `required`: the model diff rates those instead. */
const REQUIRED_RULES = new Set(["required-properties-removed", "required-properties-added"]);

/** Whether a Redocly verdict is about the `required` list of a schema the model reaches. */
export function isModelRequiredVerdict(verdict: Verdict, schemas: ReadonlySet<string>): boolean {
  if (!REQUIRED_RULES.has(verdict.ruleId ?? "")) return false;
  const [components, schemasKey, name] = parseLocalRef(verdict.location?.pointer ?? "") ?? [];
  return (
    components === "components" &&
    schemasKey === "schemas" &&
    name !== undefined &&
    schemas.has(name)
  );
}

/** A model verdict as a line like Redocly's, with the file and line of the change. */
function modelLine(verdict: ModelVerdict, base: LoadedSpec, revision: LoadedSpec): string {
  const spec = verdict.side === "base" ? base : revision;
  const { line, column } = spec.locate(verdict.path);
  return `  ${verdict.impact}  ${path.relative(repoRoot, path.resolve(spec.file))}:${line}:${column}: ${verdict.message}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      base: { type: "string", default: "spec/previous/openapi.yaml" },
      revision: { type: "string", default: "spec/openapi.yaml" },
      released: { type: "string" },
      version: { type: "string" },
    },
  });
  const started = performance.now();
  const base = path.resolve(repoRoot, values.base);
  const revision = path.resolve(repoRoot, values.revision);
  const releasedText =
    values.released ??
    (
      JSON.parse(readFileSync(path.join(path.dirname(base), "release.json"), "utf8")) as {
        version: string;
      }
    ).version;
  const versionText =
    values.version ??
    (JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string })
      .version;
  const released = parseVersion(releasedText);
  const version = parseVersion(versionText);
  if (compare(version, released) < 0) {
    console.error(
      `spec diff: package version ${versionText} is older than the released ${releasedText}`,
    );
    process.exit(1);
  }

  const outDir = mkdtempSync(path.join(tmpdir(), "threadrun-spec-diff-"));
  const reportFile = path.join(outDir, "diff.json");
  let report: DiffReport;
  try {
    const result = spawnSync(
      redoclyBin,
      [
        "diff",
        base,
        revision,
        "--config",
        diffConfig,
        "--format",
        "json",
        "--fail-on",
        "none",
        "--output",
        reportFile,
      ],
      {
        cwd: repoRoot,
        encoding: "utf8",
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      },
    );
    if (result.status !== 0) {
      console.error(result.stdout, result.stderr);
      console.error(`spec diff: redocly diff failed (exit ${result.status ?? result.signal})`);
      process.exit(1);
    }
    report = JSON.parse(readFileSync(reportFile, "utf8")) as DiffReport;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }

  const [baseSpec, revisionSpec] = await Promise.all([checkSpec(base), checkSpec(revision)]);
  if (!baseSpec.spec || !revisionSpec.spec) {
    console.error("spec diff: a spec cannot be read; run npm run lint");
    process.exit(1);
  }
  const schemas = new Set([
    ...modelSchemas(baseSpec.spec.document),
    ...modelSchemas(revisionSpec.spec.document),
  ]);
  const impacts: Impact[] = [];
  for (const change of report.changes ?? []) {
    const verdicts = change.verdicts ?? [];
    const kept = verdicts.filter((v) => !isModelRequiredVerdict(v, schemas));
    if (verdicts.length === 0 && change.impact && change.impact !== "none")
      impacts.push(change.impact);
    for (const verdict of kept) {
      const impact = verdict.impact ?? change.impact ?? "patch";
      if (impact !== "none") impacts.push(impact);
      const where = verdict.location
        ? `${path.relative(repoRoot, path.resolve(repoRoot, verdict.location.file ?? ""))}:${verdict.location.line ?? 0}:${verdict.location.col ?? 0}: `
        : "";
      console.log(`  ${impact}  ${where}${verdict.message ?? verdict.ruleId}`);
    }
  }
  for (const verdict of diffModels(baseSpec.spec.document, revisionSpec.spec.document)) {
    impacts.push(verdict.impact);
    console.log(modelLine(verdict, baseSpec.spec, revisionSpec.spec));
  }
  const needed: Bump = impacts.reduce<Bump>((a, b) => (RANK[b] > RANK[a] ? b : a), "none");
  const count = (impact: Impact) => impacts.filter((i) => i === impact).length;
  const counts = `major ${count("major")}, minor ${count("minor")}, patch ${count("patch")}`;
  const ms = Math.round(performance.now() - started);
  const summary = `spec diff: ${path.relative(repoRoot, revision)} vs ${releasedText} needs ${needed === "none" ? "no" : `a ${needed}`} bump (${counts})`;
  if (needed === "major" && !isBreakingBump(released, version)) {
    const hint =
      released[0] === 0
        ? `0.x: a breaking change needs ${released[0]}.${released[1] + 1}.0 or later`
        : `needs ${released[0] + 1}.0.0 or later`;
    console.error(`${summary}; package.json is ${versionText}: FAIL (${hint}) (${ms} ms)`);
    process.exit(1);
  }
  console.log(`${summary}; package.json ${versionText} is ok (${ms} ms)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
