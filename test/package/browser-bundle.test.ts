/**
 * A browser app that imports `createClient` from the built package and calls
 * `client.runs.cancel` bundles with esbuild (`platform: "browser"`) without any Node built-in.
 * Resolution goes through package.json `exports` (node_modules/threadrun links to the repo).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ensureBuilt, repoRoot } from "./helpers.js";

let appDir: string;

beforeAll(async () => {
  await ensureBuilt();
  appDir = mkdtempSync(path.join(tmpdir(), "threadrun-bundle-"));
  mkdirSync(path.join(appDir, "node_modules"));
  symlinkSync(repoRoot, path.join(appDir, "node_modules", "threadrun"), "dir");
  writeFileSync(
    path.join(appDir, "app.js"),
    `import { createClient, ApiError } from "threadrun";

const client = createClient({ apiKey: () => "token-from-the-page", baseUrl: "https://api.example.com/v1" });
document.querySelector("#cancel")?.addEventListener("click", async () => {
  try {
    const run = await client.runs.cancel("thread_abc123", "run_abc123");
    console.log(run.status);
  } catch (error) {
    if (error instanceof ApiError) console.error(error.status, error.message);
  }
});
`,
  );
}, 300_000);

afterAll(() => {
  if (appDir) rmSync(appDir, { recursive: true, force: true });
});

it("bundles for the browser without Node built-ins", async () => {
  const nodeImports: string[] = [];
  const builtins = new Set(builtinModules);
  const result = await esbuild.build({
    absWorkingDir: appDir,
    entryPoints: ["app.js"],
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    minify: true,
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [
      {
        name: "no-node-builtins",
        setup(build) {
          build.onResolve({ filter: /.*/ }, (args) => {
            const bare = args.path.replace(/^node:/, "").split("/")[0]!;
            if (args.path.startsWith("node:") || builtins.has(bare)) {
              nodeImports.push(`${args.path} (imported by ${args.importer})`);
              return { path: args.path, external: true };
            }
            return undefined;
          });
        },
      },
    ],
  });
  expect(result.errors).toEqual([]);
  expect(nodeImports).toEqual([]);

  const code = result.outputFiles[0]!.contents;
  const gzip = gzipSync(code, { level: 9 }).byteLength;
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.some((input) => input.includes("dist/src/index.js"))).toBe(true);
  expect(inputs.some((input) => input.includes("testing"))).toBe(false);
  console.log(
    `browser bundle: ${(code.byteLength / 1024).toFixed(1)} KiB minified, ` +
      `${(gzip / 1024).toFixed(1)} KiB gzip (${inputs.length} modules)`,
  );
  expect(gzip).toBeLessThan(100 * 1024);
}, 120_000);
