import { describe, expect, it } from "vitest";
import { camelCase } from "../../scripts/lib/json.js";
import { threadRunFromWire, threadRunToWire, WireShapeError } from "../../generated/model.js";
import {
  exampleRuns,
  filledIn as filledInFields,
  loadSpec,
  specDefaults,
  wireValidator,
} from "./support.js";

const spec = loadSpec();
const runs = exampleRuns(spec);
const validRun = wireValidator("RunObject", spec);
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const schemas = (spec["components"] as { schemas: Record<string, Obj> }).schemas;
const runObject = schemas["RunObject"] as { properties: Record<string, Obj>; required: string[] };
const defaults = specDefaults(spec);
const filledIn = (after: unknown, before: unknown): string[] =>
  filledInFields(after, before, defaults);
const clone = <T>(v: T): T => structuredClone(v);
const firstRun = (): Obj => {
  const [first] = runs;
  if (!first) throw new Error("the spec has no example run");
  return first[1];
};

describe("the generated converters", () => {
  it("finds the spec's example runs", () => {
    // cancelling, completed, requires_action, json_schema, and the list page's runs.
    expect(runs.length).toBeGreaterThanOrEqual(5);
  });

  it.each(runs)(
    "round-trips %s (wire -> model -> wire): the same, absent fields filled with their empty value",
    (_name, wire) => {
      const before = clone(wire);
      const back = threadRunToWire(threadRunFromWire(wire));
      expect(back).toMatchObject(before);
      expect(filledIn(back, before)).toEqual([]);
      expect(validRun(back)).toEqual([]);
      // Converting never mutates its input.
      expect(wire).toStrictEqual(before);
      // What comes back is complete: it round-trips exactly.
      expect(threadRunToWire(threadRunFromWire(clone(back)))).toStrictEqual(back);
    },
  );

  it.each(runs)("round-trips %s exactly (model -> wire -> model)", (_name, wire) => {
    const model = threadRunFromWire(clone(wire));
    expect(threadRunFromWire(threadRunToWire(model))).toStrictEqual(model);
  });

  // Derived from the spec: every `format: unixtime` property of the run, under the one
  // camel-case rule the generator uses.
  const timestamps = Object.entries(runObject.properties)
    .filter(([, prop]) => prop["format"] === "unixtime")
    .map(([key]) => [key, camelCase(key)] as const);

  it("finds the run's timestamps in the spec", () => {
    expect(timestamps.length).toBeGreaterThan(0);
  });

  it.each(runs)("turns every timestamp of %s into a Date right to the second", (_name, wire) => {
    const model = threadRunFromWire(clone(wire)) as unknown as Obj;
    for (const [key, modelKey] of timestamps) {
      const seconds = wire[key];
      if (seconds === null || seconds === undefined) expect(model[modelKey], key).toBeNull();
      else expect(model[modelKey], key).toEqual(new Date((seconds as number) * 1000));
    }
  });

  it("reads 1699076126 as 2023-11-04T05:35:26.000Z, and writes it back as seconds", () => {
    const [, wire] = runs.find(([, r]) => r["created_at"] === 1699076126) ?? [];
    expect(wire, "an example with created_at 1699076126").toBeDefined();
    const model = threadRunFromWire(clone(wire));
    expect(model.createdAt.toISOString()).toBe("2023-11-04T05:35:26.000Z");
    expect(threadRunToWire(model).created_at).toBe(1699076126);
  });

  it("never renames user data: metadata keys, function parameters, JSON schemas", () => {
    const all = runs.map(([, r]) => threadRunFromWire(clone(r)));
    const metadata = all.find((r) => r.metadata && "user_id" in r.metadata)?.metadata;
    expect(metadata, "an example with metadata.user_id").toBeDefined();
    expect(Object.keys(metadata ?? {})).toContain("user_id");

    const fn = all.flatMap((r) => r.tools).find((t) => t.type === "function");
    expect(fn, "an example with a function tool").toBeDefined();
    const params = JSON.stringify(fn?.type === "function" ? fn.function.parameters : null);
    const wireFn = runs
      .flatMap(([, r]) => r["tools"] as { type: string; function?: { parameters?: unknown } }[])
      .find((t) => t.type === "function");
    expect(params).toContain('"order_id"'); // snake_case property names survive
    expect(params).toBe(JSON.stringify(wireFn?.function?.parameters)); // byte-identical

    const format = all
      .map((r) => r.responseFormat)
      .find((f) => typeof f === "object" && f?.type === "json_schema");
    expect(format, "an example with a json_schema response format").toBeDefined();
    const schema =
      format && typeof format === "object" && format.type === "json_schema"
        ? format.jsonSchema.schema
        : null;
    const [, source] =
      runs.find(([, r]) => (r["response_format"] as { type?: string })?.type === "json_schema") ??
      [];
    const wireSchema = (source?.["response_format"] as { json_schema: { schema: unknown } })
      .json_schema.schema;
    expect(JSON.stringify(schema)).toBe(JSON.stringify(wireSchema));
  });

  it("keeps fields, enum values and tool variants it does not know", () => {
    const base = firstRun();
    const wire = {
      ...clone(base),
      status: "paused_for_review",
      brand_new_field: { nested_key: [1, 2] },
      tools: [{ type: "browser", browser: { max_pages: 3 } }, { type: "code_interpreter" }],
    } as Record<string, unknown>;
    const model = threadRunFromWire(clone(wire));
    expect(model.status).toBe("paused_for_review");
    expect((model as unknown as Record<string, unknown>)["brand_new_field"]).toEqual({
      nested_key: [1, 2],
    });
    expect(model.tools[0]).toEqual({ type: "browser", browser: { max_pages: 3 } });
    const back = threadRunToWire(model);
    expect(back).toMatchObject(wire);
    expect(filledIn(back, wire)).toEqual([]);
  });

  it("keeps an unknown field when the server also leaves a known one out (same key count)", () => {
    const wire = clone(firstRun());
    delete wire["temperature"];
    delete wire["started_at"];
    wire["azure_extra"] = "kept";
    wire["another_extra"] = 1;
    const model = threadRunFromWire(clone(wire)) as unknown as Record<string, unknown>;
    expect(model["azure_extra"]).toBe("kept");
    expect(model["another_extra"]).toBe(1);
    const back = threadRunToWire(model as never) as unknown as Record<string, unknown>;
    expect(back["azure_extra"]).toBe("kept");
    expect(back["another_extra"]).toBe(1);
  });

  const optionalFields = Object.keys(runObject.properties).filter(
    (key) => !runObject.required.includes(key),
  );

  it("requires only the identity of a run", () => {
    expect([...runObject.required].sort()).toEqual(["created_at", "id", "status", "thread_id"]);
  });

  it.each(optionalFields)(
    "reads an absent %s as its empty value, and writes that back as valid wire JSON",
    (key) => {
      const prop = runObject.properties[key] as Obj;
      const types = [prop["type"]].flat();
      const nullable =
        types.includes("null") ||
        (Array.isArray(prop["anyOf"]) &&
          prop["anyOf"].some((alt) => isObj(alt) && alt["type"] === "null")) ||
        (typeof prop["$ref"] === "string" &&
          [schemas[prop["$ref"].split("/").pop()!]?.["type"]].flat().includes("null"));
      const empty = "default" in prop ? prop["default"] : nullable ? null : [];
      for (const [, example] of runs) {
        const wire = clone(example);
        delete wire[key];
        const back = threadRunToWire(threadRunFromWire(wire)) as unknown as Obj;
        expect(back[key], key).toEqual(empty);
        expect(validRun(back)).toEqual([]);
        // null reads like absence.
        const nulled = threadRunToWire(threadRunFromWire({ ...clone(example), [key]: null }));
        expect((nulled as unknown as Obj)[key], `${key}: null`).toEqual(empty);
      }
    },
  );

  it("reads a run with nothing but its identity", () => {
    const identity = { id: "run_1", thread_id: "thread_1", status: "queued", created_at: 1 };
    const model = threadRunFromWire(identity);
    expect(model).toMatchObject({ id: "run_1", threadId: "thread_1", status: "queued" });
    const back = threadRunToWire(model);
    expect(back).toMatchObject(identity);
    expect(filledIn(back, identity)).toEqual([]);
    expect(validRun(back)).toEqual([]);
  });

  it.each(["id", "thread_id", "status", "created_at"])(
    "refuses a run without its identity field %s, naming it",
    (key) => {
      const wire = clone(firstRun());
      delete wire[key];
      expect(() => threadRunFromWire(wire)).toThrow(WireShapeError);
      expect(() => threadRunFromWire(wire)).toThrow(`${key}: expected`);
    },
  );

  it.each([
    ["created_at", "abc", 'created_at: expected integer seconds, got "abc"'],
    ["created_at", null, "created_at: expected integer seconds, got null"],
    ["cancelled_at", Number.NaN, "cancelled_at: expected integer seconds, got NaN"],
    ["started_at", Number.POSITIVE_INFINITY, "started_at: expected integer seconds, got Infinity"],
    ["created_at", 1e20, "created_at: expected integer seconds, got 100000000000000000000"],
    ["id", 42, "id: expected a string, got 42"],
    ["tools", "none", "tools: expected an array"],
  ])("names the field when %s is %o", (key, value, message) => {
    const base = firstRun();
    const wire = { ...clone(base), [key]: value };
    expect(() => threadRunFromWire(wire)).toThrow(WireShapeError);
    expect(() => threadRunFromWire(wire)).toThrow(message);
  });

  it("names a nested field with its path", () => {
    const [, base] =
      runs.find(([, r]) => Array.isArray(r["tools"]) && (r["tools"] as unknown[]).length > 1) ?? [];
    const wire = clone(base) as Record<string, unknown>;
    (wire["tools"] as unknown[])[1] = "not a tool";
    try {
      threadRunFromWire(wire);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WireShapeError);
      expect((error as WireShapeError).path).toBe("tools[1]");
    }
  });

  it("refuses an invalid Date on the way out, naming the field", () => {
    const base = firstRun();
    const model = threadRunFromWire(clone(base));
    expect(() => threadRunToWire({ ...model, createdAt: new Date(Number.NaN) })).toThrow(
      /createdAt: expected a valid Date/,
    );
  });
});
