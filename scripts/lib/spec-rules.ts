/**
 * The rules of the structural lint that `checkSpec` runs for both `npm run lint` and
 * `npm run generate`: what can make generated code wrong is refused before anything is emitted.
 *
 * - Schema structure: `type` names a JSON type; keywords hold what JSON Schema says they hold;
 *   a `$ref` in a schema points at a schema.
 * - Timestamps: `format: unixtime` needs `type: integer` (or `[integer, "null"]`); a format that
 *   looks like a misspelt unixtime (`unix-time`, `unixTime`, `timestamp`) is an error; every
 *   property named `*_at` is a unixtime.
 * - Extensions: `x-terminal-values` lists values of its enum; `x-model-name` is a unique name
 *   the model can declare, on a component schema; `x-extensible-enum` is on an enum.
 * - Operations: each has a description, at least one 4xx answer and its own operationId.
 */
import { isRecord, own, toPointer, type JsonObject, type Segment } from "./json.js";
import { isSafeTypeName } from "./model/names.js";

export interface RuleProblem {
  path: Segment[];
  message: string;
}

const JSON_TYPES = new Set(["object", "array", "string", "number", "integer", "boolean", "null"]);

/** Formats that read like an attempt at `unixtime`, compared without case, `-`, `_` or spaces. */
const UNIXTIME_NEAR_MISSES = new Set([
  "unixtime",
  "unixtimestamp",
  "unixtimeseconds",
  "unixseconds",
  "unix",
  "timestamp",
  "epoch",
  "epochtime",
  "epochseconds",
  "posixtime",
]);

/** Keywords whose value must be a schema (an object, or a boolean in JSON Schema 2020-12). */
const SCHEMA_VALUED = [
  "items",
  "additionalProperties",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "propertyNames",
  "unevaluatedProperties",
  "unevaluatedItems",
] as const;
/** Keywords whose value must be a non-empty list of schemas. */
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"] as const;

/** Collects the problems of one spec; `schema` is called for every schema node, `finish` at the end. */
export class SpecRules {
  readonly problems: RuleProblem[] = [];
  private readonly modelNames = new Map<string, Segment[]>();
  private readonly operationIds = new Map<string, Segment[]>();

  private report(path: Segment[], message: string): void {
    this.problems.push({ path, message });
  }

  /** One schema node at `path` (its properties' names are the last segment when inside `properties`). */
  schema(node: unknown, path: Segment[]): void {
    if (typeof node === "boolean") return;
    if (!isRecord(node)) {
      this.report(path, "a schema must be an object (or true / false)");
      return;
    }
    this.checkStructure(node, path);
    this.checkTimestamps(node, path);
    this.checkExtensions(node, path);
  }

  private checkStructure(node: JsonObject, path: Segment[]): void {
    const type = own(node, "type");
    if (type !== undefined) {
      const types = Array.isArray(type) ? type : [type];
      const wrong = types.filter((t) => typeof t !== "string" || !JSON_TYPES.has(t));
      if (wrong.length > 0 || types.length === 0) {
        this.report(
          [...path, "type"],
          `type ${JSON.stringify(type)} is not a JSON Schema type (object, array, string, number, integer, boolean, null)`,
        );
      } else if (new Set(types).size !== types.length) {
        this.report([...path, "type"], `type ${JSON.stringify(type)} names a type twice`);
      }
    }
    const required = own(node, "required");
    if (
      required !== undefined &&
      !(Array.isArray(required) && required.every((r) => typeof r === "string"))
    ) {
      this.report([...path, "required"], "required must be a list of property names");
    }
    for (const keyword of ["properties", "patternProperties", "$defs", "dependentSchemas"]) {
      const value = own(node, keyword);
      if (value !== undefined && !isRecord(value)) {
        this.report([...path, keyword], `${keyword} must map names to schemas`);
      }
    }
    for (const keyword of SCHEMA_VALUED) {
      const value = own(node, keyword);
      if (value !== undefined && !isRecord(value) && typeof value !== "boolean") {
        this.report([...path, keyword], `${keyword} must be a schema (an object)`);
      }
    }
    for (const keyword of SCHEMA_LISTS) {
      const value = own(node, keyword);
      if (value !== undefined && !(Array.isArray(value) && value.length > 0)) {
        this.report([...path, keyword], `${keyword} must be a non-empty list of schemas`);
      }
    }
    const enumValues = own(node, "enum");
    if (enumValues !== undefined && !Array.isArray(enumValues)) {
      this.report([...path, "enum"], "enum must be a list of values");
    }
    const format = own(node, "format");
    if (format !== undefined && typeof format !== "string") {
      this.report([...path, "format"], "format must be a string");
    }
    const discriminator = own(node, "discriminator");
    if (discriminator !== undefined && typeof own(discriminator, "propertyName") !== "string") {
      this.report([...path, "discriminator"], "discriminator needs a propertyName (a string)");
    }
    const ref = own(node, "$ref");
    if (
      typeof ref === "string" &&
      ref.startsWith("#/components/") &&
      !ref.startsWith("#/components/schemas/")
    ) {
      this.report(
        [...path, "$ref"],
        `$ref "${ref}" in a schema must point at a schema (#/components/schemas/...)`,
      );
    }
  }

