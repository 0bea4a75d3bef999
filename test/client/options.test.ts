/**
 * Options are checked completely, once, before anything is sent: unknown keys are refused with the
 * right name where one is close, and every message names the option, the rule and the value as
 * given. Over loopback, so "nothing is sent" is what a server saw, not what a stub was told.
 */
import https from "node:https";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createClient, RateLimitError, type ClientOptions } from "../../src/index.js";
import { nodeHttp } from "../../src/node/index.js";
import { checkRequestOptions } from "../../src/options.js";
import { makeCertificate } from "../support/tls-proxy.js";
import { KEY, clientFor, failure, rejection } from "../support/client.js";
import { okRun, sequence, startServer, status } from "../support/scripted-server.js";
import { wireRun } from "../support/wire.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The message of what `action` throws (or rejects with), checked to be of class `type`. */
async function messageOf(
  action: () => unknown,
  type: typeof TypeError | typeof RangeError = TypeError,
): Promise<string> {
  const error = await failure(action);
  expect(error).toBeInstanceOf(type);
  return (error as Error).message;
}

describe("createClient refuses unknown options", () => {
  it('baseURL (the openai spelling) throws naming "baseUrl"; no request reaches either server', async () => {
    const intended = await startServer();
    // Where the client would otherwise send the key: the default base URL.
    const fallback = await startServer();
    vi.stubEnv("OPENAI_BASE_URL", fallback.url);
    // Not a literal: TypeScript's excess-property check does not see a spread or a variable.
    const config = { apiKey: KEY, baseURL: intended.url };
    const message = await messageOf(async () => {
      const client = createClient(config);
      await client.runs.get("thread_1", "run_1");
    });
    expect(message).toBe('createClient: "baseURL" is not an option; did you mean "baseUrl"?');
    expect(fallback.requests).toHaveLength(0);
    expect(intended.requests).toHaveLength(0);
  });

  it.each([
    ["timeout", "timeoutMs"],
    ["apikey", "apiKey"],
    ["api_key", "apiKey"],
    ["defaultHeaders", "headers"],
    ["retries", "maxRetries"],
    ["maxRetrys", "maxRetries"],
    ["retryMaxDelay", "retryMaxDelayMs"],
  ])("%s -> did you mean %s", async (key, hint) => {
    const options = { apiKey: KEY, baseUrl: "http://127.0.0.1:1/v1", [key]: 1 };
    expect(await messageOf(() => createClient(options))).toBe(
      `createClient: ${JSON.stringify(key)} is not an option; did you mean ${JSON.stringify(hint)}?`,
    );
  });

  it("lists the options when no name is close", async () => {
    const options = { apiKey: KEY, organization: "org_1" };
    expect(await messageOf(() => createClient(options))).toBe(
      'createClient: "organization" is not an option (the options are "apiKey", "baseUrl", ' +
        '"apiVersion", "headers", "fetch", "http", "maxRetries", "timeoutMs", ' +
        '"retryBaseDelayMs", "retryMaxDelayMs", "maxRetryAfterMs", "logger", "logLevel", "hooks")',
    );
  });

  it("is checked before the key, so a misspelt key is not reported as missing", async () => {
    vi.stubEnv("OPENAI_API_KEY", undefined);
    const options = { apiKye: KEY } as ClientOptions;
    expect(await messageOf(() => createClient(options))).toBe(
      'createClient: "apiKye" is not an option; did you mean "apiKey"?',
    );
  });
});

