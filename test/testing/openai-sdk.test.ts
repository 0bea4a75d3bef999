import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { serve } from "../support/reference-server.js";
import { KEY } from "../support/client.js";
import { until } from "../support/time.js";

// The official SDK speaking to the reference server is the proof that the wire format is right.
describe("the official openai package (v6) against the reference server", () => {
  const client = (url: string) => new OpenAI({ baseURL: url, apiKey: KEY, maxRetries: 0 });

  it("cancels and retrieves a run", async () => {
    const server = await serve({ cancelDelayMs: 20 });
    const seeded = server.createRun({ status: "in_progress" });
    const openai = client(server.url);

    const cancelling = await openai.beta.threads.runs.cancel(seeded.id, {
      thread_id: seeded.thread_id,
    });
    expect(cancelling).toMatchObject({ id: seeded.id, object: "thread.run", status: "cancelling" });

    await until(() => server.run(seeded.thread_id, seeded.id)?.status === "cancelled");
    const run = await openai.beta.threads.runs.retrieve(seeded.id, { thread_id: seeded.thread_id });
    expect(run.status).toBe("cancelled");
    expect(run.cancelled_at).toEqual(expect.any(Number));
    expect(run.usage?.total_tokens).toBe(60);

    // The SDK sends its beta header on every call; the server records it.
    expect(server.requests.every((r) => r.headers["openai-beta"] === "assistants=v2")).toBe(true);
  });

  it("surfaces the server's errors as the SDK's error classes, with the request id", async () => {
    const server = await serve();
    const seeded = server.createRun({ status: "completed" });
    const openai = client(server.url);

    const refused = await openai.beta.threads.runs
      .cancel(seeded.id, { thread_id: seeded.thread_id })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
    expect((refused as InstanceType<typeof OpenAI.BadRequestError>).message).toContain(
      "Cannot cancel run with status 'completed'",
    );
    expect((refused as InstanceType<typeof OpenAI.BadRequestError>).requestID).toMatch(/^req_/);

    const missing = await openai.beta.threads.runs
      .retrieve("run_missing", { thread_id: seeded.thread_id })
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(OpenAI.NotFoundError);

    const unauthorized = await new OpenAI({
      baseURL: server.url,
      apiKey: "nope",
      maxRetries: 0,
    }).beta.threads.runs
      .retrieve(seeded.id, { thread_id: seeded.thread_id })
      .catch((e: unknown) => e);
    expect(unauthorized).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((unauthorized as InstanceType<typeof OpenAI.AuthenticationError>).code).toBe(
      "invalid_api_key",
    );
  });

  it("lists every run across pages with for await", async () => {
    const server = await serve();
    const seeded = server.createRuns(45, { threadId: "thread_sdk" });
    const openai = client(server.url);

    const ids: string[] = [];
    for await (const run of openai.beta.threads.runs.list("thread_sdk", { limit: 20 })) {
      ids.push(run.id);
    }
    expect(ids).toEqual(seeded.map((r) => r.id).reverse());
    // 20 + 20 + 5: three pages, each following `after=<last id>`.
    const lists = server.requests.filter((r) => r.path.startsWith("/v1/threads/thread_sdk/runs"));
    expect(lists).toHaveLength(3);
    expect(lists[1]!.path).toContain(`after=${seeded[25]!.id}`);
  });
});
