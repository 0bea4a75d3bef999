/**
 * `npm start`: the main job, one step after another, stopping at the first failure:
 * regenerate from the spec, lint the spec, typecheck, build, build the docs, then a demo against
 * the embedded reference server. Prints one line per step with its time.
 */
import { spawnSync } from "node:child_process";

const steps: [label: string, script: string][] = [
  ["regenerate generated/ from spec/openapi.yaml", "generate"],
  ["lint the spec", "lint"],
  ["typecheck", "typecheck"],
  ["build dist/", "build"],
  ["build the docs site", "docs"],
  ["demo against the embedded server", "demo"],
];

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const started = performance.now();
for (const [label, script] of steps) {
  const t = performance.now();
  console.log(`\n▶ ${label} (npm run ${script})`);
  const result = spawnSync(npm, ["run", "--silent", script], { stdio: "inherit" });
  const seconds = ((performance.now() - t) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${label} failed after ${seconds} s (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${label} (${seconds} s)`);
}
console.log(`\nmain job done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log("docs: site/index.html · package: dist/ · spec: spec/openapi.yaml");