describe("createClient option messages name the option, the rule and the value as given", () => {
  const base = { apiKey: KEY, baseUrl: "http://127.0.0.1:1/v1" };

  it.each([
    [
      { timeoutMs: "1000" },
      TypeError,
      'createClient: timeoutMs must be a number of ms > 0, got the string "1000"',
    ],
    [{ timeoutMs: 0 }, RangeError, "createClient: timeoutMs must be a number of ms > 0, got 0"],
    [
      { timeoutMs: Infinity },
      RangeError,
      "createClient: timeoutMs must be a number of ms > 0, got Infinity",
    ],
    [
      { retryBaseDelayMs: -1 },
      RangeError,
      "createClient: retryBaseDelayMs must be a number of ms >= 0, got -1",
    ],
    [
      { retryMaxDelayMs: Number.NaN },
      RangeError,
      "createClient: retryMaxDelayMs must be a number of ms >= 0, got NaN",
    ],
    [
      { maxRetryAfterMs: "60s" },
      TypeError,
      'createClient: maxRetryAfterMs must be a number of ms >= 0, got the string "60s"',
    ],
    [
      { maxRetries: 1.5 },
      RangeError,
      "createClient: maxRetries must be a whole number >= 0, got 1.5",
    ],
    [
      { maxRetries: "2" },
      TypeError,
      'createClient: maxRetries must be a whole number >= 0, got the string "2"',
    ],
    [
      { apiVersion: "" },
      TypeError,
      'createClient: apiVersion must be a non-empty string, got the string ""',
    ],
    [{ http: 5 }, TypeError, "createClient: http must be a function, got 5"],
    [
      { fetch: "fetch" },
      TypeError,
      'createClient: fetch must be a function, got the string "fetch"',
    ],
    [{ headers: "x" }, TypeError, 'createClient: headers must be an object, got the string "x"'],
    [
      { apiKey: 42 },
      TypeError,
      "createClient: apiKey must be a string, a function returning one, or null, got a number (not shown)",
    ],
  ])("%j", async (bad, type, message) => {
    expect(await messageOf(() => createClient({ ...base, ...bad } as ClientOptions), type)).toBe(
      message,
    );
  });

  it("a header value is never shown: it is often a secret", async () => {
    const headers = { "api-key": 123456789 } as unknown as Record<string, string>;
    const message = await messageOf(() => createClient({ ...base, headers }));
    expect(message).toBe(
      'createClient: headers: header "api-key" must be a string or null, got a number (not shown)',
    );
  });
});

describe("createClient options that are not an object", () => {
  it.each([
    [KEY, "createClient: options must be an object, got a string (not shown)"],
    [null, "createClient: options must be an object, got null"],
    [[KEY], "createClient: options must be an object, got an array"],
  ])("%#: a TypeError that never shows a string (it may be the key)", async (value, expected) => {
    const message = await messageOf(() => createClient(value as ClientOptions));
    expect(message).toBe(expected);
    expect(message).not.toContain(KEY);
  });
});

describe("the API key", () => {
  it("missing (no option, OPENAI_API_KEY unset or empty): the message says how to give one", async () => {
    const expected =
      "createClient: apiKey is missing: pass { apiKey } or set OPENAI_API_KEY (apiKey: null sends no credential)";
    vi.stubEnv("OPENAI_API_KEY", undefined);
    expect(await messageOf(() => createClient({ baseUrl: "http://127.0.0.1:1/v1" }))).toBe(
      expected,
    );
    vi.stubEnv("OPENAI_API_KEY", "");
    expect(await messageOf(() => createClient())).toBe(expected);
    expect(await messageOf(() => createClient({ apiKey: undefined }))).toBe(expected);
  });

  it("is not missing when headers carry the Authorization: that header is sent", async () => {
    vi.stubEnv("OPENAI_API_KEY", undefined);
    const server = await startServer();
    const client = createClient({
      baseUrl: server.url,
      headers: { Authorization: "Bearer from-headers" },
    });
    await client.runs.get("t", "r");
    expect(server.requests[0]!.headers.authorization).toBe("Bearer from-headers");
  });
});

