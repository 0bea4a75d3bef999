// node scripts/run-bundled.mjs <entry.ts> [args…]
//
// Runs a TypeScript entry of scripts/ without tsx: esbuild bundles the entry and its local
// modules into one file (packages stay imports) and Node runs it. tsx loads every module
// through loader hooks on another thread; for `npm run generate` that cost about as much CPU as
// the generator's own work on the project's spec. Nothing is kept between runs: the bundle is
// made fresh each time and removed when the process exits.
//
// Plain JavaScript, so that Node runs it as it is.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const [entry] = process.argv.splice(2, 1);
if (entry === undefined) {
  console.error("usage: node scripts/run-bundled.mjs <entry.ts> [args…]");
  process.exit(2);
}

/** Each module keeps its own `import.meta.url`, so that paths relative to it still point home. */
const ownImportMetaUrl = {
  name: "own-import-meta-url",
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, "utf8").replaceAll(
        "import.meta.url",
        JSON.stringify(pathToFileURL(args.path).href),
      ),
      loader: "ts",
    }));
  },
};

// Under node_modules, so that the bundle's package imports resolve as the entry's would.
const folder = path.resolve("node_modules", ".cache", "threadrun-scripts");
mkdirSync(folder, { recursive: true });
const bundle = path.join(folder, `${path.basename(entry, ".ts")}-${process.pid}.mjs`);
await build({
  entryPoints: [entry],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  outfile: bundle,
  plugins: [ownImportMetaUrl],
  logLevel: "error",
});
// On every exit, `process.exit(1)` included.
process.on("exit", () => rmSync(bundle, { force: true }));
await import(pathToFileURL(bundle).href);
