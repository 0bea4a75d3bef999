/**
 * How an answer's body is read: to its end, over as many chunks as the server sends (a character
 * split between two chunks included), and a 204 with no body at all is an answer, not a failure
 * of the connection.
 */
import { describe, expect, it } from "vitest";
import { ConnectionError, InvalidResponseError } from "../../src/index.js";
import { clientFor, rejection } from "../support/client.js";
import { type Handler, idsFrom, startServer, wireRun } from "../support/scripted-server.js";
import { sleep } from "../support/time.js";

/** Answers a run in three writes, the middle one splitting a two-byte character. */
const inChunks: Handler = async (req, res) => {
  const bytes = Buffer.from(
    JSON.stringify(wireRun({ ...idsFrom(req.path), instructions: "café ☕" })),
  );
  const split = bytes.indexOf(Buffer.from("é")) + 1;
  res.writeHead(200, { "content-type": "application/json", "content-length": bytes.length });
  res.write(bytes.subarray(0, 10));
  await sleep(5);
  res.write(bytes.subarray(10, split));
  await sleep(5);
  res.end(bytes.subarray(split));
};

describe("reading a body", () => {
  it("a body in several chunks is read whole, a character split between chunks intact", async () => {
    const server = await startServer(inChunks);
    const run = await clientFor(server).runs.get("t", "r");
    expect(run.id).toBe("r");
    expect(run.instructions).toBe("café ☕");
    expect(server.requests).toHaveLength(1);
  });

  it("a 204 without a body is an answer: one attempt, an InvalidResponseError, no ConnectionError", async () => {
    const server = await startServer((_req, res) => void res.writeHead(204).end());
    const error = await rejection(clientFor(server).runs.get("t", "r"));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain("the body is empty");
    expect(server.requests).toHaveLength(1);
  });

  it("the raw client returns a 204 as it came: no data, no error, the status", async () => {
    const server = await startServer((_req, res) => void res.writeHead(204).end());
    const { data, error, response } = await clientFor(server).raw.POST(
      "/threads/{thread_id}/runs/{run_id}/cancel",
      { params: { path: { thread_id: "t", run_id: "r" } } },
    );
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    expect(error).toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });
});
