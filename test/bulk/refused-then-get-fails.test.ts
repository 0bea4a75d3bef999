/**
 * An item whose cancel the server refused (the run had already ended) but whose run then could not
 * be fetched: it fails with the fetch's error, and `sent: true`, since the cancel did go out and
 * was answered; a caller deciding what to check again must not take it for one never sent.
 */
import { describe, expect, it } from "vitest";
import { InternalServerError } from "../../src/index.js";
import { clientFor } from "../support/client.js";
import { requestsTo, serve } from "../support/reference-server.js";

describe("cancelMany: a refused cancel whose run cannot be fetched", () => {
  it("fails with the fetch's error and sent: true", async () => {
    const server = await serve();
    const [run] = server.createRuns(1, { threadId: "thread_refused", status: "completed" });
    const item = { threadId: run!.thread_id, runId: run!.id };
    server.inject({ kind: "status", status: 500, times: 100, match: { operation: "getRun" } });
    const results = [];
    for await (const r of clientFor(server).runs.cancelMany([item], { maxRetries: 0 })) {
      results.push(r);
    }
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ item, ok: false, sent: true });
    expect(results[0]!.ok === false && results[0]!.error).toBeInstanceOf(InternalServerError);
    expect(requestsTo(server, "POST", `${item.runId}/cancel`)).toHaveLength(1);
  });
});
