/**
 * The wait an attempt hook (a bulk job's pacer) chooses replaces the transport's wait only when
 * the transport retries at all: a final answer stays final, whatever wait the hook would choose.
 */
import { describe, expect, it } from "vitest";
import { NotFoundError } from "../../src/index.js";
import { resolveOptions } from "../../src/options.js";
import { Runs } from "../../src/runs.js";
import { createTransport, type AttemptHooks } from "../../src/transport.js";
import { KEY, rejection } from "../support/client.js";
import { okRun, sequence, startServer, status } from "../support/scripted-server.js";

function runsWith(url: string, hooks: AttemptHooks): Runs {
  const transport = createTransport(
    resolveOptions({
      apiKey: KEY,
      baseUrl: url,
      retryBaseDelayMs: 60_000,
      retryMaxDelayMs: 60_000,
    }),
  );
  return new Runs(transport, hooks);
}

describe("a wait chosen by an attempt hook", () => {
  const waitOneMs: AttemptHooks = { beforeAttempt: () => 1, afterAttempt: () => 1 };

  it("does not make a final answer (a 404) retried", async () => {
    const server = await startServer(status(404, "No run"));
    const error = await rejection(runsWith(server.url, waitOneMs).get("t", "r"));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(server.requests).toHaveLength(1);
  });

  it("replaces the transport's wait when it retries (a 60 s backoff becomes 1 ms)", async () => {
    const server = await startServer(sequence(status(503), okRun()));
    const run = await runsWith(server.url, waitOneMs).get("t", "r");
    expect(run.id).toBe("r");
    expect(server.requests).toHaveLength(2);
  });
});
