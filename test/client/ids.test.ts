import { describe, expect, it } from "vitest";
import { clientFor, failure } from "../support/client.js";
import { idsFrom, okRun, startServer } from "../support/scripted-server.js";
import { sleep } from "../support/time.js";

const BAD_IDS: Array<[string, unknown]> = [
  ["empty string", ""],
  ['"."', "."],
  ['".."', ".."],
  ["undefined", undefined],
  ["null", null],
  ["a number", 123],
  ["an object", { id: "run_1" }],
  ["a lone surrogate", "run_\uD800x"],
];

describe("bad ids are refused before any request", () => {
  it.each(BAD_IDS)("threadId %s → TypeError naming threadId, nothing sent", async (_name, bad) => {
    const server = await startServer();
    const client = clientFor(server);
    const id = bad as string;
    for (const call of [
      () => client.runs.cancel(id, "run_1"),
      () => client.runs.get(id, "run_1"),
      () => client.runs.list(id).all(),
    ]) {
      const error = await failure(call);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as TypeError).message).toMatch(/^threadId\b/);
    }
    await sleep(20);
    expect(server.requests).toHaveLength(0);
  });

  it.each(BAD_IDS)("runId %s → TypeError naming runId, nothing sent", async (_name, bad) => {
    const server = await startServer();
    const client = clientFor(server);
    const id = bad as string;
    for (const call of [
      () => client.runs.cancel("thread_1", id),
      () => client.runs.get("thread_1", id),
    ]) {
      const error = await failure(call);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as TypeError).message).toMatch(/^runId\b/);
    }
    await sleep(20);
    expect(server.requests).toHaveLength(0);
  });

  it("list refuses bad cursors the same way", async () => {
    const server = await startServer();
    const client = clientFor(server);
    expect(() => client.runs.list("t", { after: "" })).toThrow(/after/);
    expect(() => client.runs.list("t", { before: "" })).toThrow(/before/);
    expect(() => client.runs.list("t", { after: 5 as unknown as string })).toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });
});

const ODD_IDS = [
  "run/with/slashes",
  "run?query=1",
  "run#fragment",
  "run%20percent%",
  "run with spaces",
  "rün_ünïcødé_😀",
  "..%2f..%2fadmin",
  "%2e%2e",
  ".%2e",
  "...",
  "a\\b",
  "./",
  "run;x=1&y",
];

describe("every other id is percent-encoded into exactly one path segment", () => {
  it.each(ODD_IDS)("%j reaches the server intact", async (id) => {
    const server = await startServer((req, res, attempt) => okRun({ id: "r" })(req, res, attempt));
    const client = clientFor(server);
    await client.runs.cancel(id, id);
    await client.runs.get(id, id);
    await client.runs
      .list(id)
      .all()
      .catch(() => undefined);

    const enc = encodeURIComponent(id);
    const [cancel, get, list] = server.requests;
    expect(cancel!.url).toBe(`/v1/threads/${enc}/runs/${enc}/cancel`);
    expect(get!.url).toBe(`/v1/threads/${enc}/runs/${enc}`);
    expect(list!.url).toBe(`/v1/threads/${enc}/runs`);
    for (const req of [cancel!, get!]) {
      const segments = req.url.split("?")[0]!.split("/");
      expect(segments[3]).not.toBeUndefined();
      expect(decodeURIComponent(segments[3]!)).toBe(id);
      expect(decodeURIComponent(segments[5]!)).toBe(id);
      expect(idsFrom(req.path)).toEqual({ thread_id: id, id });
    }
    expect(cancel!.method).toBe("POST");
  });
});
