/**
 * A quick verdict on an example against its schema, so that the spec check compiles Ajv
 * validators only for the examples this cannot vouch for. Ajv compiles code for every schema an
 * example reaches (about 8 MB of JavaScript for the 300-schema benchmark spec, most of a cold
 * `generate`); walking the schema once per example is enough to say "valid" for the examples a
 * spec carries.
 *
 * The verdict is `true` (valid), `false` (invalid) or `undefined` (not known here): only `true`
 * skips Ajv, and Ajv reports every other case with its own messages. It knows the keywords specs
 * use, read as Ajv reads them with the spec check's options (JSON Schema 2020-12, own properties
 * only, `strict: false`); any other keyword, format or `$ref` makes the verdict `undefined`.
 * test/spec/quick-validate.test.ts holds its verdicts equal to Ajv's wherever it gives one.
 */
import { getAt, isRecord, own, parseLocalRef } from "./json.js";

export type Verdict = boolean | undefined;

/** Unix seconds beyond this (year 5138) are almost certainly milliseconds; as the Ajv format. */
export const MAX_UNIX_SECONDS = 1e11;

/** Keywords that never change whether a value is valid (annotations and containers). */
const ANNOTATIONS = new Set([
  "description",
  "title",
  "default",
  "example",
  "examples",
  "deprecated",
  "readOnly",
  "writeOnly",
  "$comment",
  "discriminator",
  "xml",
  "externalDocs",
  "$defs",
  "definitions",
  "contentMediaType",
  "contentEncoding",
]);

/** The deepest chain of `$ref`s and subschemas followed before giving up (a ref loop). */
const MAX_DEPTH = 200;

const isPrimitive = (value: unknown): boolean =>
  value === null || (typeof value !== "object" && typeof value !== "function");

/** JSON Schema's `type` test, as Ajv writes it (for finite numbers). */
function hasType(value: unknown, type: unknown): Verdict {
  switch (type) {
    case "null":
      return value === null;
    case "boolean":
      return typeof value === "boolean";
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "array":
      return Array.isArray(value);
    case "object":
      return isRecord(value);
    default:
      return undefined;
  }
}

/** Length in code points, as Ajv counts `minLength` / `maxLength`. */
const codePoints = (text: string): number => [...text].length;

/** Combines verdicts that must all hold: false wins, then undefined. */
function all(verdicts: Iterable<Verdict>): Verdict {
  let known = true;
  for (const verdict of verdicts) {
    if (verdict === false) return false;
    if (verdict === undefined) known = false;
  }
  return known ? true : undefined;
}

class QuickValidator {
  constructor(private readonly document: unknown) {}

  validate(schema: unknown, value: unknown, depth: number): Verdict {
    if (depth > MAX_DEPTH) return undefined;
    // NaN and the infinities (YAML's .nan, .inf) compare in ways each keyword treats differently.
    if (typeof value === "number" && !Number.isFinite(value)) return undefined;
    if (typeof schema === "boolean") return schema;
    if (!isRecord(schema)) return undefined;
    const verdicts: Verdict[] = [];
    for (const [keyword, argument] of Object.entries(schema)) {
      if (ANNOTATIONS.has(keyword) || keyword.startsWith("x-")) continue;
      const verdict = this.keyword(schema, keyword, argument, value, depth);
      if (verdict === false) return false;
      verdicts.push(verdict);
    }
    return all(verdicts);
  }

