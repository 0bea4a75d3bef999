/** Wire-format fixtures (no vitest import, so scripts can use them too). */

/** 1699076126 s = 2023-11-04T05:35:26.000Z */
export const CREATED_AT = 1699076126;

/** A complete wire run (every field the spec names), with overrides. */
export function wireRun(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "run_abc123",
    object: "thread.run",
    created_at: CREATED_AT,
    thread_id: "thread_abc123",
    assistant_id: "asst_abc123",
    status: "cancelling",
    required_action: null,
    last_error: null,
    expires_at: CREATED_AT + 600,
    started_at: CREATED_AT + 1,
    cancelled_at: null,
    failed_at: null,
    completed_at: null,
    incomplete_details: null,
    model: "gpt-4o",
    instructions: null,
    tools: [],
    tool_resources: null,
    metadata: {},
    usage: null,
    temperature: 1,
    top_p: 1,
    max_prompt_tokens: 1000,
    max_completion_tokens: 1000,
    truncation_strategy: { type: "auto", last_messages: null },
    tool_choice: "auto",
    parallel_tool_calls: true,
    response_format: "auto",
    ...overrides,
  };
}

/** Every field of the wire run, in the spec's order. */
export const ALL_RUN_FIELDS = [
  "id",
  "object",
  "created_at",
  "thread_id",
  "assistant_id",
  "status",
  "required_action",
  "last_error",
  "expires_at",
  "started_at",
  "cancelled_at",
  "failed_at",
  "completed_at",
  "incomplete_details",
  "model",
  "instructions",
  "tools",
  "tool_resources",
  "metadata",
  "usage",
  "temperature",
  "top_p",
  "max_prompt_tokens",
  "max_completion_tokens",
  "truncation_strategy",
  "tool_choice",
  "parallel_tool_calls",
  "response_format",
] as const;
