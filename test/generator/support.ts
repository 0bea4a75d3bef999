/** The spec and its examples, the data the generator tests round-trip, and checks on wire JSON. */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import ajvFormatsModule from "ajv-formats";
import { parse } from "yaml";

export const SPEC_FILE = "spec/openapi.yaml";

type Obj = Record<string, unknown>;

export function loadSpec(file = SPEC_FILE): Obj {
  return parse(readFileSync(file, "utf8")) as Obj;
}

/**
 * Every run object among the spec's examples, by name: examples that are runs, and the `data`
 * items of list pages.
 */
export function exampleRuns(spec: Obj = loadSpec()): [string, Obj][] {
  const examples = ((spec["components"] as Obj)["examples"] ?? {}) as Record<
    string,
    { value?: unknown }
  >;
  const runs: [string, Obj][] = [];
  for (const [name, example] of Object.entries(examples)) {
    const value = example.value as Obj | undefined;
    if (value?.["object"] === "thread.run") runs.push([name, value]);
    if (value?.["object"] === "list" && Array.isArray(value["data"])) {
      value["data"].forEach((run, i) => runs.push([`${name}.data[${i}]`, run as Obj]));
    }
  }
  return runs;
}

/**
 * A validator for one component schema of a spec (Ajv, JSON Schema 2020-12, `format: unixtime`
 * as whole seconds), to show that what a converter writes is valid wire JSON.
 */
export function wireValidator(
  schemaName: string,
  spec: Obj = loadSpec(),
): (value: unknown) => string[] {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    validateSchema: false,
    logger: false,
    ownProperties: true,
  });
  ajvFormatsModule.default(ajv);
  ajv.addFormat("unixtime", { type: "number", validate: (n: number) => Number.isInteger(n) });
  ajv.addSchema(spec, DOC_ID);
  const validate = ajv.getSchema(`${DOC_ID}#/components/schemas/${encodeURIComponent(schemaName)}`);
  if (validate === undefined) throw new Error(`no schema ${schemaName}`);
  return (value) =>
    validate(value)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
}

const DOC_ID = "https://threadrun.invalid/test/generator/openapi.json";

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** The `default` of every property in the spec that has one, by wire name. */
export function specDefaults(spec: Obj = loadSpec()): Map<string, unknown> {
  const schemas = ((spec["components"] as Obj | undefined)?.["schemas"] ?? {}) as Record<
    string,
    Obj
  >;
  return new Map<string, unknown>(
    Object.values(schemas).flatMap((schema) =>
      Object.entries((schema["properties"] ?? {}) as Record<string, Obj>)
        .filter(([, prop]) => isObj(prop) && Object.hasOwn(prop, "default"))
        .map(([key, prop]) => [key, prop["default"]] as [string, unknown]),
    ),
  );
}

/**
 * The fields `after` has and `before` lacks whose value is not an empty value (null, [], or the
 * spec's default for that field), as paths: converting may fill absent fields, nothing else.
 */
export function filledIn(
  after: unknown,
  before: unknown,
  defaults: ReadonlyMap<string, unknown> = new Map(),
  path = "",
): string[] {
  if (Array.isArray(after) && Array.isArray(before)) {
    return after.flatMap((item, i) => filledIn(item, before[i], defaults, `${path}[${i}]`));
  }
  if (!isObj(after) || !isObj(before)) return [];
  return Object.keys(after).flatMap((key) => {
    const value = after[key];
    const at = path === "" ? key : `${path}.${key}`;
    if (Object.hasOwn(before, key)) return filledIn(value, before[key], defaults, at);
    const empty =
      value === null ||
      (Array.isArray(value) && value.length === 0) ||
      (defaults.has(key) && defaults.get(key) === value);
    return empty ? [] : [`${at}: ${JSON.stringify(value)}`];
  });
}
