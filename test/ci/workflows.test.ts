/**
 * The GitHub workflows under .github/workflows, checked here because GitHub only tells after a
 * push: each file is valid against the workflow schema (@action-validator/cli, pinned), every
 * command a step runs exists (an npm script in package.json, a file in the repository, or a tool
 * the runner has), actions are pinned to a version, and the jobs do what issue 14 asks of them
 * (the Node versions, the artifacts, the annotations, Pages, provenance).
 */
import {
  accessSync,
  constants,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot, run } from "../package/helpers.js";

const workflowsDir = path.join(repoRoot, ".github", "workflows");
const validator = path.join(repoRoot, "node_modules", ".bin", "action-validator");
const workflowFiles = readdirSync(workflowsDir).filter((name) => /\.ya?ml$/.test(name));
const { scripts, engines } = JSON.parse(
  readFileSync(path.join(repoRoot, "package.json"), "utf8"),
) as {
  scripts: Record<string, string>;
  engines: { node: string };
};

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  "runs-on"?: string;
  container?: { image?: string };
  strategy?: { matrix?: { include?: Record<string, string>[] } };
  permissions?: Record<string, string>;
  needs?: string | string[];
  steps?: Step[];
}
interface Workflow {
  on: unknown;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const load = (name: string): Workflow =>
  parse(readFileSync(path.join(workflowsDir, name), "utf8")) as Workflow;
const stepsOf = (workflow: Workflow): Step[] =>
  Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);

/** The shell lines of every `run:`, one command each (continuations and `&&` split apart). */
function commandsOf(workflow: Workflow): string[] {
  return stepsOf(workflow)
    .flatMap((step) => (step.run === undefined ? [] : step.run.split("\n")))
    .flatMap((line) => line.split(/&&|\|\|/))
    .map((command) => command.trim())
    .filter((command) => command !== "" && !command.startsWith("#"));
}

// Tools a GitHub-hosted runner or the job's Node image provides; anything else must be an npm
// script or a file in this repository.
const RUNNER_TOOLS = new Set(["npm", "gh"]);
const NPM_BUILTINS = new Set(["ci", "publish", "test"]);

/** Why `command` would not run in this repository, or undefined when it would. */
function missing(command: string): string | undefined {
  const words = command.split(/\s+/);
  const [tool, verb, ...rest] = words;
  if (tool === undefined) return "empty command";
  if (tool === "npm") {
    if (verb === "run") {
      const name = rest.find((word) => !word.startsWith("-"));
      if (name === undefined) return `"${command}" names no script`;
      return name in scripts ? undefined : `npm script "${name}" is not in package.json`;
    }
    return verb !== undefined && NPM_BUILTINS.has(verb)
      ? undefined
      : `unexpected npm command "${command}"`;
  }
  if (tool === "npx") {
    return verb !== undefined && existsSync(path.join(repoRoot, "node_modules", ".bin", verb))
      ? undefined
      : `npx ${verb ?? ""}: no such binary in node_modules/.bin`;
  }
  if (RUNNER_TOOLS.has(tool)) return undefined;
  const file = path.join(repoRoot, tool);
  try {
    accessSync(file, constants.X_OK);
    return undefined;
  } catch {
    return `"${tool}" is neither a runner tool, an npm script nor an executable file in the repository`;
  }
}

