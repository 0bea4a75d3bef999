/**
 * The conventions scripts/generate.ts and the client rely on, checked on spec/openapi.yaml
 * itself. They describe rules and contracts, not the current text: adding a field, an enum
 * value, a tool type or an answer keeps them passing.
 */
import { readFileSync, readdirSync } from "node:fs";
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

/** The .ts files under a folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(path.join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [path.join(dir, entry.name)]
        : [],
  );
}

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

  it("defines every schema src/ refers to by name", () => {
    // Derived from the sources: `Wire<"X">` and `Schemas["X"]` name the wire types src/ uses.
    const names = new Set<string>();
    for (const file of sourceFiles(path.join(repoRoot, "src"))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/(?:Wire<"|Schemas\[")([A-Za-z0-9_.]+)"/g)) names.add(m[1]!);
    }
    expect(names.size).toBeGreaterThan(0);
    for (const name of names) expect(schemas, name).toHaveProperty(name);
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
    expect(count).toBeGreaterThan(0);
  });

  it("requires only a run's identity, each well typed", () => {
    const run = schema("RunObject");
    expect(run["x-model-name"]).toBe("ThreadRun");
    // Issue 9: self-hosted servers send sparse runs; only the identity must be there.
    expect([...(run["required"] as string[])].sort()).toEqual([
      "created_at",
      "id",
      "status",
      "thread_id",
    ]);
    const p = props("RunObject");
    expect(p["id"]).toMatchObject({ type: "string" });
    expect(p["thread_id"]).toMatchObject({ type: "string" });
    expect(p["created_at"]).toMatchObject({ type: "integer", format: "unixtime" });
    expect(p["status"]).toEqual(ref("RunStatus"));
  });

  it("states the contract of the run's fields the client relies on", () => {
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
    // A property that refers to an object schema says it may be null (an absent one reads so).
    for (const [field, value] of Object.entries(p)) {
      const node = obj(value, field);
      if (!Array.isArray(node["anyOf"])) continue;
      expect(node["anyOf"], field).toContainEqual({ type: "null" });
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
    const values = status["enum"] as string[];
    const terminal = status["x-terminal-values"] as string[];
    // Terminal values are values of the enum; cancelling is not one of them.
    for (const value of terminal) expect(values, value).toContain(value);
    for (const value of ["cancelled", "failed", "completed", "incomplete", "expired"]) {
      expect(terminal).toContain(value);
    }
    for (const value of ["queued", "in_progress", "requires_action", "cancelling"]) {
      expect(values).toContain(value);
      expect(terminal).not.toContain(value);
    }
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

  it("tells every tool and response format apart by its type", () => {
    for (const [name, node] of [
      ["Tool", schema("Tool")],
      [
        "ResponseFormat",
        obj((schema("ResponseFormat")["anyOf"] as unknown[])[1], "ResponseFormat"),
      ],
    ] as const) {
      const members = node["oneOf"] as Json[];
      const discriminator = obj(node["discriminator"], `${name}.discriminator`);
      expect(discriminator["propertyName"], name).toBe("type");
      // Every member is in the mapping, under the constant its own `type` has.
      const mapping = obj(discriminator["mapping"], `${name}.mapping`);
      for (const member of members) {
        const target = String(member["$ref"]);
        const memberType = obj(props(target.split("/").pop()!)["type"], target);
        const [constant] = memberType["enum"] as string[];
        expect(mapping[constant!], target).toBe(target);
      }
    }
    expect(schema("ToolChoice")).toMatchObject({
      anyOf: [{ type: "string", enum: ["none", "auto", "required"] }, ref("ToolChoiceObject")],
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
      for (const status of ["200", "400", "401", "404", "429", "500", "503"]) {
        expect(Object.keys(opResponses), `${id} answers ${status}`).toContain(status);
      }
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
    const servers = (doc["servers"] as Json[]).map((s) => s["url"]);
    // The first server is the client's default base URL.
    expect(servers[0]).toBe("https://api.openai.com/v1");
    expect(servers).toContain("https://{resource}.services.ai.azure.com/api/projects/{project}");
    const schemes = obj(components["securitySchemes"], "securitySchemes");
    for (const scheme of Object.values(schemes)) {
      expect(scheme).toMatchObject({ type: "http", scheme: "bearer" });
    }
    expect(Object.keys(schemes)).toEqual(expect.arrayContaining(["OpenAIApiKey", "AzureEntraId"]));
  });
});
