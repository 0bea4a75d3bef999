/**
 * The quick check of examples (scripts/lib/quick-validate.ts) lets the spec check skip Ajv for
 * what it vouches for, so wherever it gives a verdict, that verdict must be Ajv's. Checked on
 * every component schema of the project spec, the fixtures and a synthetic spec against every
 * example value and many broken copies of them, and on one case per keyword it knows.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { syntheticSpec } from "../../bench/lib/synthetic-spec.js";
import { quickValidate } from "../../scripts/lib/quick-validate.js";
import { exampleAjv } from "../../scripts/lib/spec-check.js";

type Obj = Record<string, unknown>;
const DOC_ID = "https://threadrun.invalid/quick.json";

/** Ajv's verdict on `value` against the schema at `#/<pointer>` of `document`. */
async function ajvJudge(document: Obj): Promise<(pointer: string, value: unknown) => boolean> {
  const ajv = await exampleAjv();
  ajv.addSchema(document, DOC_ID);
  return (pointer, value) => {
    const validate = ajv.getSchema(`${DOC_ID}#${pointer}`);
    if (!validate) throw new Error(`no schema at ${pointer}`);
    return validate(value) as boolean;
  };
}

/** Copies of `value` with one thing broken: each field removed, replaced, or one added. */
function brokenCopies(value: unknown): unknown[] {
  const copies: unknown[] = [];
  const replacements: unknown[] = [null, "text", 1.5, -1, 1699076126, true, {}, [], ["x"]];
  const visit = (node: unknown, rebuild: (replacement: unknown, drop?: boolean) => unknown) => {
    for (const replacement of replacements) copies.push(rebuild(replacement));
    if (Array.isArray(node)) {
      node.forEach((item, i) =>
        visit(item, (replacement, drop) =>
          rebuild(
            drop
              ? node.filter((_, j) => j !== i)
              : node.map((other, j) => (j === i ? replacement : other)),
          ),
        ),
      );
    } else if (typeof node === "object" && node !== null) {
      const record = node as Obj;
      copies.push(rebuild({ ...record, unexpected_field: 1 }));
      for (const key of Object.keys(record)) {
        copies.push(rebuild(Object.fromEntries(Object.entries(record).filter(([k]) => k !== key))));
        visit(record[key], (replacement) => rebuild({ ...record, [key]: replacement }));
      }
    }
  };
  visit(value, (replacement) => replacement);
  return copies;
}

const specs: [string, () => Obj][] = [
  ["spec/openapi.yaml", () => parse(readFileSync("spec/openapi.yaml", "utf8")) as Obj],
  [
    "OpenAI's run object fixture",
    () => parse(readFileSync("test/generator/fixtures/openai-run-object.yaml", "utf8")) as Obj,
  ],
  ["a synthetic spec of 12 model schemas", () => parse(syntheticSpec(12)) as Obj],
];