describe("the GitHub workflows", () => {
  it("are the three the project needs", () => {
    expect(workflowFiles.sort()).toEqual(["ci.yml", "docs.yml", "release.yml"]);
  });

  it.each(workflowFiles)("%s is valid against the workflow schema", async (name) => {
    const result = await run(process.execPath, [validator, path.join(workflowsDir, name)]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("the validator refuses a workflow GitHub would refuse (a job without runs-on, an unknown event)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "threadrun-workflow-"));
    try {
      const file = path.join(dir, "broken.yml");
      const good = readFileSync(path.join(workflowsDir, "docs.yml"), "utf8");
      writeFileSync(
        file,
        good.replace(/^ *runs-on: .*\n/m, "").replace("workflow_dispatch:", "workflow_dispatchh:"),
      );
      const result = await run(process.execPath, [validator, file]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("/runs-on");
      expect(result.stderr).toContain('"/on');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(workflowFiles)(
    "every command %s runs exists in package.json or the repository",
    (name) => {
      const commands = commandsOf(load(name));
      expect(commands.length).toBeGreaterThan(0);
      expect(
        commands
          .map((command) => [command, missing(command)])
          .filter(([, why]) => why !== undefined),
      ).toEqual([]);
    },
  );

  it("the command check itself notices a missing script, binary or file", () => {
    expect(missing("npm run no-such-script")).toMatch(/"no-such-script" is not in package.json/);
    expect(missing("npm run -s lint -- --format github-actions")).toBeUndefined();
    expect(missing("npx no-such-binary")).toMatch(/no such binary/);
    expect(missing(".ci/nope")).toMatch(/neither a runner tool/);
    expect(missing(".ci/run")).toBeUndefined();
  });

  it.each(workflowFiles)("%s pins every action to a version", (name) => {
    const uses = stepsOf(load(name)).flatMap((step) =>
      step.uses === undefined ? [] : [step.uses],
    );
    for (const action of uses)
      expect(action).toMatch(/^[\w-]+\/[\w-]+(\/[\w./-]+)?@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
  });
});

describe("ci.yml", () => {
  const ci = load("ci.yml");
  const job = ci.jobs.ci!;

  it("runs on push and pull request", () => {
    expect(Object.keys(ci.on as object).sort()).toEqual(["pull_request", "push"]);
  });

  it("runs .ci/run on the lowest Node package.json allows and on the current LTS", () => {
    const floor = /^>=(\d+\.\d+)$/.exec(engines.node)?.[1];
    expect(floor).toBeDefined();
    const images = (job.strategy?.matrix?.include ?? []).map((entry) => entry.image);
    expect(images).toEqual([`node:${floor}-bookworm`, "node:lts-bookworm"]);
    expect(job.container?.image).toBe("${{ matrix.image }}");
    const ciRun = job.steps?.find((step) => step.run === ".ci/run");
    expect(ciRun?.with).toBeUndefined();
    expect(ciRun).toMatchObject({ env: { CI: "true" } });
  });

  it("caches npm", () => {
    const cache = job.steps?.find((step) => step.uses?.startsWith("actions/cache@"));
    expect(String(cache?.with?.path)).toContain("~/.npm");
    expect(String(cache?.with?.key)).toContain("hashFiles('package-lock.json'");
  });

  it("uploads the browser test's screenshots and bench/RESULTS.md, also when a step failed", () => {
    const upload = job.steps?.find((step) => step.uses?.startsWith("actions/upload-artifact@"));
    expect(upload?.if).toBe("always()");
    const paths = String(upload?.with?.path).trim().split("\n");
    expect(paths).toEqual(["test-artifacts/", "bench/RESULTS.md"]);
    // The folder is where the browser test writes its screenshots.
    expect(readFileSync(path.join(repoRoot, "test/docs/browser.test.ts"), "utf8")).toContain(
      'path.join(repoRoot, "test-artifacts")',
    );
    expect(existsSync(path.join(repoRoot, "bench/RESULTS.md"))).toBe(true);
  });

  it("turns a failed spec lint into annotations on the spec's lines", () => {
    const annotate = job.steps?.find((step) => step.run?.includes("--format github-actions"));
    expect(annotate).toMatchObject({
      if: "failure()",
      run: "npm run lint -- --format github-actions",
    });
  });

  it("the benchmarks run on main and upload bench/RESULTS.md", () => {
    const bench = ci.jobs.bench!;
    expect(bench.steps?.map((step) => step.run).filter(Boolean)).toContain("npm run bench");
    const upload = bench.steps?.find((step) => step.uses?.startsWith("actions/upload-artifact@"));
    expect(upload?.with?.path).toBe("bench/RESULTS.md");
  });
});

describe("docs.yml and release.yml", () => {
  it("docs: builds site/ with npm run docs and deploys it to GitHub Pages from main", () => {
    const docs = load("docs.yml");
    expect(docs.on).toMatchObject({ push: { branches: ["main"] } });
    expect(docs.permissions).toMatchObject({ pages: "write", "id-token": "write" });
    const build = docs.jobs.build!.steps ?? [];
    expect(build.map((step) => step.run).filter(Boolean)).toEqual(["npm ci", "npm run docs"]);
    expect(
      build.find((step) => step.uses?.startsWith("actions/upload-pages-artifact@"))?.with,
    ).toEqual({ path: "site" });
    expect(docs.jobs.deploy!.steps?.[0]?.uses).toMatch(/^actions\/deploy-pages@/);
  });

  it("release: on a version tag, checks (spec:diff among them), then npm with provenance and the bundled spec", () => {
    const release = load("release.yml");
    expect(release.on).toEqual({ push: { tags: ["v*.*.*"] } });
    const checks = (release.jobs.checks!.steps ?? []).map((step) => step.run).filter(Boolean);
    expect(checks).toContain(".ci/run");
    expect(readFileSync(path.join(repoRoot, ".ci/run"), "utf8")).toMatch(/^\s+npm run spec:diff$/m);
    const publish = release.jobs.publish!;
    expect(publish.needs).toBe("checks");
    expect(publish.permissions).toMatchObject({ "id-token": "write", contents: "write" });
    const commands = (publish.steps ?? []).map((step) => step.run ?? "");
    expect(commands).toContain("npm publish --provenance --access public");
    const bundled = commands.find((command) => command.startsWith("npm run spec:bundle"));
    expect(bundled).toBeDefined();
    const attach = commands.find((command) => command.startsWith("gh release create"));
    expect(attach).toContain("threadrun-openapi-$GITHUB_REF_NAME.yaml");
  });

  it("the spec:bundle script writes one self-contained spec", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "threadrun-bundle-"));
    try {
      const out = path.join(dir, "openapi.yaml");
      const npm = process.platform === "win32" ? "npm.cmd" : "npm";
      const result = await run(npm, ["run", "-s", "spec:bundle", "--", "--output", out]);
      expect(result.code, result.stderr).toBe(0);
      const bundled = parse(readFileSync(out, "utf8")) as { openapi: string; paths: object };
      expect(bundled.openapi).toMatch(/^3\.1\./);
      expect(Object.keys(bundled.paths).length).toBeGreaterThan(0);
      expect(readFileSync(out, "utf8")).not.toMatch(/\$ref: ['"]?\.\.?\//);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
