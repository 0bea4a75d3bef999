/**
 * Analysis: pure functions from a spec (a parsed OpenAPI document) to the {@link ModelPlan} the
 * writers emit. Every schema the model roots reach is either turned into a construct the writers
 * convert correctly, or passed through untouched when it cannot hold a timestamp, or refused
 * with the schema path and the construct, so that generation never emits wrong code.
 *
 * Converted: `$ref` to a component schema, string/number/integer/boolean (with `enum`/`const`),
 * `format: unixtime`, `type: [X, "null"]`, arrays (`items`), objects with `properties`, maps
 * (`additionalProperties` with a schema), `allOf` of objects (merged), and `oneOf`/`anyOf` whose
 * members a value's JSON kind (or a discriminator) tells apart.
 */
import {
  SCHEMA_MAP_KEYWORDS,
  SUBSCHEMA_KEYWORDS,
  camelCase,
  getAt,
  isRecord,
  own,
  parseLocalRef,
  type JsonObject,
  type Segment,
} from "../json.js";
import { isSafeTypeName, namePartOf, typeNameOf } from "./names.js";
import { PlanIndex } from "./plan-index.js";
import type {
  AbsentReading,
  Discriminator,
  Field,
  JsonKind,
  ModelPlan,
  NamedPlan,
  RecordPlan,
  Shape,
  UnionPlan,
} from "./plan.js";

/** A construct the generator refuses, and where it is. */
export interface ModelIssue {
  path: Segment[];
  message: string;
}

/**
 * The plan and the constructs refused. With any issue the plan is incomplete: it must not be
 * emitted (`emitModel` refuses), though a diff of released specs may still compare it.
 */
export interface AnalysisResult {
  plan: ModelPlan;
  issues: ModelIssue[];
}

const SCHEMAS: Segment[] = ["components", "schemas"];

/** Keywords whose schemas shape a value in a way the model does not convert. */
const UNCONVERTED = [
  "if",
  "then",
  "else",
  "prefixItems",
  "contains",
  "patternProperties",
  "dependentSchemas",
  "unevaluatedProperties",
  "unevaluatedItems",
] as const;

/** Builds the model plan for the component schemas `roots` and everything they reach. */
export function analyseModel(document: JsonObject, roots: readonly string[]): AnalysisResult {
  const analysis = new Analysis(document);
  for (const root of roots) analysis.readNamed(root, [...SCHEMAS, root]);
  const plan: ModelPlan = {
    named: [...analysis.named.values()],
    records: analysis.records,
    unions: analysis.unions,
  };
  analysis.finish(new PlanIndex(plan));
  const issues = analysis.issues;
  return { plan, issues };
}

/** The schema names marked `x-model-name`: the spec says which types users handle. */
export function modelRoots(document: JsonObject): string[] {
  const schemas = getAt(document, SCHEMAS).value;
  if (!isRecord(schemas)) return [];
  return Object.keys(schemas).filter(
    (name) => own(own(schemas, name), "x-model-name") !== undefined,
  );
}

function typesOf(schema: JsonObject): string[] {
  const t = own(schema, "type");
  if (typeof t === "string") return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === "string");
  return [];
}

/** A property to read: its wire name, its schema and where that is written. */
type PropertySource = readonly [string, unknown, Segment[]];

/** A union being read: its members' raw schemas are needed to place a discriminator. */
interface PendingUnion {
  plan: UnionPlan;
  alternatives: unknown[];
  node: JsonObject;
}

class Analysis {
  readonly named = new Map<string, NamedPlan>();
  readonly records: RecordPlan[] = [];
  readonly unions: UnionPlan[] = [];
  readonly issues: ModelIssue[] = [];
  private readonly schemas: JsonObject;
  private readonly pending: PendingUnion[] = [];
  /** Optional fields, whose reading for absence is decided once every schema is read. */
  private readonly optional: { field: Field; schema: unknown }[] = [];
  /** Type names given so far (named types, inline records and unions) → who has it. */
  private readonly taken = new Map<string, string>();
  /** Every component schema's type name, so that inline names never take one. */
  private readonly componentNames = new Set<string>();