describe("the quick check of examples", () => {
  it.each(specs)(
    "agrees with Ajv wherever it gives a verdict, on %s",
    async (_name, load) => {
      const document = load();
      const components = document["components"] as Obj;
      const schemas = Object.keys(components["schemas"] as Obj);
      const examples = Object.values((components["examples"] ?? {}) as Record<string, Obj>).map(
        (example) => example["value"],
      );
      const values = examples.flatMap((value) => [value, ...brokenCopies(value)]);
      const judge = await ajvJudge(document);
      const disagreements: string[] = [];
      const verdicts = { true: 0, false: 0, unknown: 0 };
      for (const name of schemas) {
        const pointer = `/components/schemas/${name}`;
        const schema = (components["schemas"] as Obj)[name];
        for (const value of values) {
          const quick = quickValidate(document, schema, value);
          verdicts[quick === undefined ? "unknown" : quick ? "true" : "false"]++;
          if (quick !== undefined && quick !== judge(pointer, value)) {
            disagreements.push(`${name}: quick ${quick} for ${JSON.stringify(value)}`);
          }
        }
      }
      expect(disagreements.slice(0, 5)).toEqual([]);
      // The comparison covers both verdicts, not only one of them.
      expect(verdicts.true).toBeGreaterThan(0);
      expect(verdicts.false).toBeGreaterThan(verdicts.true);
    },
    120_000,
  );

  it("vouches for every example of spec/openapi.yaml against its schema (no Ajv needed)", () => {
    const document = parse(readFileSync("spec/openapi.yaml", "utf8")) as Obj;
    const examples = (document["components"] as Obj)["examples"] as Record<string, Obj>;
    // Each media type with a schema and examples: the pairs the spec check validates.
    const pairs: [string, unknown, unknown][] = [];
    const walk = (node: unknown): void => {
      if (typeof node !== "object" || node === null) return;
      const record = node as Obj;
      if (record["schema"] !== undefined && typeof record["examples"] === "object") {
        for (const [name, use] of Object.entries(record["examples"] as Record<string, Obj>)) {
          const ref = use["$ref"];
          const example = typeof ref === "string" ? examples[ref.split("/").pop() ?? ""] : use;
          pairs.push([name, record["schema"], example?.["value"]]);
        }
      }
      Object.values(record).forEach(walk);
    };
    walk(document["paths"]);
    walk((document["components"] as Obj)["responses"]);
    expect(pairs.length).toBeGreaterThan(5);
    for (const [name, schema, value] of pairs) {
      expect(quickValidate(document, schema, value), name).toBe(true);
    }
  });

  describe("keyword by keyword, as Ajv reads it", () => {
    const cases: [string, Obj, unknown][] = [
      ["minLength counts code points", { type: "string", minLength: 2 }, "😀"],
      ["maxLength counts code points", { type: "string", maxLength: 1 }, "😀"],
      ["pattern is a unicode regular expression", { pattern: "^\\p{L}+$" }, "été"],
      ["pattern fails", { pattern: "^a" }, "ba"],
      ["exclusiveMinimum", { exclusiveMinimum: 0 }, 0],
      ["exclusiveMaximum", { exclusiveMaximum: 1 }, 0.5],
      ["minimum ignores other types", { minimum: 5 }, "3"],
      ["oneOf with two matching members", { oneOf: [{ type: "integer" }, { type: "number" }] }, 1],
      ["oneOf with one matching member", { oneOf: [{ type: "integer" }, { type: "string" }] }, 1],
      ["not", { not: { type: "string" } }, "x"],
      ["const", { const: "thread.run" }, "thread.run"],
      ["enum of strings", { enum: ["a", "b"] }, "c"],
      ["enum and an object value", { enum: ["a"] }, { a: 1 }],
      ["required reads own properties", { required: ["constructor"] }, {}],
      [
        "required with an own constructor field",
        { required: ["constructor"] },
        JSON.parse('{"constructor": 1}'),
      ],
      [
        "a __proto__ field is a field",
        { properties: { __proto__: { type: "string" } } },
        JSON.parse('{"__proto__": 1}'),
      ],
      [
        "additionalProperties false",
        { properties: { a: {} }, additionalProperties: false },
        { a: 1, b: 2 },
      ],
      ["additionalProperties as a schema", { additionalProperties: { type: "integer" } }, { a: 1 }],
      ["items", { items: { type: "string" } }, ["a", 1]],
      ["propertyNames", { propertyNames: { maxLength: 3 } }, { abcd: 1 }],
      ["minItems", { minItems: 2 }, ["a"]],
      ["maxProperties", { maxProperties: 1 }, { a: 1, b: 2 }],
      ["unixtime in seconds", { type: "integer", format: "unixtime" }, 1699076126],
      ["unixtime in milliseconds", { type: "integer", format: "unixtime" }, 1699076126000],
      ["unixtime with a fraction", { type: ["number"], format: "unixtime" }, 1699076126.5],
      ["a string format on a string", { type: "string", format: "date-time" }, "yesterday"],
      ["a type list with null", { type: ["integer", "null"] }, null],
      ["integer and a fraction", { type: "integer" }, 1.5],
      ["allOf", { allOf: [{ type: "object" }, { required: ["a"] }] }, { b: 1 }],
      ["anyOf", { anyOf: [{ type: "string" }, { type: "null" }] }, 3],
      ["a false schema", { properties: { a: false } }, { a: 1 }],
    ];
    it.each(cases)("%s", async (_name, schema, value) => {
      const document: Obj = { components: { schemas: { S: schema } } };
      const judge = await ajvJudge(document);
      const quick = quickValidate(document, schema, value);
      const known = ["a string format on a string"];
      if (known.includes(_name)) expect(quick).toBeUndefined();
      else expect(quick).toBe(judge("/components/schemas/S", value));
    });
  });
});
