/**
 * npm run generate [-- --check] [--spec FILE] [--out DIR]
 * Regenerates generated/ from spec/openapi.yaml; with --check, exits 1 when generated/ is stale.
 */
import { parseArgs } from "node:util";
import { startGenerate } from "./lib/generate-start.js";

const { values } = parseArgs({
  options: {
    check: { type: "boolean", default: false },
    spec: { type: "string", default: "spec/openapi.yaml" },
    out: { type: "string", default: "generated" },
  },
});

const custom = values.spec !== "spec/openapi.yaml" || values.out !== "generated";
const options = {
  specFile: values.spec,
  outDir: values.out,
  check: values.check,
  command: custom
    ? `npm run generate -- --spec ${values.spec} --out ${values.out}`
    : "npm run generate",
};
// The wire types' worker starts loading TypeScript (the longest step of a cold run) now, while
// this thread loads the checker and the model writers below.
const started = startGenerate(options);
const { generate } = await import("./lib/generate-all.js");
const result = await generate({ ...options, started });

if (result.problems.length > 0) {
  for (const problem of result.problems) console.error(problem);
  console.error(
    `generate: ${values.spec} has ${result.problems.length} problem(s); ${values.out}/ left untouched`,
  );
  process.exit(1);
}
if (values.check) {
  if (result.stale.length > 0) {
    for (const file of result.stale) console.error(`stale: ${file}`);
    console.error(
      `generate --check: ${values.out}/ differs from what ${values.spec} generates; run npm run generate`,
    );
    process.exit(1);
  }
  console.log(`generate --check: ${values.out}/ is up to date (${result.ms} ms)`);
} else {
  const { parsed, checked, model, wireTypes } = result.stages;
  // The CPU time of the whole process (every thread, start-up included): unlike the wall time,
  // it hardly changes when other processes share the machine.
  const { user, system } = process.cpuUsage();
  console.log(
    `generate: wrote ${result.files.length} files to ${values.out}/ in ${result.ms} ms ` +
      `(spec parsed at ${parsed} ms, checked at ${checked} ms, model at ${model} ms, ` +
      `wire types at ${wireTypes} ms; process CPU ${Math.round((user + system) / 1000)} ms)`,
  );
}
