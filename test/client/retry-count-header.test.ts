/**
 * `x-threadrun-retry-count` is rewritten on retries only: the first attempt goes out with the
 * headers exactly as the caller set them, a value of their own included.
 */
import { describe, expect, it } from "vitest";
import { clientFor } from "../support/client.js";
import { okRun, sequence, startServer, status } from "../support/scripted-server.js";

describe("the retry-count header", () => {
  it("keeps a caller's own value on the first attempt and counts the retries", async () => {
    const server = await startServer(sequence(status(503), status(503), okRun()));
    await clientFor(server, { headers: { "x-threadrun-retry-count": "from-caller" } }).runs.get(
      "t",
      "r",
    );
    expect(server.requests.map((r) => r.headers["x-threadrun-retry-count"])).toEqual([
      "from-caller",
      "1",
      "2",
    ]);
  });
});