describe("the base URL", () => {
  it.each([
    [
      "localhost:8080/v1",
      'createClient: baseUrl must be an absolute http or https URL, got the string "localhost:8080/v1"; did you mean "http://localhost:8080/v1"?',
    ],
    [
      "api.example.com/v1",
      'createClient: baseUrl must be an absolute http or https URL, got the string "api.example.com/v1"; did you mean "https://api.example.com/v1"?',
    ],
    [
      "https://api.example.com/v1#runs",
      'createClient: baseUrl must not have a fragment (#...), got the string "https://api.example.com/v1#runs"',
    ],
  ])("%s is refused with what to do", async (baseUrl, expected) => {
    expect(await messageOf(() => createClient({ apiKey: KEY, baseUrl }))).toBe(expected);
  });

  it("with credentials is refused without showing them, and nothing is sent", async () => {
    const server = await startServer();
    const withCredentials = server.url.replace("http://", "http://admin:hunter2-pw@");
    const message = await messageOf(async () => {
      await createClient({ apiKey: KEY, baseUrl: withCredentials }).runs.get("t", "r");
    });
    expect(message).toBe(
      `createClient: baseUrl must not contain a user name or password, got the string ${JSON.stringify(
        server.url.replace("http://", "http://***@"),
      )}`,
    );
    expect(message).not.toMatch(/admin|hunter2/);
    expect(server.requests).toHaveLength(0);
  });

  it("from OPENAI_BASE_URL: the message names the variable", async () => {
    vi.stubEnv("OPENAI_BASE_URL", "localhost:4010/v1");
    expect(await messageOf(() => createClient({ apiKey: KEY }))).toBe(
      'createClient: OPENAI_BASE_URL must be an absolute http or https URL, got the string "localhost:4010/v1"; did you mean "http://localhost:4010/v1"?',
    );
  });

  it("https works: the request goes out over TLS, with the key", async () => {
    // Made now, never committed: a self-signed certificate for 127.0.0.1 (openssl).
    const { cert: pem, key } = makeCertificate();
    const seen: { url: string | undefined; authorization: string | undefined }[] = [];
    const server = https.createServer({ key, cert: pem }, (req, res) => {
      seen.push({ url: req.url, authorization: req.headers.authorization });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(wireRun({ id: "run_tls", thread_id: "thread_tls" })));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const agent = new https.Agent({ ca: pem, keepAlive: false });
    try {
      const { port } = server.address() as AddressInfo;
      const client = createClient({
        apiKey: KEY,
        baseUrl: `https://127.0.0.1:${port}/v1`,
        http: nodeHttp({ httpsAgent: agent }),
      });
      const run = await client.runs.get("thread_tls", "run_tls");
      expect(run.id).toBe("run_tls");
      expect(seen).toEqual([
        { url: "/v1/threads/thread_tls/runs/run_tls", authorization: `Bearer ${KEY}` },
      ]);
    } finally {
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("0 is allowed for the retry delays", () => {
  it("retryBaseDelayMs: 0 and retryMaxDelayMs: 0 retry at once", async () => {
    const server = await startServer(sequence(status(503), status(503), okRun()));
    const client = clientFor(server, { retryBaseDelayMs: 0, retryMaxDelayMs: 0 });
    const run = await client.runs.get("t", "r");
    expect(run.id).toBe("r");
    expect(server.requests).toHaveLength(3);
  });

  it("maxRetryAfterMs: 0 waits out no server-asked delay: a 429 with retry-after fails at once", async () => {
    const server = await startServer(
      sequence(status(429, "slow down", { "retry-after-ms": "20" }), okRun()),
    );
    const error = await rejection(clientFor(server, { maxRetryAfterMs: 0 }).runs.get("t", "r"));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(20);
    expect(server.requests).toHaveLength(1);
  });

  it("maxRetries: 0 sends one attempt", async () => {
    const server = await startServer(status(503));
    await rejection(clientFor(server, { maxRetries: 0 }).runs.get("t", "r"));
    expect(server.requests).toHaveLength(1);
  });
});

describe("header values", () => {
  it("undefined leaves a header out (values read from the environment pass as they are)", async () => {
    const server = await startServer();
    const client = clientFor(server, {
      headers: { "x-tenant": undefined, "x-team": "blue" },
    });
    await client.runs.get("t", "r", { headers: { "x-trace": undefined } });
    const { headers } = server.requests[0]!;
    expect(headers["x-team"]).toBe("blue");
    expect(headers).not.toHaveProperty("x-tenant");
    expect(headers).not.toHaveProperty("x-trace");
  });

  it("Authorization: undefined leaves the key's header in place", async () => {
    const server = await startServer();
    await clientFor(server, { headers: { Authorization: undefined } }).runs.get("t", "r");
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });
});

describe("per-request options", () => {
  it('a string time limit is refused with "got the string", nothing sent', async () => {
    const server = await startServer();
    const bad = { timeoutMs: "1000" } as unknown as { timeoutMs: number };
    const message = await messageOf(() => clientFor(server).runs.get("t", "r", bad));
    expect(message).toContain('timeoutMs must be a number of ms > 0, got the string "1000"');
    expect(server.requests).toHaveLength(0);
  });

  it("checkRequestOptions refuses unknown keys with the close name", async () => {
    expect(await messageOf(() => checkRequestOptions({ timeout: 5 }, "options"))).toBe(
      'options: "timeout" is not an option; did you mean "timeoutMs"?',
    );
    expect(await messageOf(() => checkRequestOptions({ abortSignal: 5 }, "request"))).toBe(
      'request: "abortSignal" is not an option; did you mean "signal"?',
    );
  });

  it("checkRequestOptions checks every value and accepts explicit undefined", async () => {
    expect(() =>
      checkRequestOptions(
        { signal: undefined, timeoutMs: undefined, maxRetries: undefined, headers: undefined },
        "options",
      ),
    ).not.toThrow();
    expect(
      await messageOf(() => checkRequestOptions({ maxRetries: -1 }, "options"), RangeError),
    ).toBe("options.maxRetries must be a whole number >= 0, got -1");
    expect(
      await messageOf(() => checkRequestOptions({ signal: new AbortController() }, "options")),
    ).toBe("options.signal must be an AbortSignal, got an AbortController");
    expect(await messageOf(() => checkRequestOptions({ headers: ["x"] }, "options"))).toBe(
      "options.headers must be an object, got an array",
    );
    expect(await messageOf(() => checkRequestOptions("run_2", "options"))).toBe(
      'options must be an object, got the string "run_2"',
    );
  });
});

describe("client.raw call options", () => {
  const GET = "/threads/{thread_id}/runs/{run_id}";
  const path = { thread_id: "t", run_id: "r" };

  it("an openapi-fetch option threadrun does not honour (baseUrl) is refused, nothing sent", async () => {
    const server = await startServer();
    const elsewhere = await startServer();
    const message = await messageOf(() =>
      clientFor(server).raw.GET(GET, { params: { path }, baseUrl: elsewhere.url }),
    );
    expect(message).toBe(
      'client.raw.GET: "baseUrl" is not supported per call (set it on createClient)',
    );
    expect(server.requests).toHaveLength(0);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it("a misspelt key names the close one", async () => {
    const server = await startServer();
    const init = { parms: { path } } as unknown as { params: { path: typeof path } };
    expect(await messageOf(() => clientFor(server).raw.GET(GET, init))).toBe(
      'client.raw.GET: "parms" is not an option; did you mean "params"?',
    );
    const inParams = { params: { path, headers: { "x-a": "1" } } } as unknown as {
      params: { path: typeof path };
    };
    expect(await messageOf(() => clientFor(server).raw.GET(GET, inParams))).toBe(
      'client.raw.GET: params: "headers" is not an option; did you mean "header"?',
    );
    expect(server.requests).toHaveLength(0);
  });

  it("signal and options that are not an object are checked", async () => {
    const server = await startServer();
    const notSignal = { params: { path }, signal: new AbortController() } as unknown as {
      params: { path: typeof path };
    };
    expect(await messageOf(() => clientFor(server).raw.GET(GET, notSignal))).toBe(
      "client.raw.GET: signal must be an AbortSignal, got an AbortController",
    );
    const notObject = "r" as unknown as { params: { path: typeof path } };
    expect(await messageOf(() => clientFor(server).raw.GET(GET, notObject))).toBe(
      'client.raw.GET: options must be an object, got the string "r"',
    );
    expect(server.requests).toHaveLength(0);
  });

  it("headers: a Headers instance is sent, not dropped; null removes a default header", async () => {
    const server = await startServer();
    const client = clientFor(server);
    await client.raw.GET(GET, { params: { path }, headers: new Headers({ "X-Trace": "abc" }) });
    await client.raw.GET(GET, {
      params: { path },
      headers: { "OpenAI-Beta": null, "X-Count": 3 },
    });
    const [first, second] = server.requests;
    expect(first!.headers["x-trace"]).toBe("abc");
    expect(second!.headers).not.toHaveProperty("openai-beta");
    expect(second!.headers["x-count"]).toBe("3");
    // A per-call Authorization replaces the client's: one header, whatever its case.
    await client.raw.GET(GET, { params: { path }, headers: { Authorization: "Bearer other" } });
    expect(server.requests[2]!.headers.authorization).toBe("Bearer other");
  });
});
