/** The conventions scripts/generate.ts relies on, checked on spec/openapi.yaml itself. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const obj = (value: unknown, what: string): Json => {
  if (!isObject(value)) throw new Error(`${what} is not an object`);
  return value;
};

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const text = readFileSync(path.join(repoRoot, "spec/openapi.yaml"), "utf8");
const doc = obj(parse(text), "document");
const components = obj(doc["components"], "components");
const schemas = obj(components["schemas"], "schemas");
const schema = (name: string): Json => obj(schemas[name], `schema ${name}`);
const props = (name: string): Json => obj(schema(name)["properties"], `${name}.properties`);
const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

/** Every schema node (components/schemas and below, media/parameter schemas), not example data. */
function schemaNodes(): { at: string; node: Json }[] {
  const out: { at: string; node: Json }[] = [];
  const visit = (node: unknown, at: string, inSchema: boolean): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${at}/${i}`, inSchema));
    if (!isObject(node)) return;
    if (inSchema) out.push({ at, node });
    for (const [key, value] of Object.entries(node)) {
      if (["example", "examples", "enum", "const", "default"].includes(key)) continue;
      if (key.startsWith("x-")) continue;
      if (inSchema && key === "properties" && isObject(value)) {
        for (const [name, sub] of Object.entries(value))
          visit(sub, `${at}/properties/${name}`, true);
        continue;
      }
      visit(value, `${at}/${key}`, inSchema || key === "schema" || at === "#/components/schemas");
    }
  };
  visit(doc, "#", false);
  return out;
}

describe("spec/openapi.yaml conventions", () => {
  it("is OpenAPI 3.1.0 and never uses `nullable` or additionalProperties: false", () => {
    expect(doc["openapi"]).toBe("3.1.0");
    for (const { at, node } of schemaNodes()) {
      expect(node, at).not.toHaveProperty("nullable");
      expect(node["additionalProperties"], at).not.toBe(false);
    }
  });

  it("names every required schema", () => {
    for (const name of [
      "RunObject",
      "RunStatus",
      "RequiredAction",
      "SubmitToolOutputsAction",
      "RunToolCall",
      "RunToolCallFunction",
      "RunLastError",
      "RunIncompleteDetails",
      "RunUsage",
      "TruncationStrategy",
      "ToolChoice",
      "ToolChoiceObject",
      "ResponseFormat",
      "ResponseFormatText",
      "ResponseFormatJsonObject",
      "ResponseFormatJsonSchema",
      "JsonSchemaFormat",
      "Tool",
      "CodeInterpreterTool",
      "FileSearchTool",
      "FunctionTool",
      "FileSearchToolOptions",
      "FileSearchRankingOptions",
      "FunctionDefinition",
      "FunctionParameters",
      "ToolResources",
      "Metadata",
      "ListRunsResponse",
      "ErrorResponse",
      "ApiErrorObject",
    ]) {
      expect(schemas, name).toHaveProperty(name);
    }
  });

  it("types every *_at property as integer Unix seconds with format unixtime", () => {
    let count = 0;
    for (const { at, node } of schemaNodes()) {
      if (!/\/properties\/[^/]*_at$/.test(at)) continue;
      count++;
      expect(node["format"], at).toBe("unixtime");
      expect([["integer"], ["integer", "null"]], at).toContainEqual([node["type"]].flat());
      expect(String(node["description"]), at).toMatch(/Unix time in seconds/);
    }
    expect(count).toBe(6);
  });

  it("describes RunObject as required by the generator", () => {
    const run = schema("RunObject");
    expect(run["x-model-name"]).toBe("ThreadRun");
    const fields = Object.keys(props("RunObject"));
    // Only the identity of a run is required (issue 9: sparse answers from self-hosted servers).
    expect([...(run["required"] as string[])].sort()).toEqual([
      "created_at",
      "id",
      "status",
      "thread_id",
    ]);
    for (const field of [
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
    ]) {
      expect(fields, field).toContain(field);
    }
    const p = props("RunObject");
    expect(p["object"]).toMatchObject({
      type: "string",
      enum: ["thread.run"],
      default: "thread.run",
    });
    expect(p["parallel_tool_calls"]).toMatchObject({ type: "boolean", default: true });
    expect(p["instructions"]).toMatchObject({ type: ["string", "null"] });
    expect(String(obj(p["instructions"], "instructions")["description"])).toMatch(/null/);
    expect(p["tools"]).toMatchObject({ type: "array", maxItems: 20, items: ref("Tool") });
    expect(p["temperature"]).toMatchObject({ type: ["number", "null"], minimum: 0, maximum: 2 });
    expect(p["top_p"]).toMatchObject({ type: ["number", "null"], minimum: 0, maximum: 1 });
    expect(p["max_prompt_tokens"]).toMatchObject({ type: ["integer", "null"], minimum: 256 });
    expect(p["max_completion_tokens"]).toMatchObject({ type: ["integer", "null"], minimum: 256 });
    for (const [field, target] of [
      ["required_action", "RequiredAction"],
      ["last_error", "RunLastError"],
      ["incomplete_details", "RunIncompleteDetails"],
      ["tool_resources", "ToolResources"],
      ["usage", "RunUsage"],
      ["truncation_strategy", "TruncationStrategy"],
      ["tool_choice", "ToolChoice"],
      ["response_format", "ResponseFormat"],
    ] as const) {
      expect(p[field], field).toMatchObject({ anyOf: [ref(target), { type: "null" }] });
    }
  });

  it("says how every optional field of every schema reads when absent", () => {
    const nullable = (node: Json): boolean =>
      [node["type"]].flat().includes("null") ||
      (Array.isArray(node["anyOf"]) &&
        node["anyOf"].some((alt) => isObject(alt) && alt["type"] === "null")) ||
      (typeof node["$ref"] === "string" && nullable(schema(node["$ref"].split("/").pop()!)));
    let optional = 0;
    for (const { at, node } of schemaNodes()) {
      if (!isObject(node["properties"])) continue;
      const required = (node["required"] ?? []) as string[];
      for (const [key, value] of Object.entries(node["properties"])) {
        if (required.includes(key)) continue;
        optional++;
        const prop = obj(value, `${at}/properties/${key}`);
        const reads = "default" in prop || nullable(prop) || prop["type"] === "array";
        expect(reads, `${at}/properties/${key}: null, [] or a default`).toBe(true);
      }
    }
    expect(optional).toBeGreaterThan(0);
  });

  it("marks extensible enums and the terminal run statuses", () => {
    const status = schema("RunStatus");
    expect(status["x-extensible-enum"]).toBe(true);
    expect(status["enum"]).toEqual([
      "queued",
      "in_progress",
      "requires_action",
      "cancelling",
      "cancelled",
      "failed",
      "completed",
      "incomplete",
      "expired",
    ]);
    expect(status["x-terminal-values"]).toEqual([
      "cancelled",
      "failed",
      "completed",
      "incomplete",
      "expired",
    ]);
    for (const [name, field] of [
      ["RunLastError", "code"],
      ["RunIncompleteDetails", "reason"],
      ["FileSearchRankingOptions", "ranker"],
      ["ToolChoiceObject", "type"],
      ["TruncationStrategy", "type"],
      ["RequiredAction", "type"],
    ] as const) {
      expect(obj(props(name)[field], field)["x-extensible-enum"], `${name}.${field}`).toBe(true);
    }
  });

  it("uses a discriminated oneOf for Tool and anyOf for the string-or-object unions", () => {
    expect(schema("Tool")).toMatchObject({
      oneOf: [ref("CodeInterpreterTool"), ref("FileSearchTool"), ref("FunctionTool")],
      discriminator: {
        propertyName: "type",
        mapping: {
          code_interpreter: "#/components/schemas/CodeInterpreterTool",
          file_search: "#/components/schemas/FileSearchTool",
          function: "#/components/schemas/FunctionTool",
        },
      },
    });
    expect(schema("ToolChoice")).toMatchObject({
      anyOf: [{ type: "string", enum: ["none", "auto", "required"] }, ref("ToolChoiceObject")],
    });
    expect(schema("ResponseFormat")).toMatchObject({
      anyOf: [
        { type: "string", enum: ["auto"] },
        {
          oneOf: [
            ref("ResponseFormatText"),
            ref("ResponseFormatJsonObject"),
            ref("ResponseFormatJsonSchema"),
          ],
          discriminator: { propertyName: "type" },
        },
      ],
    });
  });

  it("keeps user data opaque (no properties) and constrains metadata", () => {
    expect(schema("Metadata")).toMatchObject({
      type: ["object", "null"],
      maxProperties: 16,
      propertyNames: { maxLength: 64 },
      additionalProperties: { type: "string", maxLength: 512 },
    });
    expect(schema("Metadata")).not.toHaveProperty("properties");
    expect(schema("FunctionParameters")).toEqual(
      expect.objectContaining({ type: "object", additionalProperties: true }),
    );
    expect(schema("FunctionParameters")).not.toHaveProperty("properties");
    const jsonSchema = obj(props("JsonSchemaFormat")["schema"], "JsonSchemaFormat.schema");
    expect(jsonSchema).toMatchObject({ type: ["object", "null"], additionalProperties: true });
    expect(jsonSchema).not.toHaveProperty("properties");
  });

  it("declares the operations, parameters and responses", () => {
    const paths = obj(doc["paths"], "paths");
    const ops = {
      cancelRun: obj(
        obj(paths["/threads/{thread_id}/runs/{run_id}/cancel"], "cancel")["post"],
        "post",
      ),
      getRun: obj(obj(paths["/threads/{thread_id}/runs/{run_id}"], "get")["get"], "get"),
      listRuns: obj(obj(paths["/threads/{thread_id}/runs"], "list")["get"], "get"),
    };
    const responses = obj(components["responses"], "responses");
    for (const [id, op] of Object.entries(ops)) {
      expect(op["operationId"]).toBe(id);
      expect(op["tags"]).toEqual(["Runs"]);
      expect(op["summary"]).toBeTruthy();
      expect(op).not.toHaveProperty("requestBody");
      const refs = (op["parameters"] as Json[]).map((p) => p["$ref"]);
      expect(refs).toContain("#/components/parameters/OpenAIBeta");
      expect(refs).toContain("#/components/parameters/ApiVersion");
      const opResponses = obj(op["responses"], "responses");
      expect(Object.keys(opResponses).sort()).toEqual(
        ["200", "400", "401", "403", "404", "409", "429", "500", "502", "503", "504"].sort(),
      );
      for (const [status, response] of Object.entries(opResponses)) {
        const resolved = obj(
          status === "200"
            ? response
            : responses[String(obj(response, status)["$ref"]).split("/").pop()!],
          status,
        );
        const headers = obj(resolved["headers"], `${id} ${status} headers`);
        expect(headers, `${id} ${status}`).toHaveProperty("x-request-id");
        if (status === "429" || status === "503") {
          expect(headers).toHaveProperty("Retry-After");
          expect(headers).toHaveProperty("retry-after-ms");
        }
      }
    }
    const cancelDescription = String(ops.cancelRun["description"]);
    expect(cancelDescription).toMatch(/cancelling/);
    expect(cancelDescription).toMatch(/Cannot cancel run with status '<status>'/);
    expect(cancelDescription).toMatch(/retried cancel/);
    const parameters = obj(components["parameters"], "parameters");
    expect(parameters["OpenAIBeta"]).toMatchObject({
      name: "OpenAI-Beta",
      in: "header",
      required: false,
      schema: { type: "string", enum: ["assistants=v2"] },
    });
    expect(parameters["ApiVersion"]).toMatchObject({
      name: "api-version",
      in: "query",
      required: false,
    });
    expect(parameters["Limit"]).toMatchObject({
      schema: { type: "integer", minimum: 1, maximum: 100, default: 20 },
    });
    expect(parameters["Order"]).toMatchObject({
      schema: { type: "string", enum: ["asc", "desc"], default: "desc" },
    });
  });

  it("documents both providers and the compatibility policy", () => {
    const info = obj(doc["info"], "info");
    const description = String(info["description"]);
    expect(description).toMatch(/MUST ignore unknown fields and keep them/);
    expect(description).toMatch(/x-extensible-enum/);
    expect(description).toMatch(/non-terminal/);
    expect(description).toMatch(/`null` and an absent optional field/);
    expect(description).toMatch(/identity/);
    expect(description).toMatch(/OpenAI-Beta: assistants=v2/);
    expect(description).toMatch(/api-version=2025-05-01/);
    const servers = doc["servers"] as Json[];
    expect(servers.map((s) => s["url"])).toEqual([
      "https://api.openai.com/v1",
      "https://{resource}.services.ai.azure.com/api/projects/{project}",
    ]);
    const schemes = obj(components["securitySchemes"], "securitySchemes");
    for (const scheme of Object.values(schemes)) {
      expect(scheme).toMatchObject({ type: "http", scheme: "bearer" });
    }
    expect(Object.keys(schemes)).toHaveLength(2);
  });
});
