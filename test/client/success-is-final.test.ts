/**
 * A 2xx answer ends the call, whatever retry headers it carries: `x-should-retry: true` and a
 * server wait are read only on error answers, so a success is never sent again or warned about.
 */
import { describe, expect, it } from "vitest";
import { responseInfo } from "../../src/index.js";
import { clientFor } from "../support/client.js";
import { captureLogger } from "../support/logger.js";
import { idsFrom, json, startServer, wireRun } from "../support/scripted-server.js";

describe("a success", () => {
  it("with x-should-retry: true and a long retry-after-ms is returned at once", async () => {
    const server = await startServer((req, res) =>
      json(res, 200, wireRun(idsFrom(req.path)), {
        "x-should-retry": "true",
        "retry-after-ms": "999999",
      }),
    );
    const logger = captureLogger();
    const run = await clientFor(server, { logger, logLevel: "info" }).runs.get("t", "r");
    expect(run.id).toBe("r");
    expect(responseInfo(run)?.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
    expect(logger.lines).toEqual([]);
  });
});
