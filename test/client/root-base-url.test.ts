/**
 * A base URL that is only an origin (the API at the server's root, as a local proxy serves it):
 * requests go to `/threads/...`, and errors and log lines name that path, with no doubled slash.
 */
import { describe, expect, it } from "vitest";
import { NotFoundError } from "../../src/index.js";
import { clientFor, rejection } from "../support/client.js";
import { captureLogger } from "../support/logger.js";
import { startServer, status } from "../support/scripted-server.js";

describe("a base URL without a path", () => {
  it("sends /threads/... and names that path in errors and log lines", async () => {
    const server = await startServer(status(404, "No run"));
    const origin = new URL(server.url).origin;
    const logger = captureLogger();
    const error = await rejection(
      clientFor({ url: origin }, { logger, logLevel: "debug" }).runs.get("t", "r"),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(server.requests.map((r) => r.url)).toEqual(["/threads/t/runs/r"]);
    expect((error as Error).message).toContain("GET /threads/t/runs/r");
    expect(logger.lines[0]!.message).toBe("threadrun: GET /threads/t/runs/r, attempt 1");
  });
});
