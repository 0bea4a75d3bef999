/**
 * `npm run docs`: builds the documentation site in site/, all of it usable offline.
 *
 * - site/api/index.html: Redoc page of spec/openapi.yaml (`redocly build-docs --inlineBundle`,
 *   so the Redoc script is embedded instead of loaded from Redocly's CDN);
 * - site/reference/: TypeDoc reference of every entry point (`threadrun`, `threadrun/testing`,
 *   `threadrun/node`; see typedoc.json), exports grouped by their `@category` tags;
 * - site/openapi.yaml, site/openapi.json: the spec bundled into one file (`redocly bundle`);
 * - site/index.html: links to all of them and a short guide (scripts/docs/index.html).
 *
 * Prints one line per part and where the site is; exits 1 on any failure.
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const siteDir = path.join(repoRoot, "site");
const templateDir = path.join(repoRoot, "scripts", "docs");
const bin = (name: string): string => path.join(repoRoot, "node_modules", ".bin", name);
const spec = "spec/openapi.yaml";

/** Redocly CLI: no telemetry, no update check; nothing leaves the machine. */
const quietEnv = {
  ...process.env,
  REDOCLY_TELEMETRY: "off",
  REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
  NO_UPDATE_NOTIFIER: "1",
};

function step(label: string, command: string, args: string[]): string {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: "utf8", env: quietEnv });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) {
    console.error(output);
    console.error(`docs: ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
  console.log(`docs: ${label} (${Math.round(performance.now() - started)} ms)`);
  return output;
}

function sizeOf(target: string): { files: number; bytes: number } {
  const stat = statSync(target);
  if (!stat.isDirectory()) return { files: 1, bytes: stat.size };
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(target)) {
    const sub = sizeOf(path.join(target, entry));
    files += sub.files;
    bytes += sub.bytes;
  }
  return { files, bytes };
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/**
 * Makes the Redoc page self-contained: Redoc 3 shows its "API docs by Redocly" badge as an image
 * from cdn.redoc.ly (no option turns it off), so the badge image is inlined as a data: URI
 * (scripts/docs/redocly-logo.svg; the attribution link stays); adds a favicon so the browser does
 * not ask for /favicon.ico. Fails when any other CDN address or the telemetry switch is missing.
 */
function offlineRedoc(file: string): void {
  const logo = readFileSync(path.join(templateDir, "redocly-logo.svg"), "utf8").trim();
  const logoUri = `data:image/svg+xml,${encodeURIComponent(logo)}`;
  let html = readFileSync(file, "utf8");
  let replaced = 0;
  html = html.replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g, () => {
    replaced++;
    return logoUri;
  });
  html = html.replace(
    /<head>/,
    '<head>\n  <link rel="icon" href="../favicon.svg" type="image/svg+xml" />',
  );
  const problems: string[] = [];
  if (replaced === 0) problems.push("the cdn.redoc.ly logo address was not found (Redoc changed?)");
  if (/https:\/\/cdn\.redoc\.ly\//.test(html)) problems.push("a cdn.redoc.ly address remains");
  if (!/__redoc_options = \{[^\n]*"disableTelemetry":true/.test(html)) {
    problems.push("Redoc options lack disableTelemetry: true");
  }
  if (problems.length > 0) {
    console.error(`docs: ${path.relative(repoRoot, file)}: ${problems.join("; ")}`);
    process.exit(1);
  }
  writeFileSync(file, html);
}

const started = performance.now();
rmSync(siteDir, { recursive: true, force: true });
mkdirSync(path.join(siteDir, "api"), { recursive: true });

step("Redoc page site/api/index.html", bin("redocly"), [
  "build-docs",
  spec,
  "--output",
  "site/api/index.html",
  "--inlineBundle",
  "--title",
  "threadrun HTTP API",
  // Redoc 3 sends usage telemetry to otel.cloud.redocly.com from any non-local host otherwise.
  "--openapi.disableTelemetry=true",
]);
offlineRedoc(path.join(siteDir, "api", "index.html"));
step("bundled spec site/openapi.yaml", bin("redocly"), ["bundle", spec, "-o", "site/openapi.yaml"]);
step("bundled spec site/openapi.json", bin("redocly"), ["bundle", spec, "-o", "site/openapi.json"]);
const typedocOutput = step("TypeDoc reference site/reference/", bin("typedoc"), [
  "--options",
  "typedoc.json",
]);
const warnings = /Found (\d+) errors? and (\d+) warnings?/.exec(typedocOutput);
if (warnings && warnings[2] !== "0") {
  console.warn(`docs: TypeDoc reported ${warnings[2]} warning(s); run npx typedoc to see them`);
}

const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
  version: string;
  description: string;
  license: string;
};
const values: Record<string, string> = {
  version: pkg.version,
  description: pkg.description,
  license: pkg.license,
  built: new Date().toISOString().slice(0, 10),
};
const index = readFileSync(path.join(templateDir, "index.html"), "utf8").replace(
  /\{\{(\w+)\}\}/g,
  (match, key: string) => (key in values ? escapeHtml(values[key]!) : match),
);
writeFileSync(path.join(siteDir, "index.html"), index);
for (const asset of ["style.css", "favicon.svg"]) {
  copyFileSync(path.join(templateDir, asset), path.join(siteDir, asset));
}
console.log("docs: index page site/index.html");

const { files, bytes } = sizeOf(siteDir);
console.log(
  `docs: site built in ${Math.round(performance.now() - started)} ms: ${files} files, ` +
    `${(bytes / 1024 / 1024).toFixed(1)} MiB in ${path.relative(process.cwd(), siteDir) || "."}/`,
);
console.log(`docs: open ${path.join(siteDir, "index.html")}`);
