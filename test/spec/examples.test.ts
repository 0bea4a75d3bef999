/**
 * Every example in spec/openapi.yaml validates against its schema (Ajv, JSON Schema 2020-12),
 * each as its own test case, and the validator really rejects broken values.
 *
 * The example collector here is written independently of scripts/lib/spec-check.ts on purpose.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv/dist/2020.js";
import ajvFormatsModule from "ajv-formats";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const document = parse(readFileSync(path.join(repoRoot, "spec/openapi.yaml"), "utf8")) as Record<
  string,
  unknown
>;

const DOC_ID = "https://threadrun.invalid/test/openapi.json";
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, logger: false });
ajvFormatsModule.default(ajv);
ajv.addFormat("unixtime", {
  type: "number",
  validate: (value: number) => Number.isInteger(value) && value >= 0 && value < 1e11,
});
ajv.addSchema(document, DOC_ID);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function pointer(segments: readonly (string | number)[]): string {
  return (
    "#" + segments.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("")
  );
}

function resolve(ref: string): unknown {
  let node: unknown = document;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = isObject(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
  }
  return node;
}

function validatorAt(schemaPointer: string): ValidateFunction {
  const fragment = schemaPointer
    .slice(1)
    .split("/")
    .map((s) => encodeURIComponent(s))
    .join("/");
  const validate = ajv.getSchema(`${DOC_ID}#${fragment}`);
  if (!validate) throw new Error(`no schema at ${schemaPointer}`);
  return validate;
}

interface ExampleCase {
  name: string;
  value: unknown;
  schemaPointer: string;
}

/** Collects examples: Example objects (inline or $ref) next to a `schema`, and schema examples. */
function collectExamples(): { cases: ExampleCase[]; usedComponentExamples: Set<string> } {
  const cases: ExampleCase[] = [];
  const used = new Set<string>();
  const seen = new Set<string>();
  const add = (name: string, value: unknown, schemaPointer: string): void => {
    const key = `${name} ${schemaPointer}`;
    if (seen.has(key)) return;
    seen.add(key);
    cases.push({ name, value, schemaPointer });
  };
  const visit = (node: unknown, at: (string | number)[], inSchema: boolean): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, [...at, i], inSchema));
      return;
    }
    if (!isObject(node)) return;
    const here = pointer(at);
    if (!inSchema && "schema" in node) {
      const schemaPointer = pointer([...at, "schema"]);
      if ("example" in node) add(`${here}/example`, node["example"], schemaPointer);
      if (isObject(node["examples"])) {
        for (const [name, example] of Object.entries(node["examples"])) {
          if (!isObject(example)) continue;
          const ref = typeof example["$ref"] === "string" ? example["$ref"] : undefined;
          const target = ref === undefined ? example : resolve(ref);
          if (ref !== undefined) used.add(ref);
          if (isObject(target) && "value" in target) {
            add(ref ?? `${here}/examples/${name}`, target["value"], schemaPointer);
          }
        }
      }
    }
    if (inSchema) {
      if ("example" in node) add(`${here}/example`, node["example"], here);
      if (Array.isArray(node["examples"])) {
        node["examples"].forEach((value, i) => add(`${here}/examples/${i}`, value, here));
      }
    }
    for (const [key, value] of Object.entries(node)) {
      // Example values and vendor extensions are data, not spec structure.
      if (key === "example" || key === "examples" || key === "value" || key.startsWith("x-")) {
        continue;
      }
      const childInSchema = inSchema || key === "schema" || (key === "schemas" && at.length === 1);
      visit(value, [...at, key], childInSchema);
    }
  };
  visit(document, [], false);
  return { cases, usedComponentExamples: used };
}

const { cases, usedComponentExamples } = collectExamples();

function componentExample(name: string): Json {
  const value = resolve(`#/components/examples/${name}`);
  if (!isObject(value) || !isObject(value["value"])) throw new Error(`no example ${name}`);
  return structuredClone(value["value"]);
}

