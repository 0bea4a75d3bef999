/** Realistic wire runs for the conversion benchmark: tools, metadata, usage, mixed states. */

const STATUSES = ["completed", "cancelled", "in_progress", "requires_action", "failed", "queued"];

export function wireRun(i: number): Record<string, unknown> {
  const created = 1_735_000_000 + i * 37;
  const status = STATUSES[i % STATUSES.length] as string;
  const terminal = status === "completed" || status === "cancelled" || status === "failed";
  return {
    id: `run_${String(i).padStart(24, "0")}`,
    object: "thread.run",
    created_at: created,
    assistant_id: "asst_abc123def456ghi789jkl012",
    thread_id: `thread_${String(i % 7).padStart(24, "0")}`,
    status,
    started_at: status === "queued" ? null : created + 1,
    expires_at: terminal ? null : created + 600,
    cancelled_at: status === "cancelled" ? created + 30 : null,
    failed_at: status === "failed" ? created + 40 : null,
    completed_at: status === "completed" ? created + 50 : null,
    required_action:
      status === "requires_action"
        ? {
            type: "submit_tool_outputs",
            submit_tool_outputs: {
              tool_calls: [
                {
                  id: `call_${i}a`,
                  type: "function",
                  function: { name: "get_weather", arguments: '{"city":"Paris","unit":"c"}' },
                },
                {
                  id: `call_${i}b`,
                  type: "function",
                  function: { name: "lookup_order", arguments: '{"order_id":"A-1042"}' },
                },
              ],
            },
          }
        : null,
    last_error:
      status === "failed" ? { code: "server_error", message: "Something went wrong." } : null,
    model: "gpt-4o-2024-08-06",
    instructions: "You are a support agent. Answer briefly and call tools when you need data.",
    tools: [
      { type: "code_interpreter" },
      {
        type: "file_search",
        file_search: {
          max_num_results: 20,
          ranking_options: { ranker: "default_2024_08_21", score_threshold: 0.5 },
        },
      },
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "Current weather for a city.",
          parameters: {
            type: "object",
            properties: {
              city: { type: "string", description: "City name" },
              unit: { type: "string", enum: ["c", "f"] },
            },
            required: ["city"],
            additionalProperties: false,
          },
          strict: true,
        },
      },
      {
        type: "function",
        function: {
          name: "lookup_order",
          description: "Look up an order by id.",
          parameters: {
            type: "object",
            properties: { order_id: { type: "string" } },
            required: ["order_id"],
          },
        },
      },
    ],
    tool_resources: {
      code_interpreter: { file_ids: ["file-abc123", "file-def456"] },
      file_search: { vector_store_ids: ["vs_abc123"] },
    },
    metadata: { customer_id: `cus_${i}`, ticket: `T-${1000 + i}`, channel: "web", priority: "p2" },
    incomplete_details: null,
    usage: terminal ? { prompt_tokens: 812, completion_tokens: 233, total_tokens: 1045 } : null,
    temperature: 0.7,
    top_p: 1,
    max_prompt_tokens: 20000,
    max_completion_tokens: 4096,
    truncation_strategy: { type: "last_messages", last_messages: 12 },
    tool_choice: i % 3 === 0 ? { type: "function", function: { name: "get_weather" } } : "auto",
    parallel_tool_calls: true,
    response_format:
      i % 4 === 0
        ? {
            type: "json_schema",
            json_schema: {
              name: "answer",
              schema: { type: "object", properties: { text: { type: "string" } } },
              strict: true,
            },
          }
        : "auto",
  };
}

/** A list page of `n` runs as the server sends it. */
export function listPageText(n: number): string {
  const data = Array.from({ length: n }, (_, i) => wireRun(i));
  return JSON.stringify({
    object: "list",
    data,
    first_id: data[0]?.["id"] ?? null,
    last_id: data[data.length - 1]?.["id"] ?? null,
    has_more: true,
  });
}