  private keyword(
    schema: Record<string, unknown>,
    keyword: string,
    argument: unknown,
    value: unknown,
    depth: number,
  ): Verdict {
    const next = depth + 1;
    switch (keyword) {
      case "$ref": {
        const path = typeof argument === "string" ? parseLocalRef(argument) : undefined;
        if (path === undefined) return undefined;
        const target = getAt(this.document, path);
        return target.found ? this.validate(target.value, value, next) : undefined;
      }
      case "type": {
        const types = Array.isArray(argument) ? argument : [argument];
        const verdicts = types.map((type) => hasType(value, type));
        if (verdicts.includes(true)) return true;
        return verdicts.includes(undefined) ? undefined : false;
      }
      case "enum":
        if (!Array.isArray(argument) || !argument.every(isPrimitive)) return undefined;
        return isPrimitive(value) ? argument.some((member) => member === value) : false;
      case "const":
        if (!isPrimitive(argument)) return undefined;
        return value === argument;
      case "format":
        return this.format(argument, value);
      case "properties":
        if (!isRecord(argument)) return undefined;
        if (!isRecord(value)) return true;
        return all(
          Object.keys(argument)
            .filter((name) => Object.hasOwn(value, name))
            .map((name) => this.validate(argument[name], value[name], next)),
        );
      case "required":
        if (!Array.isArray(argument)) return undefined;
        if (!isRecord(value)) return true;
        return argument.every((name) => typeof name === "string" && Object.hasOwn(value, name));
      case "additionalProperties": {
        if (own(schema, "patternProperties") !== undefined) return undefined;
        if (!isRecord(value)) return true;
        const declared = own(schema, "properties");
        const known = isRecord(declared) ? declared : {};
        return all(
          Object.keys(value)
            .filter((name) => !Object.hasOwn(known, name))
            .map((name) => this.validate(argument, value[name], next)),
        );
      }
      case "propertyNames":
        if (!isRecord(value)) return true;
        return all(Object.keys(value).map((name) => this.validate(argument, name, next)));
      case "items":
        if (own(schema, "prefixItems") !== undefined) return undefined;
        if (!Array.isArray(value)) return true;
        return all(value.map((item) => this.validate(argument, item, next)));
      case "allOf":
        if (!Array.isArray(argument)) return undefined;
        return all(argument.map((member) => this.validate(member, value, next)));
      case "anyOf": {
        if (!Array.isArray(argument)) return undefined;
        const verdicts = argument.map((member) => this.validate(member, value, next));
        if (verdicts.includes(true)) return true;
        return verdicts.includes(undefined) ? undefined : false;
      }
      case "oneOf": {
        if (!Array.isArray(argument)) return undefined;
        const verdicts = argument.map((member) => this.validate(member, value, next));
        if (verdicts.includes(undefined)) return undefined;
        return verdicts.filter((verdict) => verdict).length === 1;
      }
      case "not": {
        const verdict = this.validate(argument, value, next);
        return verdict === undefined ? undefined : !verdict;
      }
      case "minimum":
      case "maximum":
      case "exclusiveMinimum":
      case "exclusiveMaximum":
        return this.bound(keyword, argument, value);
      case "minLength":
      case "maxLength":
        if (typeof argument !== "number") return undefined;
        if (typeof value !== "string") return true;
        return keyword === "minLength"
          ? codePoints(value) >= argument
          : codePoints(value) <= argument;
      case "minItems":
      case "maxItems":
        if (typeof argument !== "number") return undefined;
        if (!Array.isArray(value)) return true;
        return keyword === "minItems" ? value.length >= argument : value.length <= argument;
      case "minProperties":
      case "maxProperties": {
        if (typeof argument !== "number") return undefined;
        if (!isRecord(value)) return true;
        const count = Object.keys(value).length;
        return keyword === "minProperties" ? count >= argument : count <= argument;
      }
      case "pattern": {
        if (typeof argument !== "string") return undefined;
        if (typeof value !== "string") return true;
        try {
          return new RegExp(argument, "u").test(value);
        } catch {
          return undefined;
        }
      }
      default:
        return undefined;
    }
  }

  /** `format: unixtime` as the spec check registers it; other formats are Ajv's to judge. */
  private format(format: unknown, value: unknown): Verdict {
    // Formats judge strings or numbers; any other value passes them.
    if (typeof value !== "string" && typeof value !== "number") return true;
    if (format !== "unixtime") return undefined;
    if (typeof value !== "number") return true;
    return Number.isInteger(value) && value >= 0 && value < MAX_UNIX_SECONDS;
  }

  private bound(keyword: string, argument: unknown, value: unknown): Verdict {
    if (typeof argument !== "number") return undefined;
    if (typeof value !== "number") return true;
    switch (keyword) {
      case "minimum":
        return value >= argument;
      case "maximum":
        return value <= argument;
      case "exclusiveMinimum":
        return value > argument;
      default:
        return value < argument;
    }
  }
}

/** Whether `value` is valid against `schema` (a node of `document`), when that is known here. */
export function quickValidate(document: unknown, schema: unknown, value: unknown): Verdict {
  return new QuickValidator(document).validate(schema, value, 0);
}
