/**
 * Only a 2xx is a success, with fetch and with nodeHttp() alike: a 3xx the sender did not follow
 * (no Location) is an error answer, even with a run in its body, and a 299 is still a success.
 */
import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/index.js";
import { clientFor, rejection } from "../support/client.js";
import { json, startServer, wireRun } from "../support/scripted-server.js";
import { SENDERS } from "../support/senders.js";

describe.each(SENDERS)("the success range with %s", (_name, sender) => {
  it("a 300 carrying a run is an ApiError with status 300, not retried", async () => {
    const server = await startServer((_req, res) => json(res, 300, wireRun({ id: "r" })));
    const error = await rejection(clientFor(server, sender()).runs.get("t", "r"));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(300);
    expect(server.requests).toHaveLength(1);
  });

  it("a 299 carrying a run is a success", async () => {
    const server = await startServer((_req, res) => json(res, 299, wireRun({ id: "r" })));
    expect((await clientFor(server, sender()).runs.get("t", "r")).id).toBe("r");
  });
});
