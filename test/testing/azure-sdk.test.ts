/**
 * Azure's own client, `@azure/ai-agents` 1.1 (`AgentsClient`), against the reference server, as
 * the openai test does for OpenAI's: it gets, cancels and lists runs through `threadrun/testing`.
 * Azure's SDK refuses to send a bearer token over plain http, so the server sits behind a TLS
 * proxy with a certificate made by openssl for this run (never written into the repo), trusted
 * through the client's own `tlsOptions.ca`. The credential is a minimal TokenCredential.
 *
 * Without openssl the test skips, except in CI (`CI` set), where it fails.
 */
import { AgentsClient, type AgentsClientOptionalParams } from "@azure/ai-agents";
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { beforeAll, describe, expect, it } from "vitest";
import type { RunsServer } from "../../src/testing/index.js";
import { KEY, rejection } from "../support/client.js";
import { requestsTo, serve } from "../support/reference-server.js";
import { until } from "../support/time.js";
import {
  haveOpenssl,
  makeCertificate,
  tlsProxy,
  type TestCertificate,
} from "../support/tls-proxy.js";

const inCi = Boolean(process.env.CI);

/** What the SDK throws for an error answer (@azure/core-rest-pipeline's RestError). */
interface RestError extends Error {
  statusCode?: number;
  code?: string;
}

function restError(error: unknown): RestError {
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).name).toBe("RestError");
  return error as RestError;
}

if (!haveOpenssl && !inCi) {
  console.warn("azure-sdk test: SKIPPED, openssl not found (it makes the test's certificate)");
}

/** An Entra ID credential reduced to what the SDK calls: the test key as a token for an hour. */
const credential: TokenCredential = {
  getToken: async (): Promise<AccessToken> => ({
    token: KEY,
    expiresOnTimestamp: Date.now() + 3_600_000,
  }),
};