  constructor(private readonly document: JsonObject) {
    const schemas = getAt(document, SCHEMAS).value;
    this.schemas = isRecord(schemas) ? schemas : {};
    for (const name of Object.keys(this.schemas)) {
      this.componentNames.add(this.componentTypeName(name));
    }
  }

  private issue(path: Segment[], message: string): void {
    this.issues.push({ path, message });
  }

  private componentTypeName(schemaName: string): string {
    const given = own(own(this.schemas, schemaName), "x-model-name");
    return typeof given === "string" ? given : typeNameOf(schemaName);
  }

  // ------------------------------------------------------------------ named schemas and names

  readNamed(schemaName: string, refPath: Segment[]): NamedPlan | undefined {
    const existing = this.named.get(schemaName);
    if (existing) return existing;
    const schema = own(this.schemas, schemaName);
    const path = [...SCHEMAS, schemaName];
    if (!isRecord(schema)) {
      this.issue(refPath, `the schema "${schemaName}" is not defined in components/schemas`);
      return undefined;
    }
    const given = own(schema, "x-model-name");
    if (given !== undefined && (typeof given !== "string" || !isSafeTypeName(given))) {
      this.issue(
        [...path, "x-model-name"],
        `x-model-name ${JSON.stringify(given)} is not a name the model can declare ` +
          `(an identifier that is not a keyword or a name the module uses, like Date)`,
      );
      return undefined;
    }
    const modelName = this.componentTypeName(schemaName);
    const owner = this.taken.get(modelName);
    if (owner !== undefined) {
      this.issue(
        path,
        `the schemas ${owner} and "${schemaName}" would both be the model type ${modelName}`,
      );
      return undefined;
    }
    this.taken.set(modelName, `"${schemaName}"`);
    const extensions: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(schema)) if (k.startsWith("x-")) extensions[k] = v;
    const plan: NamedPlan = {
      modelName,
      schemaName,
      description: describeOf(schema),
      shape: { kind: "any" },
      extensions,
      path,
    };
    // Registered before reading, so that recursive schemas end.
    this.named.set(schemaName, plan);
    plan.shape = this.read(schema, modelName, path, schemaName);
    return plan;
  }

  /**
   * A name for an inline record or union, after its place (`ThreadRun` + `usage`), numbered when
   * taken. Component names are never used, even by a component not read yet.
   */
  private inlineName(hint: string, owner: string): string {
    let name = hint;
    for (let n = 2; this.taken.has(name) || this.componentNames.has(name); n++)
      name = `${hint}${n}`;
    this.taken.set(name, owner);
    return name;
  }

  // ------------------------------------------------------------------------------ schemas

  /**
   * Reads one schema node. `name` names the record or union it may be (a component's model name,
   * or its parent's name and property); `schemaName` is set for a component schema itself.
   */
  private read(node: unknown, name: string, path: Segment[], schemaName?: string): Shape {
    if (node === true || (isRecord(node) && Object.keys(node).length === 0)) return { kind: "any" };
    if (!isRecord(node)) {
      this.issue(path, "a schema must be an object");
      return { kind: "any" };
    }
    this.refuseUnconverted(node, path);

    const ref = own(node, "$ref");
    if (typeof ref === "string") return this.readRef(ref, [...path, "$ref"]);

    const nullable = typesOf(node).includes("null");
    const wrap = (inner: Shape): Shape =>
      nullable && inner.kind !== "nullable" && inner.kind !== "any"
        ? { kind: "nullable", inner }
        : inner;

    if (Array.isArray(own(node, "allOf")))
      return wrap(this.readAllOf(node, name, path, schemaName));
    for (const keyword of ["oneOf", "anyOf"] as const) {
      const alternatives = own(node, keyword);
      if (Array.isArray(alternatives)) {
        return wrap(this.readAlternatives(node, alternatives, keyword, name, path, schemaName));
      }
    }
    return this.readTyped(node, name, path, schemaName);
  }

  private readRef(ref: string, refPath: Segment[]): Shape {
    const schemaName = componentSchemaOf(ref);
    if (schemaName === undefined) {
      this.issue(
        refPath,
        `$ref "${ref}" is not a component schema: the model converts references to ` +
          `#/components/schemas/<Name> only`,
      );
      return { kind: "any" };
    }
    return this.readNamed(schemaName, refPath)
      ? { kind: "ref", name: schemaName }
      : { kind: "any" };
  }

  /** A node with a `type` (or none): scalars, timestamps, lists, records, maps. */
  private readTyped(node: JsonObject, name: string, path: Segment[], schemaName?: string): Shape {
    const types = typesOf(node);
    const nullable = types.includes("null");
    const nonNull = types.filter((t) => t !== "null");
    const wrap = (inner: Shape): Shape =>
      nullable && inner.kind !== "any" ? { kind: "nullable", inner } : inner;

    const format = own(node, "format");
    if (format === "unixtime") {
      if (nonNull.length === 1 && nonNull[0] === "integer") return wrap({ kind: "unixtime" });
      this.issue(
        [...path, "format"],
        `format: unixtime needs type: integer (or [integer, "null"]), got type: ${JSON.stringify(own(node, "type") ?? null)}`,
      );
      return { kind: "any" };
    }

    const enumValues = own(node, "enum");
    const values = (
      Array.isArray(enumValues)
        ? enumValues
        : Object.hasOwn(node, "const")
          ? [own(node, "const")]
          : undefined
    )?.filter((v) => v !== null);
    if (values && values.length > 0 && values.every((v): v is string => typeof v === "string")) {
      return wrap({
        kind: "string",
        values,
        extensible: own(node, "x-extensible-enum") === true,
      });
    }

    if (nonNull.length > 1) return wrap(this.readTypeList(nonNull, node, name, path, schemaName));
    const type = nonNull[0];
    switch (type) {
      case "string":
        return wrap({ kind: "string", values: undefined, extensible: false });
      case "integer":
      case "number":
        return wrap({ kind: "number", integer: type === "integer" });
      case "boolean":
        return wrap({ kind: "boolean" });
      case "array": {
        const items = own(node, "items");
        return wrap({
          kind: "array",
          items:
            items === undefined
              ? { kind: "any" }
              : this.read(items, `${name}Item`, [...path, "items"]),
        });
      }
      case "object":
      case undefined:
        return wrap(this.readObject(node, type, name, path, schemaName));
      default:
        this.issue([...path, "type"], `type ${JSON.stringify(type)} is not a JSON Schema type`);
        return { kind: "any" };
    }
  }

  /** `type: [string, integer]`: a union of those kinds, told apart by `typeof`. */
  private readTypeList(
    types: string[],
    node: JsonObject,
    name: string,
    path: Segment[],
    schemaName: string | undefined,
  ): Shape {
    const members = types.map((type, i) =>
      this.readTyped({ ...node, type }, `${name}Variant${i + 1}`, path),
    );
    return this.union(name, schemaName, members, undefined, node, [], path);
  }

  private readObject(
    node: JsonObject,
    type: string | undefined,
    name: string,
    path: Segment[],
    schemaName: string | undefined,
  ): Shape {
    const properties = own(node, "properties");
    const additional = own(node, "additionalProperties");
    if (isRecord(properties)) {
      if (isRecord(additional) && this.reachesUnixtime(additional)) {
        this.issue(
          [...path, "additionalProperties"],
          "additionalProperties beside properties holds a unixtime field; the model keeps " +
            "undeclared fields as they are and cannot convert it (declare the field, or make " +
            "the object a map without properties)",
        );
      }
      const fields = Object.entries(properties).map(([key, schema]): PropertySource => [
        key,
        schema,
        [...path, "properties", key],
      ]);
      return this.record(name, schemaName, describeOf(node), fields, requiredOf(node), path);
    }
    if (isRecord(additional) && Object.keys(additional).length > 0) {
      const values = this.read(additional, `${name}Value`, [...path, "additionalProperties"]);
      return values.kind === "any" ? { kind: "freeObject" } : { kind: "map", values };
    }
    if (type === "object" || additional !== undefined) return { kind: "freeObject" };
    return { kind: "any" };
  }

  private record(
    name: string,
    schemaName: string | undefined,
    description: string | undefined,
    properties: readonly PropertySource[],
    required: ReadonlySet<string>,
    path: Segment[],
  ): Shape {
    const recordName =
      schemaName === undefined ? this.inlineName(name, `the object at ${pathText(path)}`) : name;
    const plan: RecordPlan = { name: recordName, schemaName, description, fields: [], path };
    this.records.push(plan);
    const byModelKey = new Map<string, string>();
    for (const [wireKey, schema, propertyPath] of properties) {
      const modelKey = camelCase(wireKey);
      const other = byModelKey.get(modelKey);
      if (other !== undefined) {
        this.issue(
          propertyPath,
          `the properties "${other}" and "${wireKey}" would both be the model field ` +
            `${modelKey} (camelCase); rename one of them`,
        );
        continue;
      }
      byModelKey.set(modelKey, wireKey);
      const shape = this.read(schema, `${recordName}${namePartOf(wireKey)}`, propertyPath);
      const isRequired = required.has(wireKey);
      const field: Field = {
        wireKey,
        modelKey,
        shape,
        required: isRequired,
        absent: undefined,
        description: isRecord(schema) ? describeOf(schema) : undefined,
        path: propertyPath,
      };
      plan.fields.push(field);
      if (!isRequired) this.optional.push({ field, schema });
    }
    return { kind: "record", name: recordName };
  }

  /**
   * How an optional field reads when absent (or null): its `default`, else `null` when it may be
   * null, else `[]` when it is a list. Any other optional field would leave a hole in the model
   * type that every caller must test for, so the spec must say which.
   */
  private absentReading(index: PlanIndex, schema: unknown, field: Field): AbsentReading {
    const { shape, path } = field;
    const fallback =
      isRecord(schema) && Object.hasOwn(schema, "default") ? schema["default"] : undefined;
    if (fallback !== undefined) {
      const kind = index.nonNull(shape).kind;
      const fits =
        (typeof fallback === "string" && kind === "string") ||
        (typeof fallback === "boolean" && kind === "boolean") ||
        (typeof fallback === "number" && kind === "number");
      if (fits) return { kind: "default", value: fallback as string | number | boolean };
      // `default: []` on a list and `default: null` on a nullable field say what absence reads as.
      if (Array.isArray(fallback) && fallback.length === 0 && kind === "array") {
        return { kind: "emptyList" };
      }
      if (fallback === null && index.resolve(shape).kind === "nullable") return { kind: "null" };
      this.issue(
        [...path, "default"],
        `default ${JSON.stringify(fallback)} of an optional field must be a string, number or ` +
          `boolean of the field's own type, [] for a list or null for a nullable field`,
      );
      return { kind: "null" };
    }
    const resolved = index.resolve(shape);
    if (resolved.kind === "nullable" || resolved.kind === "any") return { kind: "null" };
    if (resolved.kind === "array") return { kind: "emptyList" };
    this.issue(
      path,
      `the optional field "${String(path[path.length - 1])}" has no reading for when a server ` +
        `leaves it out: list it in "required", make it nullable (type: [T, "null"] or ` +
        `anyOf: [..., {type: "null"}]), make it a list, or give it a default`,
    );
    return { kind: "null" };
  }

  /** `allOf`: one member alone is that member; objects are merged into one record. */
  private readAllOf(node: JsonObject, name: string, path: Segment[], schemaName?: string): Shape {
    const members = own(node, "allOf") as unknown[];
    const ownProperties = own(node, "properties");
    if (members.length === 1 && !isRecord(ownProperties)) {
      return this.read(members[0], name, [...path, "allOf", 0], schemaName);
    }
    const properties = new Map<string, PropertySource>();
    const required = new Set<string>(requiredOf(node));
    const problem = this.collectAllOf(node, path, properties, required, new Set());
    if (problem !== undefined) {
      if (this.reachesUnixtime(node)) {
        this.issue(
          problem,
          `allOf can be converted only when every member is an object; this one is not, and the allOf holds a unixtime field`,
        );
      }
      return { kind: "any" };
    }
    return this.record(
      name,
      schemaName,
      describeOf(node),
      [...properties.values()],
      required,
      path,
    );
  }

  /** Gathers the properties of an allOf's members; returns the path of a member that is not an object. */
  private collectAllOf(
    node: JsonObject,
    path: Segment[],
    properties: Map<string, PropertySource>,
    required: Set<string>,
    visiting: Set<string>,
  ): Segment[] | undefined {
    const members = own(node, "allOf");
    if (Array.isArray(members)) {
      for (let i = 0; i < members.length; i++) {
        let member: unknown = members[i];
        let memberPath: Segment[] = [...path, "allOf", i];
        const ref = own(member, "$ref");
        const target = typeof ref === "string" ? componentSchemaOf(ref) : undefined;
        if (typeof ref === "string") {
          // Not a component schema, or a schema that (through its members) includes itself.
          if (target === undefined || visiting.has(target)) return [...memberPath, "$ref"];
          visiting.add(target);
          member = own(this.schemas, target);
          memberPath = [...SCHEMAS, target];
        }
        if (!isRecord(member)) return memberPath;
        for (const key of requiredOf(member)) required.add(key);
        const nested = this.collectAllOf(member, memberPath, properties, required, visiting);
        if (target !== undefined) visiting.delete(target);
        if (nested !== undefined) return nested;
        if (!isObjectLike(member) && !isAnnotationOnly(member)) return memberPath;
      }
    }
    const own_ = own(node, "properties");
    if (isRecord(own_)) {
      for (const [key, schema] of Object.entries(own_)) {
        // A later member's declaration of a property replaces an earlier one.
        properties.delete(key);
        properties.set(key, [key, schema, [...path, "properties", key]]);
      }
    }
    return undefined;
  }

  /** `oneOf` / `anyOf`: null members make it nullable; one other member is that member. */
  private readAlternatives(
    node: JsonObject,
    alternatives: unknown[],
    keyword: "oneOf" | "anyOf",
    name: string,
    path: Segment[],
    schemaName: string | undefined,
  ): Shape {
    let nullable = false;
    const members: Shape[] = [];
    const raw: unknown[] = [];
    alternatives.forEach((alternative, index) => {
      if (isRecord(alternative) && typesOf(alternative).join() === "null") {
        nullable = true;
        return;
      }
      let shape = this.read(alternative, `${name}Variant${index + 1}`, [...path, keyword, index]);
      if (shape.kind === "nullable") {
        nullable = true;
        shape = shape.inner;
      }
      members.push(shape);
      raw.push(alternative);
    });
    const inner =
      members.length === 0
        ? ({ kind: "any" } as const)
        : members.length === 1
          ? (members[0] as Shape)
          : this.union(name, schemaName, members, keyword, node, raw, path);
    return nullable && inner.kind !== "any" ? { kind: "nullable", inner } : inner;
  }

  /**
   * A union of several members. `alternatives` are the members' schemas, in the same order, to
   * find the members a discriminator mapping names.
   */
  private union(
    name: string,
    schemaName: string | undefined,
    members: Shape[],
    keyword: "oneOf" | "anyOf" | undefined,
    node: JsonObject,
    alternatives: unknown[],
    path: Segment[],
  ): Shape {
    // A component that is a union is named after the component (its name is already taken).
    const unionName =
      schemaName === undefined ? this.inlineName(name, `the union at ${pathText(path)}`) : name;
    const plan: UnionPlan = {
      name: unionName,
      members,
      discriminator: undefined,
      path: keyword ? [...path, keyword] : path,
    };
    this.unions.push(plan);
    this.pending.push({ plan, alternatives, node });
    return { kind: "union", name: unionName };
  }

  // ------------------------------------------------------------------------------ the last pass

  /**
   * The pass once every schema is read (a member or field may refer to a schema that was still
   * being read when it was met): how each optional field reads when absent, and for each union,
   * that every JSON kind leads to one member, or to object members a discriminator tells apart.
   */
  finish(index: PlanIndex): void {
    for (const { field, schema } of this.optional) {
      field.absent = this.absentReading(index, schema, field);
    }
    for (const { plan, alternatives, node } of this.pending) {
      const byKind = index.membersByKind(plan);
      const members = (kind: JsonKind | "any"): Shape[] =>
        (byKind.get(kind) ?? []).map((i) => plan.members[i] as Shape);
      if (byKind.has("any") && plan.members.some((m) => index.converts(m))) {
        this.issue(
          plan.path,
          "a member of this union accepts any value, so the model cannot tell which member a " +
            "value is, and another member needs converting",
        );
        continue;
      }
      const numbers = members("number");
      if (numbers.length > 1 && numbers.some((m) => index.nonNull(m).kind === "unixtime")) {
        this.issue(
          plan.path,
          "this union has a unixtime member and another number member: the model cannot tell " +
            "whether a number on the wire is a timestamp",
        );
        continue;
      }
      for (const kind of ["string", "boolean", "array"] as const) {
        const same = members(kind);
        if (same.length > 1 && same.some((m) => index.converts(m))) {
          this.issue(
            plan.path,
            `this union has several ${kind} members and one needs converting: the model cannot ` +
              `tell which one a value is`,
          );
        }
      }
      const objects = byKind.get("object") ?? [];
      if (objects.length > 1) {
        const discriminator = this.discriminatorOf(index, node, alternatives, plan, objects);
        if (discriminator === undefined) {
          this.issue(
            plan.path,
            "this union has several object members and nothing tells them apart: add " +
              "`discriminator: {propertyName: ...}` naming a property each member sets to its " +
              "own constant (like `type: {enum: [text]}`)",
          );
          continue;
        }
        plan.discriminator = discriminator;
      }
    }
  }

  /**
   * Which object member a value is: the written `discriminator` (its mapping, and each member's
   * constants for that property), or else a property every object member has with constants of
   * its own. Undefined when that does not reach every object member exactly once.
   */
  private discriminatorOf(
    index: PlanIndex,
    node: JsonObject,
    alternatives: unknown[],
    plan: UnionPlan,
    objects: number[],
  ): Discriminator | undefined {
    const explicit = own(node, "discriminator");
    const records = objects.map((i) => {
      const resolved = index.nonNull(plan.members[i] as Shape);
      return resolved.kind === "record" ? index.recordOf(resolved.name) : undefined;
    });
    if (records.some((r) => r === undefined)) return undefined;
    const constantsOf = (
      record: RecordPlan | undefined,
      wireProperty: string,
    ): readonly string[] => {
      const field = record?.fields.find((f) => f.wireKey === wireProperty);
      const shape = field ? index.nonNull(field.shape) : undefined;
      return shape?.kind === "string" && shape.values ? shape.values : [];
    };
    const build = (wireProperty: string): Discriminator | undefined => {
      const mapping = new Map<string, number>();
      const explicitMapping = own(explicit, "mapping");
      if (isRecord(explicitMapping)) {
        for (const [value, target] of Object.entries(explicitMapping)) {
          const member = alternatives.findIndex((alt) => own(alt, "$ref") === target);
          if (member >= 0) mapping.set(value, member);
        }
      }
      for (const [i, member] of objects.entries()) {
        for (const value of constantsOf(records[i], wireProperty)) {
          // Two members claiming one value: the property does not tell them apart.
          if (mapping.has(value) && mapping.get(value) !== member) return undefined;
          mapping.set(value, member);
        }
      }
      const reached = new Set(mapping.values());
      return objects.every((member) => reached.has(member)) ? { wireProperty, mapping } : undefined;
    };
    const propertyName = own(explicit, "propertyName");
    if (typeof propertyName === "string") return build(propertyName);
    for (const field of records[0]?.fields ?? []) {
      if (records.every((r) => constantsOf(r, field.wireKey).length > 0)) {
        const found = build(field.wireKey);
        if (found) return found;
      }
    }
    return undefined;
  }

  // ------------------------------------------------------------------------------ helpers

  /** Refuses keywords the model does not convert when they hold a timestamp. */
  private refuseUnconverted(node: JsonObject, path: Segment[]): void {
    for (const keyword of UNCONVERTED) {
      const value = own(node, keyword);
      if (value !== undefined && this.reachesUnixtime(value)) {
        this.issue(
          [...path, keyword],
          `${keyword} holds a unixtime field, which the model cannot convert there ` +
            `(write it with properties, items, additionalProperties, allOf, oneOf or anyOf)`,
        );
      }
    }
  }

  /** Whether a unixtime field is anywhere in this schema or what it references. */
  private reachesUnixtime(node: unknown, seen = new Set<string>()): boolean {
    if (Array.isArray(node)) return node.some((n) => this.reachesUnixtime(n, seen));
    if (!isRecord(node)) return false;
    if (own(node, "format") === "unixtime") return true;
    const ref = own(node, "$ref");
    if (typeof ref === "string") {
      if (seen.has(ref)) return false;
      seen.add(ref);
      const target = parseLocalRef(ref);
      return target !== undefined && this.reachesUnixtime(getAt(this.document, target).value, seen);
    }
    for (const [key, value] of Object.entries(node)) {
      const children = SCHEMA_MAP_KEYWORDS.has(key)
        ? isRecord(value)
          ? Object.values(value)
          : []
        : SUBSCHEMA_KEYWORDS.has(key)
          ? [value]
          : [];
      if (children.some((child) => this.reachesUnixtime(child, seen))) return true;
    }
    return false;
  }
}

