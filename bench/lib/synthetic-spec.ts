/**
 * A synthetic OpenAPI 3.1 spec of `count` model schemas (about 2 MB at 300) for the codegen
 * benchmark: each schema is a model root (`x-model-name`) with timestamps, enums, nullable refs,
 * lists of records, a map of records, an `allOf` extension of a base and a union, plus one
 * operation and one example per ten schemas, so that every stage of `npm run generate` has work.
 */
import { stringify } from "yaml";

const TEXT = "A field of the synthetic spec, described as real specs describe their fields.";

function schemaOf(i: number, count: number): Record<string, unknown> {
  // Chains of ten schemas (the tenth points back at the first), as related resources do.
  const next = `Thing${(i + 1) % 10 === 0 ? i - 9 : Math.min(i + 1, count - 1)}`;
  const properties: Record<string, unknown> = {
    id: { type: "string", description: TEXT },
    object: { type: "string", enum: [`thing${i}`], default: `thing${i}`, description: TEXT },
    created_at: { type: "integer", format: "unixtime", description: TEXT },
    updated_at: { type: ["integer", "null"], format: "unixtime", description: TEXT },
    status: {
      type: "string",
      enum: ["queued", "running", "done", "failed"],
      "x-extensible-enum": true,
      description: TEXT,
    },
    display_name: { type: ["string", "null"], description: TEXT },
    item_count: { type: ["integer", "null"], minimum: 0, description: TEXT },
    score_ratio: { type: ["number", "null"], minimum: 0, maximum: 1, description: TEXT },
    is_enabled: { type: "boolean", default: true, description: TEXT },
    tags: { type: "array", items: { type: "string" }, description: TEXT },
    metadata: {
      type: ["object", "null"],
      additionalProperties: { type: "string" },
      description: TEXT,
    },
    parts: { type: "array", items: { $ref: `#/components/schemas/Part${i}` }, description: TEXT },
    parts_by_name: {
      type: ["object", "null"],
      additionalProperties: { $ref: `#/components/schemas/Part${i}` },
      description: TEXT,
    },
    next_thing: {
      description: TEXT,
      anyOf: [{ $ref: `#/components/schemas/${next}` }, { type: "null" }],
    },
    choice: {
      description: TEXT,
      anyOf: [
        { type: "string", enum: ["none", "auto"] },
        { $ref: `#/components/schemas/Part${i}` },
        { type: "null" },
      ],
    },
    extended: {
      description: TEXT,
      anyOf: [{ $ref: `#/components/schemas/Extended${i}` }, { type: "null" }],
    },
  };
  for (let f = 0; f < 8; f++) {
    properties[`extra_field_${f}`] = { type: ["string", "null"], description: TEXT };
  }
  return {
    type: "object",
    "x-model-name": `ThingModel${i}`,
    description: TEXT,
    required: ["id", "created_at", "status"],
    properties,
  };
}

function partOf(i: number): Record<string, unknown> {
  return {
    type: "object",
    description: TEXT,
    required: ["part_id"],
    properties: {
      part_id: { type: "string", description: TEXT },
      attached_at: { type: ["integer", "null"], format: "unixtime", description: TEXT },
      weight_grams: { type: ["number", "null"], description: TEXT },
      label: { type: ["string", "null"], description: `${TEXT} (${i})` },
    },
  };
}

function exampleOf(i: number): Record<string, unknown> {
  return {
    id: `thing_${i}`,
    object: `thing${i}`,
    created_at: 1699076126 + i,
    updated_at: null,
    status: "running",
    display_name: `Thing ${i}`,
    item_count: 3,
    score_ratio: 0.5,
    is_enabled: true,
    tags: ["a", "b"],
    metadata: { owner_id: "u_1" },
    parts: [{ part_id: "p_1", attached_at: 1699076127, weight_grams: 12.5, label: "first" }],
    parts_by_name: { first: { part_id: "p_1", attached_at: null } },
    next_thing: null,
    choice: "auto",
    extended: { base_id: "b_1", based_at: 1699076128, extra_note: "x" },
  };
}

/** The YAML text of a synthetic spec with `count` model schemas. */
export function syntheticSpec(count = 300): string {
  const schemas: Record<string, unknown> = {
    Base: {
      type: "object",
      description: TEXT,
      required: ["base_id"],
      properties: {
        base_id: { type: "string", description: TEXT },
        based_at: { type: ["integer", "null"], format: "unixtime", description: TEXT },
      },
    },
  };
  const paths: Record<string, unknown> = {};
  const examples: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    schemas[`Thing${i}`] = schemaOf(i, count);
    schemas[`Part${i}`] = partOf(i);
    schemas[`Extended${i}`] = {
      description: TEXT,
      allOf: [
        { $ref: "#/components/schemas/Base" },
        {
          type: "object",
          properties: { extra_note: { type: ["string", "null"], description: TEXT } },
        },
      ],
    };
    if (i % 10 === 0) {
      examples[`Thing${i}`] = { summary: `Thing ${i}`, value: exampleOf(i) };
      paths[`/things${i}/{id}`] = {
        get: {
          operationId: `getThing${i}`,
          summary: `Retrieve thing ${i}`,
          description: TEXT,
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": {
              description: "The thing.",
              content: {
                "application/json": {
                  schema: { $ref: `#/components/schemas/Thing${i}` },
                  examples: { One: { $ref: `#/components/examples/Thing${i}` } },
                },
              },
            },
            "404": { description: "No such thing." },
          },
        },
      };
    }
  }
  return stringify({
    openapi: "3.1.0",
    info: {
      title: "Synthetic benchmark spec",
      version: "1.0.0",
      description: TEXT,
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "http://127.0.0.1/v1", description: "Loopback only." }],
    paths,
    components: { schemas, examples },
  });
}
