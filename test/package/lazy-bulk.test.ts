/**
 * A page that cancels one run does not load the bulk machinery up front: `cancelMany` and
 * `cancelActive` import it on first use, so a bundler that splits code puts bulk.ts,
 * cancel-active.ts and the pacer in chunks behind a dynamic import. Their options are still
 * checked at the call (bulk-options.ts, cancel-active-options.ts are up front).
 */
import path from "node:path";
import { build, type Metafile } from "esbuild";
import { expect, it } from "vitest";
import { createClient } from "../../src/index.js";
import { bundleOptions, upfrontOutputs } from "../../bench/bundle-size.js";

const LAZY = /^src\/(bulk|cancel-active|pacer[\w-]*|rate-headers)\.ts$/;

it("the bulk machinery is behind a dynamic import; its option checks are not", async () => {
  const app = `import { createClient } from "./src/index.ts";
const client = createClient({ apiKey: "sk-test", baseUrl: "https://example.com/v1" });
console.log((await client.runs.cancel("thread_abc", "run_abc")).status);`;
  const result = await build({ ...bundleOptions(app, false), splitting: true, outdir: "out" });
  const outputs = (result.metafile as Metafile).outputs;
  const upfront = upfrontOutputs(result.metafile as Metafile);
  const inputsOf = (files: Iterable<string>) =>
    [...files].flatMap((file) =>
      Object.keys(outputs[file]!.inputs).map((input) => input.split(path.sep).join("/")),
    );
  const loadedUpFront = inputsOf(upfront);
  const loadedLater = inputsOf(Object.keys(outputs).filter((file) => !upfront.has(file)));
  expect(loadedUpFront.filter((input) => LAZY.test(input))).toEqual([]);
  expect(loadedUpFront).toContain("src/bulk-options.ts");
  expect(loadedUpFront).toContain("src/cancel-active-options.ts");
  for (const lazy of ["src/bulk.ts", "src/cancel-active.ts", "src/pacer.ts", "src/pacer-rate.ts"])
    expect(loadedLater).toContain(lazy);
});

it("bad options and items still throw at the call, before the machinery loads", () => {
  const client = createClient({ apiKey: "sk-test", baseUrl: "http://127.0.0.1:9/v1" });
  expect(() => client.runs.cancelMany([], { concurrency: 0 })).toThrow(/concurrency/);
  expect(() => client.runs.cancelMany(42 as never)).toThrow(/items must be an array/);
  expect(() => client.runs.cancelActive("thread_1", { intervalMs: -1 })).toThrow(/intervalMs/);
});
