/**
 * Reads OpenAPI 3.1 schemas into a small intermediate form ("shapes") that the model emitter can
 * turn into camelCase types and converters. Only what the model layer needs is modelled; anything
 * else becomes `unknown` and is passed through untouched, which is always safe for a round trip.
 */

export type JsonKind = "string" | "number" | "boolean" | "object" | "array";

export type Shape =
  | { kind: "ref"; name: string }
  | { kind: "string"; values?: readonly string[]; extensible: boolean }
  | { kind: "number"; integer: boolean }
  | { kind: "boolean" }
  | { kind: "unixtime" }
  /** An object without declared properties (a map or free-form JSON): user data, never renamed. */
  | { kind: "opaque"; valueType: "string" | "unknown" }
  | { kind: "array"; items: Shape }
  | { kind: "record"; name: string }
  | { kind: "union"; members: Shape[]; discriminator?: Discriminator }
  | { kind: "nullable"; inner: Shape }
  | { kind: "unknown" };

export interface Discriminator {
  wireProperty: string;
  /** discriminator value -> member index */
  mapping: Map<string, number>;
}

/**
 * How a field that is not required reads when the server leaves it out (or sends `null`, which
 * the compatibility policy treats alike): as `null`, as an empty list, or as the spec's `default`.
 */
export type AbsentReading =
  { kind: "null" } | { kind: "emptyList" } | { kind: "default"; value: string | number | boolean };

export interface RecordProperty {
  wireKey: string;
  modelKey: string;
  shape: Shape;
  required: boolean;
  /** How the field reads when absent; undefined for required fields. */
  absent: AbsentReading | undefined;
  description: string | undefined;
}

/** A spec construct the generator cannot emit, with the path of the schema node it is at. */
export class SpecShapeError extends Error {
  override readonly name = "SpecShapeError";
  constructor(
    readonly path: readonly (string | number)[],
    message: string,
  ) {
    super(message);
  }
}

export interface RecordDef {
  name: string;
  schemaName: string | undefined;
  description: string | undefined;
  properties: RecordProperty[];
}

export interface NamedDef {
  /** The model type's name (x-model-name or the schema's name). */
  modelName: string;
  schemaName: string;
  description: string | undefined;
  shape: Shape;
  extensions: Record<string, unknown>;
}

type Schema = Record<string, unknown>;
type Path = (string | number)[];

const SCHEMA_REF = "#/components/schemas/";

