/**
 * The model's run type against the seed interface (shared/seeds/002_*: the Azure SDK's `ThreadRun`,
 * camelCase names and Date timestamps). Every field is there with the seed's type; where the wire
 * forces a difference, the comment on that line says why.
 */
import { describe, expectTypeOf, it } from "vitest";
import type {
  Metadata,
  RequiredAction,
  ResponseFormat,
  RunIncompleteDetails,
  RunLastError,
  RunStatus,
  RunUsage,
  ThreadRun,
  Tool,
  ToolChoice,
  ToolResources,
  TruncationStrategy,
} from "../../src/index.js";

type SeedFields =
  | "assistantId"
  | "cancelledAt"
  | "completedAt"
  | "createdAt"
  | "expiresAt"
  | "failedAt"
  | "id"
  | "incompleteDetails"
  | "instructions"
  | "lastError"
  | "maxCompletionTokens"
  | "maxPromptTokens"
  | "metadata"
  | "model"
  | "object"
  | "parallelToolCalls"
  | "requiredAction"
  | "responseFormat"
  | "startedAt"
  | "status"
  | "temperature"
  | "threadId"
  | "toolChoice"
  | "toolResources"
  | "tools"
  | "topP"
  | "truncationStrategy"
  | "usage";

describe("ThreadRun matches the seed interface", () => {
  it("has every field of the seed (the spec may add more)", () => {
    expectTypeOf<SeedFields>().toMatchTypeOf<keyof ThreadRun>();
  });

  it("has the seed's types", () => {
    // Seed: `string`. Only the run's identity (id, threadId, status, createdAt) is required on the
    // wire (issue 9): self-hosted servers leave other fields out, and an absent field reads as the
    // spec's empty value, here `null`.
    expectTypeOf<ThreadRun["assistantId"]>().toEqualTypeOf<string | null>();
    expectTypeOf<ThreadRun["cancelledAt"]>().toEqualTypeOf<Date | null>();
    expectTypeOf<ThreadRun["completedAt"]>().toEqualTypeOf<Date | null>();
    expectTypeOf<ThreadRun["createdAt"]>().toEqualTypeOf<Date>();
    expectTypeOf<ThreadRun["expiresAt"]>().toEqualTypeOf<Date | null>();
    expectTypeOf<ThreadRun["failedAt"]>().toEqualTypeOf<Date | null>();
    expectTypeOf<ThreadRun["id"]>().toEqualTypeOf<string>();
    expectTypeOf<ThreadRun["incompleteDetails"]>().toEqualTypeOf<RunIncompleteDetails | null>();
    // Seed: `string`. The wire forces `string | null`: published examples return
    // `instructions: null` although vendor schemas say string.
    expectTypeOf<ThreadRun["instructions"]>().toEqualTypeOf<string | null>();
    expectTypeOf<ThreadRun["lastError"]>().toEqualTypeOf<RunLastError | null>();
    expectTypeOf<ThreadRun["maxCompletionTokens"]>().toEqualTypeOf<number | null>();
    expectTypeOf<ThreadRun["maxPromptTokens"]>().toEqualTypeOf<number | null>();
    expectTypeOf<ThreadRun["metadata"]>().toEqualTypeOf<Record<string, string> | null>();
    expectTypeOf<ThreadRun["metadata"]>().toEqualTypeOf<Metadata>();
    // Seed: `string`. Not part of the identity: absent reads as `null` (same reason as assistantId).
    expectTypeOf<ThreadRun["model"]>().toEqualTypeOf<string | null>();
    // Absent reads as the spec's `default: thread.run`, so the type stays the constant.
    expectTypeOf<ThreadRun["object"]>().toEqualTypeOf<"thread.run">();
    // Absent reads as the spec's `default: true`, so the type stays `boolean`.
    expectTypeOf<ThreadRun["parallelToolCalls"]>().toEqualTypeOf<boolean>();
    // Seed: `requiredAction?: null | …`. Always present here: a server may omit it (Azure), and the
    // converter reads a missing nullable field as null, so callers never need `?.` for absence.
    expectTypeOf<ThreadRun["requiredAction"]>().toEqualTypeOf<RequiredAction | null>();
    expectTypeOf<ThreadRun["responseFormat"]>().toEqualTypeOf<ResponseFormat | null>();
    expectTypeOf<ThreadRun["startedAt"]>().toEqualTypeOf<Date | null>();
    expectTypeOf<ThreadRun["status"]>().toEqualTypeOf<RunStatus>();
    // Seed: optional. Always present here, null when omitted (same reason as requiredAction).
    expectTypeOf<ThreadRun["temperature"]>().toEqualTypeOf<number | null>();
    expectTypeOf<ThreadRun["threadId"]>().toEqualTypeOf<string>();
    expectTypeOf<ThreadRun["toolChoice"]>().toEqualTypeOf<ToolChoice | null>();
    // Seed: optional. Always present here, null when omitted (same reason as requiredAction).
    expectTypeOf<ThreadRun["toolResources"]>().toEqualTypeOf<ToolResources | null>();
    // Absent or `null` on the wire reads as `[]`, so the type stays a list.
    expectTypeOf<ThreadRun["tools"]>().toEqualTypeOf<Tool[]>();
    // Seed: optional. Always present here, null when omitted (same reason as requiredAction).
    expectTypeOf<ThreadRun["topP"]>().toEqualTypeOf<number | null>();
    expectTypeOf<ThreadRun["truncationStrategy"]>().toEqualTypeOf<TruncationStrategy | null>();
    expectTypeOf<ThreadRun["usage"]>().toEqualTypeOf<RunUsage | null>();
  });

  it("is assignable to the seed's optional-field shape", () => {
    type SeedOptional = {
      requiredAction?: RequiredAction | null;
      temperature?: number | null;
      toolResources?: ToolResources | null;
      topP?: number | null;
    };
    expectTypeOf<ThreadRun>().toMatchTypeOf<SeedOptional>();
  });

  it("keeps the known statuses for completion while accepting new ones", () => {
    expectTypeOf<"cancelling">().toMatchTypeOf<RunStatus>();
    expectTypeOf<"paused_for_review">().toMatchTypeOf<RunStatus>();
    expectTypeOf<RunUsage["promptTokens"]>().toEqualTypeOf<number>();
  });
});