describe.skipIf(!haveOpenssl && !inCi)("@azure/ai-agents 1.1 against the reference server", () => {
  let certificate: TestCertificate;

  beforeAll(() => {
    if (!haveOpenssl) throw new Error("CI: openssl is missing; it makes the test certificate");
    certificate = makeCertificate();
  });

  /** The server behind TLS, and an AgentsClient for it that trusts the test certificate. */
  async function azureFor(
    server: RunsServer,
    options: AgentsClientOptionalParams = {},
  ): Promise<{ azure: AgentsClient; url: string }> {
    const { url } = await tlsProxy(server.url, certificate);
    const azure = new AgentsClient(url, credential, {
      tlsOptions: { ca: certificate.cert },
      retryOptions: { maxRetries: 0 },
      ...options,
    });
    return { azure, url };
  }

  it("gets and cancels a run, with Date timestamps, over https", async () => {
    const server = await serve({ cancelDelayMs: 20 });
    const seeded = server.createRun({ status: "in_progress" });
    const { azure, url } = await azureFor(server);
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v1$/);

    const before = await azure.runs.get(seeded.thread_id, seeded.id);
    expect(before).toMatchObject({
      id: seeded.id,
      threadId: seeded.thread_id,
      status: "in_progress",
    });
    expect(before.createdAt).toEqual(new Date(seeded.created_at * 1000));

    const cancelling = await azure.runs.cancel(seeded.thread_id, seeded.id);
    expect(cancelling).toMatchObject({ id: seeded.id, object: "thread.run", status: "cancelling" });

    await until(() => server.run(seeded.thread_id, seeded.id)?.status === "cancelled");
    const after = await azure.runs.get(seeded.thread_id, seeded.id);
    expect(after.status).toBe("cancelled");
    expect(after.cancelledAt).toBeInstanceOf(Date);
    expect(after.cancelledAt?.getTime()).toBeGreaterThan(0);

    // What Azure's client sent, as the server recorded it behind the proxy: the test key as a
    // bearer token, and `api-version=v1` (its default) on every call.
    expect(requestsTo(server, "POST", `/runs/${seeded.id}/cancel`)).toHaveLength(1);
    expect(server.requests).toHaveLength(3);
    for (const request of server.requests) {
      expect(request.headers["authorization"]).toBe(`Bearer ${KEY}`);
      expect(new URL(request.path, "https://x").searchParams.get("api-version")).toBe("v1");
      expect(request.headers["user-agent"]).toContain("azsdk-js-ai-agents/1.1.0");
    }
  });

  it("lists runs: its iterator stops after one page; `after` pages through the rest", async () => {
    const server = await serve();
    const seeded = server.createRuns(45, { threadId: "thread_azure" });
    const newestFirst = seeded.map((r) => r.id).reverse();
    const { azure } = await azureFor(server);
    const listed = async (options: { limit: number; after?: string }): Promise<string[]> => {
      const ids: string[] = [];
      for await (const run of azure.runs.list("thread_azure", options)) ids.push(run.id);
      return ids;
    };

    // The SDK's pager follows a `nextLink` field, which the runs API never sends (it answers
    // `has_more` and `last_id`): iterating yields the first page only, after one request.
    const first = await listed({ limit: 20 });
    expect(first).toEqual(newestFirst.slice(0, 20));
    expect(requestsTo(server, "GET", "/threads/thread_azure/runs")).toHaveLength(1);

    // Every run, by asking for the page after the last id until a short page.
    const all = [...first];
    for (;;) {
      const page = await listed({ limit: 20, after: all.at(-1) as string });
      all.push(...page);
      if (page.length < 20) break;
    }
    expect(all).toEqual(newestFirst);
    const lists = requestsTo(server, "GET", "/threads/thread_azure/runs");
    expect(lists).toHaveLength(3);
    expect(lists[1]!.path).toContain(`after=${seeded[25]!.id}`);
    expect(lists[1]!.path).toContain("api-version=v1");
  });

  it("sends api-version=v1 unless told otherwise; `apiVersion: 2025-05-01` for a server that wants it", async () => {
    const server = await serve({ apiVersion: "2025-05-01" });
    const seeded = server.createRun({ status: "in_progress" });

    const { azure: byDefault } = await azureFor(server);
    const refused = restError(await rejection(byDefault.runs.get(seeded.thread_id, seeded.id)));
    expect(refused.statusCode).toBe(400);
    expect(refused.message).toContain("Unsupported 'api-version' 'v1'");

    const { azure: pinned } = await azureFor(server, { apiVersion: "2025-05-01" });
    const run = await pinned.runs.get(seeded.thread_id, seeded.id);
    expect(run.id).toBe(seeded.id);
    expect(
      server.requests.map((r) => new URL(r.path, "https://x").searchParams.get("api-version")),
    ).toEqual(["v1", "2025-05-01"]);
  });

  it("surfaces the server's errors as RestError with the status and the server's message", async () => {
    const server = await serve();
    const done = server.createRun({ status: "completed" });
    const { azure } = await azureFor(server);

    const refused = restError(await rejection(azure.runs.cancel(done.thread_id, done.id)));
    expect(refused.statusCode).toBe(400);
    expect(refused.message).toContain("Cannot cancel run with status 'completed'");

    const missing = restError(await rejection(azure.runs.get(done.thread_id, "run_missing")));
    expect(missing.statusCode).toBe(404);
  });

  it("needs the TLS in front: it refuses plain http, and an untrusted certificate", async () => {
    const server = await serve();
    const seeded = server.createRun({ status: "in_progress" });

    const plain = new AgentsClient(server.url, credential, { retryOptions: { maxRetries: 0 } });
    const overHttp = await rejection(plain.runs.get(seeded.thread_id, seeded.id));
    expect(String(overHttp)).toMatch(/Bearer token authentication is not permitted for non-TLS/);

    const { url } = await tlsProxy(server.url, certificate);
    const untrusting = new AgentsClient(url, credential, { retryOptions: { maxRetries: 0 } });
    const handshake = restError(await rejection(untrusting.runs.get(seeded.thread_id, seeded.id)));
    expect(handshake.code).toBe("DEPTH_ZERO_SELF_SIGNED_CERT");
    expect(server.requests).toHaveLength(0);
  });
});
