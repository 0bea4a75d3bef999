/**
 * Questions both writers ask about a {@link ModelPlan}: what a name refers to, the TypeScript
 * type of a shape, whether a shape converts, and which shapes get converter functions.
 */
import type {
  Field,
  JsonKind,
  ModelPlan,
  NamedPlan,
  RecordPlan,
  Shape,
  UnionPlan,
} from "./plan.js";

export class PlanIndex {
  private readonly named = new Map<string, NamedPlan>();
  private readonly records = new Map<string, RecordPlan>();
  private readonly unions = new Map<string, UnionPlan>();
  private readonly converting = new Map<string, boolean>();

  constructor(readonly plan: ModelPlan) {
    for (const named of plan.named) this.named.set(named.schemaName, named);
    for (const record of plan.records) this.records.set(record.name, record);
    for (const union of plan.unions) this.unions.set(union.name, union);
  }

  namedOf(schemaName: string): NamedPlan {
    const named = this.named.get(schemaName);
    if (!named) throw new Error(`the plan has no schema "${schemaName}"`);
    return named;
  }

  recordOf(name: string): RecordPlan {
    const record = this.records.get(name);
    if (!record) throw new Error(`the plan has no record "${name}"`);
    return record;
  }

  unionOf(name: string): UnionPlan {
    const union = this.unions.get(name);
    if (!union) throw new Error(`the plan has no union "${name}"`);
    return union;
  }

  /**
   * The shape a named schema declares under its name. A nullable record or union component is
   * declared without the null (its interface or alias has the model name), and every reference
   * adds `| null`.
   */
  declaredShape(named: NamedPlan): Shape {
    return this.nullableByReference(named) && named.shape.kind === "nullable"
      ? named.shape.inner
      : named.shape;
  }

  /** Whether references to this named schema add `| null` to its declared type. */
  nullableByReference(named: NamedPlan): boolean {
    const shape = named.shape;
    return (
      shape.kind === "nullable" &&
      (shape.inner.kind === "record" || shape.inner.kind === "union") &&
      shape.inner.name === named.modelName
    );
  }

  /**
   * Whether this named schema gets converter functions of its own (`from_X`, `to_X`): every
   * record and union does (under the record's or union's name), and so does a named list, map
   * or nullable value, which also ends recursion through such aliases.
   */
  hasAliasFunctions(named: NamedPlan): boolean {
    const shape = this.declaredShape(named);
    const inner = shape.kind === "nullable" ? shape.inner : shape;
    return inner.kind === "array" || inner.kind === "map" || inner.kind === "ref";
  }

  /** The TypeScript type of a shape in the model. */
  typeOf(shape: Shape): string {
    switch (shape.kind) {
      case "ref": {
        const named = this.namedOf(shape.name);
        return this.nullableByReference(named) ? `${named.modelName} | null` : named.modelName;
      }
      case "string": {
        if (!shape.values) return "string";
        const literals = shape.values.map((v) => JSON.stringify(v));
        // `string & {}` keeps editor completion for the known values while accepting new ones.
        if (shape.extensible) literals.push("(string & {})");
        return literals.join(" | ");
      }
      case "number":
        return "number";
      case "boolean":
        return "boolean";
      case "unixtime":
        return "Date";
      case "any":
        return "unknown";
      case "freeObject":
        return "Record<string, unknown>";
      case "map":
        return `Record<string, ${this.typeOf(shape.values)}>`;
      case "array": {
        const item = this.typeOf(shape.items);
        return /[|&]/.test(item) ? `Array<${item}>` : `${item}[]`;
      }
      case "record":
        return shape.name;
      case "union":
        return this.unionOf(shape.name)
          .members.map((m) => this.typeOf(m))
          .join(" | ");
      case "nullable":
        return `${this.typeOf(shape.inner)} | null`;
    }
  }

  /** The model type of a field: a field with a default or read as `[]` is never null. */
  fieldShape(field: Field): Shape {
    if (field.shape.kind === "nullable" && field.absent && field.absent.kind !== "null") {
      return field.shape.inner;
    }
    return field.shape;
  }

  /** Whether the model form of this shape differs from its wire form anywhere inside. */
  converts(shape: Shape): boolean {
    switch (shape.kind) {
      case "ref": {
        const known = this.converting.get(shape.name);
        if (known !== undefined) return known;
        // A cycle converts: assume so while looking.
        this.converting.set(shape.name, true);
        const value = this.converts(this.namedOf(shape.name).shape);
        this.converting.set(shape.name, value);
        return value;
      }
      // Every record is read field by field: fields checked, absent ones filled, keys renamed.
      case "record":
      case "unixtime":
        return true;
      case "array":
        return this.converts(shape.items);
      case "map":
        return this.converts(shape.values);
      case "union":
        return this.unionOf(shape.name).members.some((m) => this.converts(m));
      case "nullable":
        return this.converts(shape.inner);
      default:
        return false;
    }
  }

  /** The shape with references followed (a cycle of bare references ends as `any`). */
  resolve(shape: Shape): Shape {
    let current = shape;
    const seen = new Set<string>();
    while (current.kind === "ref") {
      if (seen.has(current.name)) return { kind: "any" };
      seen.add(current.name);
      current = this.namedOf(current.name).shape;
    }
    return current;
  }

  /** The shape without its nullability, references followed. */
  nonNull(shape: Shape): Shape {
    const resolved = this.resolve(shape);
    return resolved.kind === "nullable" ? this.resolve(resolved.inner) : resolved;
  }

  /**
   * The JSON kinds a wire value of this shape can have (null aside); `any` when it can be
   * anything, so that nothing tells it apart from other members of a union.
   */
  kindsOf(shape: Shape, seen: Set<string> = new Set()): (JsonKind | "any")[] {
    switch (shape.kind) {
      case "ref": {
        if (seen.has(shape.name)) return [];
        seen.add(shape.name);
        return this.kindsOf(this.namedOf(shape.name).shape, seen);
      }
      case "string":
        return ["string"];
      case "number":
      case "unixtime":
        return ["number"];
      case "boolean":
        return ["boolean"];
      case "any":
        return ["any"];
      case "freeObject":
      case "map":
      case "record":
        return ["object"];
      case "array":
        return ["array"];
      case "union":
        return [...new Set(this.unionOf(shape.name).members.flatMap((m) => this.kindsOf(m, seen)))];
      case "nullable":
        return this.kindsOf(shape.inner, seen);
    }
  }

  /** The union's members grouped by the JSON kind of their wire values, in member order. */
  membersByKind(union: UnionPlan): Map<JsonKind | "any", number[]> {
    const byKind = new Map<JsonKind | "any", number[]>();
    union.members.forEach((member, index) => {
      for (const kind of this.kindsOf(member))
        byKind.set(kind, [...(byKind.get(kind) ?? []), index]);
    });
    return byKind;
  }

  /** What a message says a value of this shape should be: `a string`, `an object or null`. */
  expected(shape: Shape): string {
    const resolved = this.resolve(shape);
    switch (resolved.kind) {
      case "string":
        return "a string";
      case "number":
        return "a number";
      case "boolean":
        return "a boolean";
      case "unixtime":
        return "integer seconds";
      case "any":
        return "a value";
      case "array":
        return "an array";
      case "freeObject":
      case "map":
      case "record":
        return "an object";
      case "union":
        return [...new Set(this.unionOf(resolved.name).members.map((m) => this.expected(m)))].join(
          " or ",
        );
      case "nullable":
        return `${this.expected(resolved.inner)} or null`;
      case "ref":
        return "a value";
    }
  }
}