describe("examples in spec/openapi.yaml", () => {
  it("finds the examples (component, parameter and header examples)", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    const names = cases.map((c) => c.name);
    expect(names).toContain("#/components/examples/CancellingRun");
    expect(names).toContain("#/components/examples/RunListPage");
    expect(names).toContain("#/components/parameters/Limit/example");
    expect(names).toContain("#/components/headers/XRequestId/example");
  });

  it("uses every component example somewhere (so each one gets validated)", () => {
    const components = resolve("#/components/examples");
    expect(isObject(components)).toBe(true);
    for (const name of Object.keys(components as Json)) {
      expect(usedComponentExamples, name).toContain(`#/components/examples/${name}`);
    }
  });

  it.each(cases.map((c) => [c.name, c.schemaPointer, c] as const))(
    "%s validates against %s",
    (_name, schemaPointer, example) => {
      const validate = validatorAt(schemaPointer);
      const ok = validate(example.value);
      expect(ok ? [] : ajv.errorsText(validate.errors)).toEqual([]);
    },
  );

  it.each(["CancellingRun", "CompletedRun", "RequiresActionRun", "JsonSchemaRun"])(
    "example run %s has the run's identity, and only fields RunObject declares",
    (name) => {
      const runObject = resolve("#/components/schemas/RunObject") as Json;
      const fields = Object.keys(runObject["properties"] as Json);
      const example = componentExample(name);
      for (const key of runObject["required"] as string[]) expect(example, key).toHaveProperty(key);
      for (const key of Object.keys(example)) expect(fields, key).toContain(key);
    },
  );
});

describe("the validator rejects broken values", () => {
  const run = validatorAt("#/components/schemas/RunObject");
  const rejects = (mutate: (value: Json) => void, expected: RegExp): void => {
    const value = componentExample("CompletedRun");
    mutate(value);
    expect(run(value)).toBe(false);
    expect(ajv.errorsText(run.errors)).toMatch(expected);
  };

  it("accepts the untouched example and unknown extra fields (objects are open)", () => {
    const value = componentExample("CompletedRun");
    expect(run(value)).toBe(true);
    value["some_future_field"] = { nested: true };
    expect(run(value)).toBe(true);
  });

  it('rejects created_at "abc"', () => {
    rejects((v) => (v["created_at"] = "abc"), /created_at must be integer/);
  });

  it("rejects a timestamp in milliseconds (format unixtime is seconds)", () => {
    rejects((v) => (v["created_at"] = 1699076126000), /created_at must match format "unixtime"/);
  });

  it("rejects metadata with 17 keys", () => {
    rejects((v) => {
      v["metadata"] = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, "v"]));
    }, /metadata must NOT have more than 16 properties/);
  });

  it("rejects a metadata key of 65 characters", () => {
    rejects((v) => (v["metadata"] = { ["k".repeat(65)]: "v" }), /property name must be valid/);
  });

  it("rejects a metadata value of 513 characters", () => {
    rejects((v) => (v["metadata"] = { user_id: "v".repeat(513) }), /must NOT have more than 512/);
  });

  it("rejects 21 tools", () => {
    rejects(
      (v) => (v["tools"] = Array.from({ length: 21 }, () => ({ type: "code_interpreter" }))),
      /tools must NOT have more than 20 items/,
    );
  });

  it("rejects out-of-range temperature, top_p and token limits", () => {
    rejects((v) => (v["temperature"] = 2.5), /temperature must be <= 2/);
    rejects((v) => (v["top_p"] = 1.5), /top_p must be <= 1/);
    rejects((v) => (v["max_prompt_tokens"] = 255), /max_prompt_tokens must be >= 256/);
    rejects((v) => (v["max_completion_tokens"] = 100), /max_completion_tokens must be >= 256/);
    rejects(
      (v) => (v["truncation_strategy"] = { type: "last_messages", last_messages: 0 }),
      /last_messages must be >= 1/,
    );
  });

  it("rejects file_search options out of range", () => {
    rejects((v) => {
      v["tools"] = [{ type: "file_search", file_search: { max_num_results: 51 } }];
    }, /max_num_results must be <= 50/);
    rejects((v) => {
      v["tools"] = [
        { type: "file_search", file_search: { ranking_options: { score_threshold: 2 } } },
      ];
    }, /score_threshold must be <= 1/);
  });

  it("rejects a missing identity field but accepts a run without any optional one", () => {
    const runObject = resolve("#/components/schemas/RunObject") as Json;
    const required = runObject["required"] as string[];
    for (const key of required) {
      rejects((v) => delete v[key], new RegExp(`must have required property '${key}'`));
    }
    const value = componentExample("CompletedRun");
    for (const key of Object.keys(value)) if (!required.includes(key)) delete value[key];
    expect(run(value)).toBe(true);
  });

  it("rejects a list limit of 101", () => {
    const limit = validatorAt("#/components/parameters/Limit/schema");
    expect(limit(100)).toBe(true);
    expect(limit(101)).toBe(false);
    expect(limit(0)).toBe(false);
  });
});
