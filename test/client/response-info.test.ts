import { describe, expect, it } from "vitest";
import { responseInfo } from "../../src/index.js";
import { clientFor } from "../support/client.js";
import { idsFrom, json, okRun, sequence, startServer, status } from "../support/scripted-server.js";
import { wireRun } from "../support/wire.js";

describe("responseInfo(result): the request id of a successful call", () => {
  it("cancel and get: requestId is the server's x-request-id", async () => {
    let n = 0;
    const server = await startServer((req, res) =>
      json(res, 200, wireRun(idsFrom(req.path)), { "x-request-id": `req_${++n}`, "x-other": "o" }),
    );
    const client = clientFor(server);
    const cancelled = await client.runs.cancel("t", "r");
    const got = await client.runs.get("t", "r");
    expect(responseInfo(cancelled)?.requestId).toBe("req_1");
    expect(responseInfo(got)?.requestId).toBe("req_2");
    const info = responseInfo(got);
    expect(info?.status).toBe(200);
    expect(info?.attempts).toBe(1);
    expect(info?.headers.get("x-other")).toBe("o");
  });

  it("after retries: the final answer's id, and the attempts made", async () => {
    const server = await startServer(
      sequence(status(503, "busy", { "x-request-id": "req_failed" }), (req, res) =>
        json(res, 200, wireRun(idsFrom(req.path)), { "x-request-id": "req_ok" }),
      ),
    );
    const run = await clientFor(server).runs.get("t", "r");
    expect(responseInfo(run)).toMatchObject({ requestId: "req_ok", attempts: 2, status: 200 });
  });

  it("null when the server sends no request id; undefined for objects threadrun did not return", async () => {
    const server = await startServer((req, res) => {
      const text = JSON.stringify(wireRun(idsFrom(req.path)));
      res.writeHead(200, { "content-type": "application/json" });
      res.end(text);
    });
    const run = await clientFor(server).runs.get("t", "r");
    expect(responseInfo(run)?.requestId).toBeNull();
    expect(responseInfo({})).toBeUndefined();
    expect(responseInfo({ ...run })).toBeUndefined();
  });

  it("the info is beside the run, not on it", async () => {
    const server = await startServer(okRun());
    const run = await clientFor(server).runs.get("t", "r");
    expect(Object.keys(run)).not.toContain("requestId");
    expect(JSON.stringify(run)).not.toContain("req_test");
  });
});
