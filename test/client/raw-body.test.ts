/**
 * A raw call's JSON body goes out as given, with fetch and with nodeHttp(), and a retry sends the
 * same body again: the transport rebuilds each attempt's request from the call, body included.
 */
import { describe, expect, it } from "vitest";
import { clientFor } from "../support/client.js";
import { okRun, resetBeforeHeaders, sequence, startServer } from "../support/scripted-server.js";
import { SENDERS } from "../support/senders.js";

describe.each(SENDERS)("a raw call's body with %s", (_name, sender) => {
  it("is sent as JSON on every attempt, retries included", async () => {
    const server = await startServer(sequence(resetBeforeHeaders, okRun()));
    const body = { reason: "user asked", tags: ["a", "é"] };
    const { data } = await clientFor(server, sender()).raw.POST(
      "/threads/{thread_id}/runs/{run_id}/cancel",
      { params: { path: { thread_id: "t", run_id: "r" } }, body } as never,
    );
    expect((data as { id?: string } | undefined)?.id).toBe("r");
    expect(server.requests).toHaveLength(2);
    for (const sent of server.requests) {
      expect(JSON.parse(sent.body)).toEqual(body);
      expect(sent.headers["content-type"]).toBe("application/json");
    }
  });
});