/** `created_at` -> `createdAt`. Only declared property names go through here, never map keys. */
export function camelCase(wireKey: string): string {
  return wireKey.replace(/_+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function pascalCase(name: string): string {
  const camel = camelCase(name);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

function isSchema(v: unknown): v is Schema {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function typesOf(schema: Schema): string[] {
  const t = schema["type"];
  if (typeof t === "string") return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === "string");
  return [];
}

/**
 * Collects every schema reachable from the roots and gives each record a name. Named component
 * schemas keep their names; inline objects are named after their parent and property.
 */
export class ShapeReader {
  readonly named = new Map<string, NamedDef>();
  readonly records = new Map<string, RecordDef>();
  private readonly schemas: Record<string, unknown>;

  constructor(document: Record<string, unknown>) {
    const components = document["components"];
    const schemas = isSchema(components) ? components["schemas"] : undefined;
    this.schemas = isSchema(schemas) ? schemas : {};
  }

  /** Reads a component schema (and everything it reaches) by name. */
  readNamed(schemaName: string): NamedDef {
    const existing = this.named.get(schemaName);
    if (existing) return existing;
    const schema = this.schemas[schemaName];
    if (!isSchema(schema)) throw new Error(`schema "${schemaName}" is not defined`);
    const modelName =
      typeof schema["x-model-name"] === "string" ? schema["x-model-name"] : schemaName;
    const extensions: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(schema)) if (k.startsWith("x-")) extensions[k] = v;
    const def: NamedDef = {
      modelName,
      schemaName,
      description: typeof schema["description"] === "string" ? schema["description"] : undefined,
      shape: { kind: "unknown" },
      extensions,
    };
    // Registered before reading so that recursive schemas terminate.
    this.named.set(schemaName, def);
    def.shape = this.read(schema, modelName, ["components", "schemas", schemaName], schemaName);
    return def;
  }

  private read(schema: Schema, hintName: string, at: Path, schemaName?: string): Shape {
    const ref = schema["$ref"];
    if (typeof ref === "string") {
      if (!ref.startsWith(SCHEMA_REF)) throw new Error(`unsupported $ref "${ref}"`);
      const name = ref.slice(SCHEMA_REF.length);
      this.readNamed(name);
      return { kind: "ref", name };
    }

    const alternatives = Array.isArray(schema["oneOf"])
      ? schema["oneOf"]
      : Array.isArray(schema["anyOf"])
        ? schema["anyOf"]
        : undefined;
    if (alternatives) {
      const nonNull = alternatives.filter(
        (alt) => !(isSchema(alt) && typesOf(alt).length === 1 && typesOf(alt)[0] === "null"),
      );
      const nullable = nonNull.length !== alternatives.length;
      const key = Array.isArray(schema["oneOf"]) ? "oneOf" : "anyOf";
      const members = nonNull.map((alt) =>
        isSchema(alt)
          ? this.read(alt, `${hintName}Variant${alternatives.indexOf(alt) + 1}`, [
              ...at,
              key,
              alternatives.indexOf(alt),
            ])
          : ({ kind: "unknown" } as const),
      );
      let inner: Shape;
      if (members.length === 1 && members[0]) inner = members[0];
      else {
        const discriminator = this.readDiscriminator(schema, nonNull);
        inner = discriminator
          ? { kind: "union", members, discriminator }
          : { kind: "union", members };
      }
      return nullable ? { kind: "nullable", inner } : inner;
    }

    const types = typesOf(schema);
    // `enum: [a, b, null]` with `type: [string, "null"]`: the null is the nullability, not a value.
    const nullable = types.includes("null");
    const nonNullTypes = types.filter((t) => t !== "null");
    const inner = this.readSingle(schema, nonNullTypes, hintName, at, schemaName);
    return nullable ? { kind: "nullable", inner } : inner;
  }

  private readSingle(
    schema: Schema,
    types: string[],
    hintName: string,
    at: Path,
    schemaName: string | undefined,
  ): Shape {
    const type = types.length === 1 ? types[0] : undefined;
    if (schema["format"] === "unixtime") return { kind: "unixtime" };
    const values = (
      Array.isArray(schema["enum"])
        ? schema["enum"]
        : "const" in schema
          ? [schema["const"]]
          : undefined
    )?.filter((v) => v !== null);
    if (values && values.every((v): v is string => typeof v === "string")) {
      return { kind: "string", values, extensible: schema["x-extensible-enum"] === true };
    }
    switch (type) {
      case "string":
        return { kind: "string", extensible: false };
      case "integer":
      case "number":
        return { kind: "number", integer: type === "integer" };
      case "boolean":
        return { kind: "boolean" };
      case "array": {
        const items = schema["items"];
        return {
          kind: "array",
          items: isSchema(items)
            ? this.read(items, `${hintName}Item`, [...at, "items"])
            : { kind: "unknown" },
        };
      }
      case "object":
      case undefined: {
        const properties = schema["properties"];
        if (isSchema(properties)) {
          return this.readRecord(schema, properties, hintName, at, schemaName);
        }
        if (type === "object") {
          const additional = schema["additionalProperties"];
          const valueIsString = isSchema(additional) && typesOf(additional).join() === "string";
          return { kind: "opaque", valueType: valueIsString ? "string" : "unknown" };
        }
        return { kind: "unknown" };
      }
      default:
        return { kind: "unknown" };
    }
  }

  private readRecord(
    schema: Schema,
    properties: Schema,
    name: string,
    at: Path,
    schemaName: string | undefined,
  ): Shape {
    if (this.records.has(name)) throw new Error(`two record types would be named "${name}"`);
    const required = new Set(Array.isArray(schema["required"]) ? schema["required"] : []);
    const def: RecordDef = {
      name,
      schemaName,
      description: typeof schema["description"] === "string" ? schema["description"] : undefined,
      properties: [],
    };
    this.records.set(name, def);
    for (const [wireKey, propSchema] of Object.entries(properties)) {
      if (!isSchema(propSchema)) continue;
      const propAt = [...at, "properties", wireKey];
      const shape = this.read(propSchema, name + pascalCase(wireKey), propAt);
      const isRequired = required.has(wireKey);
      def.properties.push({
        wireKey,
        modelKey: camelCase(wireKey),
        shape,
        required: isRequired,
        absent: isRequired ? undefined : this.absentReading(propSchema, shape, propAt),
        description:
          typeof propSchema["description"] === "string" ? propSchema["description"] : undefined,
      });
    }
    return { kind: "record", name };
  }

  /**
   * How a field that is not required reads when absent (or null): its `default` when it has one,
   * else `null` when it is nullable, else `[]` when it is a list. Any other optional field would
   * leave the model type with a hole that callers must test for, so the spec must say which.
   */
  private absentReading(propSchema: Schema, shape: Shape, at: Path): AbsentReading {
    const target =
      typeof propSchema["$ref"] === "string" ? this.resolve(propSchema["$ref"]) : undefined;
    const fallback = "default" in propSchema ? propSchema["default"] : target?.["default"];
    if (fallback !== undefined) {
      const kind = this.nonNull(shape).kind;
      const fits =
        (typeof fallback === "string" && kind === "string") ||
        (typeof fallback === "boolean" && kind === "boolean") ||
        (typeof fallback === "number" && kind === "number");
      if (!fits) {
        throw new SpecShapeError(
          [...at, "default"],
          `default ${JSON.stringify(fallback)} of an optional field must be a string, number or ` +
            `boolean of the field's own type`,
        );
      }
      return { kind: "default", value: fallback as string | number | boolean };
    }
    const resolved = this.throughRefs(shape);
    if (resolved.kind === "nullable") return { kind: "null" };
    if (resolved.kind === "array") return { kind: "emptyList" };
    throw new SpecShapeError(
      at,
      `the optional field "${String(at[at.length - 1])}" has no reading for when a server ` +
        `leaves it out: list it in "required", make it nullable (type: [T, "null"] or ` +
        `anyOf: [..., {type: "null"}]), make it a list, or give it a default`,
    );
  }

  /** The shape with references followed. */
  private throughRefs(shape: Shape): Shape {
    let current = shape;
    const seen = new Set<string>();
    while (current.kind === "ref" && !seen.has(current.name)) {
      seen.add(current.name);
      current = this.named.get(current.name)?.shape ?? { kind: "unknown" };
    }
    return current;
  }

  /** The shape without its nullability, references followed. */
  nonNull(shape: Shape): Shape {
    const resolved = this.throughRefs(shape);
    return resolved.kind === "nullable" ? this.throughRefs(resolved.inner) : resolved;
  }

  private readDiscriminator(schema: Schema, alternatives: unknown[]): Discriminator | undefined {
    const discriminator = schema["discriminator"];
    if (!isSchema(discriminator) || typeof discriminator["propertyName"] !== "string") {
      return undefined;
    }
    const wireProperty = discriminator["propertyName"];
    const mapping = new Map<string, number>();
    const explicit = isSchema(discriminator["mapping"]) ? discriminator["mapping"] : {};
    alternatives.forEach((alt, index) => {
      if (!isSchema(alt)) return;
      for (const [value, target] of Object.entries(explicit)) {
        if (target === alt["$ref"]) mapping.set(value, index);
      }
      // Without an explicit mapping entry, the member's own `type` constant names it.
      const target = typeof alt["$ref"] === "string" ? this.resolve(alt["$ref"]) : alt;
      const prop = isSchema(target?.["properties"])
        ? target["properties"][wireProperty]
        : undefined;
      if (isSchema(prop)) {
        const values = Array.isArray(prop["enum"])
          ? prop["enum"]
          : "const" in prop
            ? [prop["const"]]
            : [];
        for (const v of values) if (typeof v === "string" && !mapping.has(v)) mapping.set(v, index);
      }
    });
    return { wireProperty, mapping };
  }

  private resolve(ref: string): Schema | undefined {
    if (!ref.startsWith(SCHEMA_REF)) return undefined;
    const target = this.schemas[ref.slice(SCHEMA_REF.length)];
    return isSchema(target) ? target : undefined;
  }
}
