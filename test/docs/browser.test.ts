/**
 * The documentation site in a real browser (Debian's Chromium driven by playwright-core): serves
 * site/ on loopback, opens each page and checks what a reader needs: the cancel operation with
 * its example and every field of the run object (Redoc); in the TypeDoc reference, the three entries
 * (`threadrun`, `threadrun/testing`, `threadrun/node`) with their exports grouped by category, the
 * pages of `createClient`, `startRunsServer` and `nodeHttp`, and every field on `ThreadRun`;
 * the guide, no console error and no request to any host but the local server (served on
 * 127.0.0.1 under a non-local host name). Screenshots go to test-artifacts/.
 *
 * Without /usr/bin/chromium the test skips, except in CI (`CI` set), where it fails.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ensureDocs, repoRoot, siteDir } from "../package/helpers.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);
const artifactsDir = path.join(repoRoot, "test-artifacts");
const SITE_HOST = "docs.threadrun.test";

if (!haveChromium && !inCi) {
  console.warn(
    `docs browser test: SKIPPED, ${CHROMIUM} not found (install it: apt-get install -y chromium)`,
  );
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".yaml": "application/yaml; charset=utf-8",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/** A static file server for site/ on 127.0.0.1. */
function serveSite(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let file = path.join(siteDir, decodeURIComponent(url.pathname));
    if (!file.startsWith(siteDir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
    });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

interface Visit {
  page: Page;
  requests: string[];
  foreign: string[];
  consoleErrors: string[];
  notFound: string[];
}

interface RunSchema {
  components: {
    schemas: { RunObject: { properties: Record<string, unknown> } };
    examples: { CancellingRun: { summary?: string; value: { id: string; status: string } } };
  };
}

describe.skipIf(!haveChromium && !inCi)("the documentation site in Chromium", () => {
  let browser: Browser;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    if (!haveChromium) {
      throw new Error(
        `CI: ${CHROMIUM} is missing; .ci/run installs it (apt-get install -y chromium)`,
      );
    }
    const built = await ensureDocs();
    console.log(`docs browser test: ${built ? "built" : "reused"} site/`);
    mkdirSync(artifactsDir, { recursive: true });
    server = await serveSite();
    // A public-looking host name mapped to loopback: Redoc, for one, behaves differently on
    // localhost (its telemetry stays off there), and the test must see what a reader sees.
    origin = `http://${SITE_HOST}:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        `--host-resolver-rules=MAP ${SITE_HOST} 127.0.0.1`,
      ],
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  async function visit(pathname: string): Promise<Visit> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const visit: Visit = { page, requests: [], foreign: [], consoleErrors: [], notFound: [] };
    const local = (url: string): boolean =>
      url.startsWith(`${origin}/`) || /^(data|blob|about):/.test(url);
    await context.route("**/*", (route) => {
      const url = route.request().url();
      return local(url) ? route.continue() : route.abort("blockedbyclient");
    });
    page.on("request", (request) => {
      visit.requests.push(request.url());
      if (!local(request.url())) visit.foreign.push(request.url());
    });
    page.on("response", (response) => {
      if (response.status() >= 400) visit.notFound.push(`${response.status()} ${response.url()}`);
    });
    page.on("console", (message) => {
      if (message.type() === "error") visit.consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => visit.consoleErrors.push(`uncaught: ${error.message}`));
    await page.goto(`${origin}${pathname}`, { waitUntil: "load" });
    await page.waitForLoadState("networkidle");
    return visit;
  }

  async function finish(visit: Visit, name: string): Promise<void> {
    await visit.page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: false });
    await visit.page.context().close();
    expect(visit.foreign, "requests to other hosts").toEqual([]);
    expect(visit.consoleErrors, "console errors").toEqual([]);
    expect(visit.notFound, "failed responses").toEqual([]);
    expect(visit.requests.length).toBeGreaterThan(0);
  }

  it("index page links the references, the spec downloads and the guide", async () => {
    const v = await visit("/");
    const { page } = v;
    await expect(page.title()).resolves.toMatch(/^threadrun /);
    const links = await page
      .locator("a[href]")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links).toEqual(
      expect.arrayContaining([
        "api/index.html",
        "reference/index.html",
        "openapi.yaml",
        "openapi.json",
      ]),
    );
    const text = await page.locator("main").innerText();
    for (const heading of ["Install", "Cancel a run", "Wait", "Errors", "Azure"]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain("apiVersion");
    for (const href of ["openapi.yaml", "openapi.json"]) {
      const body = await page.evaluate(async (url) => {
        const response = await fetch(url);
        return `${response.status} ${await response.text()}`;
      }, href);
      expect(body).toMatch(/^200 [^]*openapi.{0,4}3\.1\.0/);
    }
    await finish(v, "docs-index");
  }, 60_000);

  it("Redoc page shows the cancel operation with its example and every run field", async () => {
    const spec = parse(
      readFileSync(path.join(repoRoot, "spec", "openapi.yaml"), "utf8"),
    ) as RunSchema;
    const fields = Object.keys(spec.components.schemas.RunObject.properties);
    const example = spec.components.examples.CancellingRun;
    expect(fields).toEqual(
      expect.arrayContaining([
        "created_at",
        "cancelled_at",
        "tool_resources",
        "truncation_strategy",
      ]),
    );

    // Redoc 3 routes with the URL hash: #/<tag>/<operationId in lower case>.
    const v = await visit("/api/index.html#/runs/cancelrun");
    const { page } = v;
    const operation = page.locator('[id="runs/cancelrun"]');
    await operation.waitFor({ state: "visible", timeout: 30_000 });
    await operation.scrollIntoViewIfNeeded();
    const text = await operation.innerText();
    expect(text).toMatch(/^Cancel a run/);
    expect(text).toMatch(/POST\s+\/threads\/\{thread_id\}\/runs\/\{run_id\}\/cancel/);
    // The response sample: the CancellingRun example.
    expect(text).toContain(`"id": "${example.value.id}"`);
    expect(text).toContain(`"status": "${example.value.status}"`);
    // The 200 response body: every property of RunObject, each rendered as its own row.
    const missing: string[] = [];
    for (const field of fields) {
      const row = page.locator(`[id="runs/cancelrun/t=response&c=200&path=${field}"]`);
      if ((await row.count()) !== 1 || !(await row.innerText()).includes(field)) {
        missing.push(field);
      }
    }
    expect(missing, "RunObject fields missing from the cancel operation").toEqual([]);
    await page.screenshot({ path: path.join(artifactsDir, "docs-api-cancel.png") });
    await finish(v, "docs-api");
  }, 90_000);

  /** The exports listed on a TypeDoc module page, by category, in page order (lower-case ids). */
  async function categoriesOf(page: Page): Promise<[string, string[]][]> {
    return page
      .locator(".col-content details.tsd-member-group")
      .evaluateAll((groups) =>
        groups.map((group): [string, string[]] => [
          (group.querySelector("h2")?.textContent ?? "").trim(),
          [...group.querySelectorAll("dt.tsd-member-summary")].map((dt) => dt.id),
        ]),
      );
  }

  /** Opens the reference page `name` links to from the module page `v` (by the link's text). */
  async function follow(v: Visit, name: string): Promise<Visit> {
    const link = v.page.locator(".col-content").getByRole("link", { name, exact: true }).first();
    const href = await link.getAttribute("href");
    expect(href, `a link to ${name}`).toBeTruthy();
    return visit(new URL(href as string, v.page.url()).pathname);
  }

  it("TypeDoc reference covers threadrun, threadrun/testing and threadrun/node, grouped by category", async () => {
    const index = await visit("/reference/index.html");
    const modules = await index.page.locator(".col-content").getByRole("link").allInnerTexts();
    expect(modules).toEqual(
      expect.arrayContaining(["threadrun", "threadrun/testing", "threadrun/node"]),
    );
    const expected: Record<string, [string, string[]][]> = {
      threadrun: [
        ["Client", ["createclient", "clientoptions", "threadrunclient", "responseinfo"]],
        ["Runs", ["runs", "listrunsoptions", "runlist", "runpage"]],
        ["Waiting and bulk", ["waitoptions", "cancelmanyoptions", "cancelresult"]],
        ["Errors", ["threadrunerror", "apierror", "notfounderror", "ratelimiterror"]],
        ["Model types", ["threadrun", "runstatus", "runfromwire", "isterminalstatus"]],
      ],
      "threadrun/testing": [["Testing", ["startrunsserver", "runsserver", "runsserveroptions"]]],
      "threadrun/node": [["Node", ["nodehttp", "nodehttpoptions", "httpsender"]]],
    };
    for (const [name, categories] of Object.entries(expected)) {
      const v = await follow(index, name);
      await expect(v.page.locator("h1").innerText()).resolves.toBe(`Module ${name}`);
      const listed = await categoriesOf(v.page);
      // Every export sits in one of the categories, in this order, and nowhere else.
      expect(
        listed.map(([category]) => category),
        name,
      ).toEqual(categories.map(([c]) => c));
      for (const [category, members] of categories) {
        const found = listed.find(([c]) => c === category)?.[1] ?? [];
        expect(found, `${name}: ${category}`).toEqual(expect.arrayContaining(members));
      }
      await finish(v, `docs-reference-${name.replace("/", "-")}`);
    }
    await finish(index, "docs-reference");
  }, 90_000);

  it("TypeDoc pages of createClient, startRunsServer and nodeHttp render their signatures", async () => {
    const index = await visit("/reference/index.html");
    const pages = [
      { module: "threadrun", fn: "createClient", mentions: ["ClientOptions", "ThreadRunClient"] },
      {
        module: "threadrun/testing",
        fn: "startRunsServer",
        mentions: [
          "RunsServerOptions",
          "Promise<RunsServer>",
          "Starts an in-memory reference server",
        ],
      },
      {
        module: "threadrun/node",
        fn: "nodeHttp",
        mentions: ["NodeHttpOptions", "HttpSender", "createClient({ http: nodeHttp() })"],
      },
    ];
    for (const { module, fn, mentions } of pages) {
      const moduleVisit = await follow(index, module);
      const v = await follow(moduleVisit, fn);
      await expect(v.page.locator("h1").innerText()).resolves.toBe(`Function ${fn}`);
      const signature = await v.page.locator(".col-content").innerText();
      for (const text of mentions) expect(signature, `${fn} page`).toContain(text);
      await moduleVisit.page.context().close();
      await finish(v, `docs-reference-${fn}`);
    }
    await finish(index, "docs-reference-index");
  }, 90_000);

  it("TypeDoc page of the run model (ThreadRun) shows every field of the run object", async () => {
    const spec = parse(
      readFileSync(path.join(repoRoot, "spec", "openapi.yaml"), "utf8"),
    ) as RunSchema;
    const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const fields = Object.keys(spec.components.schemas.RunObject.properties).map(camel);
    expect(fields).toEqual(expect.arrayContaining(["createdAt", "cancelledAt", "toolResources"]));

    const index = await visit("/reference/index.html");
    const model = await follow(index, "threadrun");
    const v = await follow(model, "ThreadRun");
    await expect(v.page.locator("h1").innerText()).resolves.toBe("Interface ThreadRun");
    // Each field as a rendered member: its heading shows the name, its signature the type.
    const members = await v.page
      .locator(".col-content section.tsd-member")
      .evaluateAll((sections) =>
        sections.map((section) => ({
          name: (section.querySelector("h3")?.textContent ?? "").trim(),
          signature: (section.querySelector(".tsd-signature")?.textContent ?? "").trim(),
        })),
      );
    const names = members.map((m) => m.name.replace(/\s+/g, ""));
    const missing = fields.filter((field) => !names.includes(field));
    expect(missing, "run object fields missing from the ThreadRun page").toEqual([]);
    const createdAt = members.find((m) => m.name.replace(/\s+/g, "") === "createdAt");
    expect(createdAt?.signature).toMatch(/^createdAt\s*:\s*Date$/);
    await v.page.screenshot({ path: path.join(artifactsDir, "docs-reference-ThreadRun.png") });
    await model.page.context().close();
    await index.page.context().close();
    await finish(v, "docs-reference-ThreadRun");
  }, 90_000);
});