  private checkTimestamps(node: JsonObject, path: Segment[]): void {
    const format = own(node, "format");
    const types = [own(node, "type")].flat().filter((t) => t !== "null");
    if (format === "unixtime") {
      if (types.length !== 1 || types[0] !== "integer") {
        this.report(
          [...path, "format"],
          `format: unixtime needs type: integer or [integer, "null"] (whole seconds), got type: ${JSON.stringify(own(node, "type") ?? null)}`,
        );
      }
    } else if (
      typeof format === "string" &&
      UNIXTIME_NEAR_MISSES.has(format.toLowerCase().replace(/[-_\s]/g, ""))
    ) {
      this.report(
        [...path, "format"],
        `format "${format}" is not a format this project knows; did you mean unixtime?`,
      );
    }
    const name = path[path.length - 1];
    if (path[path.length - 2] === "properties" && typeof name === "string" && /_at$/.test(name)) {
      const members = [own(node, "anyOf"), own(node, "oneOf")].flatMap((m) =>
        Array.isArray(m) ? m : [],
      );
      const isTimestamp =
        format === "unixtime" || members.some((m) => own(m, "format") === "unixtime");
      if (!isTimestamp && own(node, "$ref") === undefined) {
        this.report(
          path,
          `the property "${name}" (named *_at) must be a timestamp: format: unixtime (Unix seconds)`,
        );
      }
    }
  }

  private checkExtensions(node: JsonObject, path: Segment[]): void {
    const enumValues = own(node, "enum");
    const hasEnum = Array.isArray(enumValues) || Object.hasOwn(node, "const");
    const extensible = own(node, "x-extensible-enum");
    if (extensible !== undefined) {
      if (typeof extensible !== "boolean") {
        this.report([...path, "x-extensible-enum"], "x-extensible-enum must be true or false");
      } else if (!hasEnum) {
        this.report(
          [...path, "x-extensible-enum"],
          "x-extensible-enum is only meaningful on a schema with an enum",
        );
      }
    }
    const terminal = own(node, "x-terminal-values");
    if (terminal !== undefined) {
      if (!Array.isArray(terminal) || !terminal.every((v) => typeof v === "string")) {
        this.report([...path, "x-terminal-values"], "x-terminal-values must be a list of strings");
      } else if (!Array.isArray(enumValues)) {
        this.report([...path, "x-terminal-values"], "x-terminal-values needs an enum beside it");
      } else {
        const missing = terminal.filter((v) => !enumValues.includes(v));
        if (missing.length > 0) {
          this.report(
            [...path, "x-terminal-values"],
            `x-terminal-values names ${missing.map((v) => JSON.stringify(v)).join(", ")}, which the enum does not list: a status no server sends would count as terminal, and one it does send never would`,
          );
        }
      }
    }
    const modelName = own(node, "x-model-name");
    if (modelName !== undefined) {
      const isComponent = path.length === 3 && path[0] === "components" && path[1] === "schemas";
      if (!isComponent) {
        this.report(
          [...path, "x-model-name"],
          "x-model-name belongs on a schema of components/schemas",
        );
      } else if (typeof modelName !== "string" || !isSafeTypeName(modelName)) {
        this.report(
          [...path, "x-model-name"],
          `x-model-name ${JSON.stringify(modelName)} must be an identifier the model can declare (not a keyword, nor a name the model uses like Date or Record)`,
        );
      } else {
        const first = this.modelNames.get(modelName);
        if (first) {
          this.report(
            [...path, "x-model-name"],
            `x-model-name "${modelName}" is also given to ${String(first[2])}: two model types cannot share a name`,
          );
        } else {
          this.modelNames.set(modelName, path);
        }
      }
    }
  }

  /** One operation (`paths/<template>/<method>`). */
  operation(node: unknown, path: Segment[]): void {
    if (!isRecord(node)) return;
    const description = own(node, "description");
    if (typeof description !== "string" || description.trim() === "") {
      this.report(path, "every operation needs a description");
    }
    const responses = own(node, "responses");
    if (isRecord(responses) && !Object.keys(responses).some((code) => /^4(\d\d|XX)$/.test(code))) {
      this.report([...path, "responses"], "every operation must declare at least one 4xx answer");
    }
    // The wire types and the operations list are keyed by operationId: two would clash.
    const id = own(node, "operationId");
    if (typeof id === "string") {
      const first = this.operationIds.get(id);
      if (first === undefined) this.operationIds.set(id, path);
      else {
        this.report(
          [...path, "operationId"],
          `operationId ${JSON.stringify(id)} is also used by ${toPointer(first)}`,
        );
      }
    }
  }
}
