/**
 * scripts/node-matrix.sh, the Node matrix of CI and `npm run test:node`: which versions are
 * pinned, that a cached binary is reused and put first on PATH, that a cache holding another
 * version is not trusted, and that a bad version is refused with the rule and the value. No test
 * here downloads Node: the registry is pointed at a closed port, so any download fails at once.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot, run } from "../package/helpers.js";

const script = path.join(repoRoot, "scripts", "node-matrix.sh");
const binaryPackage = `node-${process.platform}-${process.arch}`;
const caches: string[] = [];

afterEach(() => {
  for (const dir of caches.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A cache folder whose node-<version>/ holds a `node` that runs this process's Node. */
function cacheWith(version: string): { cache: string; bin: string } {
  const cache = mkdtempSync(path.join(tmpdir(), "threadrun-node-cache-"));
  caches.push(cache);
  const bin = path.join(cache, `node-${version}`, "node_modules", binaryPackage, "bin");
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(bin, "node"), `#!/bin/sh\nexec "${process.execPath}" "$@"\n`);
  chmodSync(path.join(bin, "node"), 0o755);
  return { cache, bin };
}

function matrix(args: string[], cache: string) {
  return run("bash", [script, ...args], {
    env: {
      ...process.env,
      THREADRUN_NODE_CACHE: cache,
      // Nothing may be downloaded here: a registry on a closed port, no retries.
      npm_config_registry: "http://127.0.0.1:9/",
      npm_config_fetch_retries: "0",
      npm_config_update_notifier: "false",
    },
    timeoutMs: 60_000,
  });
}

describe("scripts/node-matrix.sh", () => {
  it("pins exact releases of Node 24 and Node 26, and engines keeps the 20.19 floor", async () => {
    const result = await matrix(["pinned"], tmpdir());
    expect(result.code).toBe(0);
    const versions = result.stdout.trim().split("\n");
    expect(versions.map((v) => v.split(".")[0])).toEqual(["24", "26"]);
    for (const version of versions) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
      engines: { node: string };
      scripts: Record<string, string>;
    };
    expect(pkg.engines.node).toBe(">=20.19");
    expect(pkg.scripts["test:node"]).toBe("bash scripts/node-matrix.sh test");
  });

  it("reuses a cached binary and puts its folder first on PATH", async () => {
    const version = process.versions.node;
    const { cache, bin } = cacheWith(version);
    const result = await matrix(
      ["run", version, "sh", "-c", 'command -v node; node -p "process.version"'],
      cache,
    );
    expect(result.stderr).not.toContain("fetching");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `node-matrix: node v${version} (${bin}/node)\n${bin}/node\n${process.version}\n`,
    );
  });

  it("does not trust a cache folder whose binary reports another version", async () => {
    // The folder is named 99.0.0 but its node is this process's: it must be fetched again, and
    // the fetch (to a closed port) fails with a message naming the package and version.
    const { cache } = cacheWith("99.0.0");
    const result = await matrix(["install", "99.0.0"], cache);
    expect(result.stderr).toContain(`fetching ${binaryPackage}@99.0.0 from the npm registry`);
    expect(result.stderr).toContain(`could not install ${binaryPackage}@99.0.0`);
    expect(result.code).toBe(2);
  });

  it("refuses a version that is not an exact release, naming the rule and the value", async () => {
    for (const given of ["v26.12.1", "26", "latest"]) {
      const result = await matrix(["test", given], tmpdir());
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `node-matrix: version must be an exact release such as 26.12.1 (no 'v', no range), got '${given}'`,
      );
    }
  });

  // Only under `scripts/node-matrix.sh test <version>`: vitest and its workers run on it.
  it.runIf(process.env.THREADRUN_MATRIX_NODE)("runs this test on the requested Node", () => {
    expect(process.version).toBe(process.env.THREADRUN_MATRIX_NODE);
  });

  it("prints its usage and exits 2 without a command", async () => {
    const result = await matrix([], tmpdir());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("scripts/node-matrix.sh test <version> [vitest args]");
  });
});