/** The name in `#/components/schemas/<Name>`; undefined for any other reference. */
function componentSchemaOf(ref: string): string | undefined {
  const segments = parseLocalRef(ref);
  return segments?.length === 3 && segments[0] === "components" && segments[1] === "schemas"
    ? segments[2]
    : undefined;
}

function describeOf(schema: JsonObject): string | undefined {
  const description = own(schema, "description");
  return typeof description === "string" ? description : undefined;
}

function requiredOf(schema: unknown): Set<string> {
  const required = own(schema, "required");
  return new Set(
    Array.isArray(required) ? required.filter((r): r is string => typeof r === "string") : [],
  );
}

/** An object schema an allOf can merge: it declares properties or is of type object. */
function isObjectLike(schema: JsonObject): boolean {
  return (
    isRecord(own(schema, "properties")) ||
    typesOf(schema).includes("object") ||
    Array.isArray(own(schema, "allOf"))
  );
}

/** A schema that only annotates (description, title, examples...): nothing to merge. */
function isAnnotationOnly(schema: JsonObject): boolean {
  const shaping = [
    "type",
    "properties",
    "items",
    "anyOf",
    "oneOf",
    "enum",
    "const",
    "format",
    "$ref",
    "additionalProperties",
  ];
  return !shaping.some((key) => Object.hasOwn(schema, key));
}

function pathText(path: Segment[]): string {
  return "#/" + path.map(String).join("/");
}
