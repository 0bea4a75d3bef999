/**
 * The converter writer: for every record, union and named list/map/nullable alias, a function
 * from the wire (`from_X`: checks each field, fills absent ones, renames keys, seconds → Date)
 * and, where the forms differ, one back (`to_X`); then the public `xFromWire` / `xToWire` pair
 * of every named schema.
 *
 * Why the converters look the way they do:
 * - Each record is built as one object literal of fixed shape: that keeps converting a 100-run
 *   page close to the cost of `JSON.parse` (a generic key-walking loop costs ~1.8x).
 * - Only declared property names are renamed; map keys and free-form JSON are user data.
 * - Unknown fields are kept under their wire name, and unknown union variants and enum values
 *   pass through unchanged, so a round trip loses nothing a newer server sent.
 */
import type { Code } from "./code.js";
import { Code as CodeText } from "./code.js";
import { valueNameOf } from "./names.js";
import type { PlanIndex } from "./plan-index.js";
import type { Field, NamedPlan, RecordPlan, Shape, UnionPlan } from "./plan.js";

/** Where a wire value is: an expression for it, and for its path in messages. */
interface WireValue {
  /** Expression of the value. */
  value: string;
  /** Expression of the path of the object holding it (or of the value itself when `key` is null). */
  path: string;
  /** String literal of the key the value has in that object; null for the value at `path`. */
  key: string | null;
}

/** A model value to write back: an expression, and the field name to put in messages. */
interface ModelValue {
  value: string;
  label: string;
}

export function writeConverters(index: PlanIndex, code: Code): void {
  const writer = new ConverterWriter(index, code);
  for (const record of index.plan.records) writer.record(record);
  for (const union of index.plan.unions) writer.union(union);
  for (const named of index.plan.named) if (index.hasAliasFunctions(named)) writer.alias(named);
  for (const named of index.plan.named) writer.publicPair(named);
}

class ConverterWriter {
  constructor(
    private readonly index: PlanIndex,
    private readonly code: Code,
  ) {}

  // ------------------------------------------------------------------ wire → model expressions

  /** The path of the value itself. */
  private pathOf(source: WireValue): string {
    return source.key === null
      ? source.path
      : `${this.code.use("at")}(${source.path}, ${source.key})`;
  }

  /** `value, path, key` for a runtime check. */
  private args(source: WireValue): string {
    return `${source.value}, ${source.path}, ${source.key ?? '""'}`;
  }

  /** A function `(x, xp) => ...` converting or checking one item of a list or map. */
  private itemFn(shape: Shape): string {
    return `(x, xp) => ${this.fromWire(shape, { value: "x", path: "xp", key: null })}`;
  }

  /** Expression reading the wire value `source` into its model form (or throwing). */
  fromWire(shape: Shape, source: WireValue): string {
    const { index, code } = this;
    switch (shape.kind) {
      case "ref": {
        const named = index.namedOf(shape.name);
        const declared = index.declaredShape(named);
        if (declared.kind === "record" || declared.kind === "union") {
          const call = `from_${declared.name}(${source.value}, ${this.pathOf(source)})`;
          return index.nullableByReference(named)
            ? `(${source.value} == null ? null : ${call})`
            : call;
        }
        if (index.hasAliasFunctions(named)) {
          return `from_${named.modelName}(${source.value}, ${this.pathOf(source)})`;
        }
        // A named scalar (an enum, a timestamp): its check, typed by its name.
        const inner = declared.kind === "nullable" ? declared.inner : declared;
        if (inner.kind === "string" && inner.values) {
          const check = declared.kind === "nullable" ? "strOrNull" : "str";
          return `(${code.use(check)}(${this.args(source)}) as ${named.modelName})`;
        }
        return this.fromWire(declared, source);
      }
      case "string":
        return shape.values
          ? `(${code.use("str")}(${this.args(source)}) as ${index.typeOf(shape)})`
          : `${code.use("str")}(${this.args(source)})`;
      case "number":
        return `${code.use("num")}(${this.args(source)})`;
      case "boolean":
        return `${code.use("bool")}(${this.args(source)})`;
      case "unixtime":
        return `${code.use("date")}(${this.args(source)})`;
      case "any":
        return source.value;
      case "freeObject":
        return `${code.use("obj")}(${this.args(source)})`;
      case "map": {
        const type = index.typeOf(shape);
        if (index.converts(shape.values)) {
          return `${code.use("map")}(${this.args(source)}, ${this.itemFn(shape.values)})`;
        }
        if (shape.values.kind === "any")
          return `(${code.use("obj")}(${this.args(source)}) as ${type})`;
        return `(${code.use("checkMap")}(${this.args(source)}, ${this.itemFn(shape.values)}) as ${type})`;
      }
      case "array": {
        const type = index.typeOf(shape);
        if (index.converts(shape.items)) {
          return `${code.use("list")}(${this.args(source)}, ${this.itemFn(shape.items)})`;
        }
        if (shape.items.kind === "any")
          return `(${code.use("arr")}(${this.args(source)}) as ${type})`;
        return `(${code.use("checkList")}(${this.args(source)}, ${this.itemFn(shape.items)}) as ${type})`;
      }
      case "record":
      case "union":
        return `from_${shape.name}(${source.value}, ${this.pathOf(source)})`;
      case "nullable":
        return this.fromWireNullable(shape.inner, source);
    }
  }

  private fromWireNullable(inner: Shape, source: WireValue): string {
    const { code, index } = this;
    switch (inner.kind) {
      case "string":
        return inner.values
          ? `(${code.use("strOrNull")}(${this.args(source)}) as ${index.typeOf(inner)} | null)`
          : `${code.use("strOrNull")}(${this.args(source)})`;
      case "number":
        return `${code.use("numOrNull")}(${this.args(source)})`;
      case "boolean":
        return `${code.use("boolOrNull")}(${this.args(source)})`;
      case "unixtime":
        return `${code.use("dateOrNull")}(${this.args(source)})`;
      case "freeObject":
        return `${code.use("objOrNull")}(${this.args(source)})`;
      case "any":
        return `(${source.value} ?? null)`;
      default:
        return `(${source.value} == null ? null : ${this.fromWire(inner, source)})`;
    }
  }

  /** Expression reading field `field` of the wire object `w` (at path `p`). */
  private fieldFromWire(field: Field): string {
    const value = this.code.read("w", field.wireKey);
    const source: WireValue = { value, path: "p", key: JSON.stringify(field.wireKey) };
    const absent = field.absent;
    if (absent === undefined) {
      const read = this.fromWire(field.shape, source);
      // Required and nullable (or any): null is a value, but the field must be there.
      const resolved = this.index.resolve(field.shape);
      if (resolved.kind === "nullable" || resolved.kind === "any") {
        const expected = JSON.stringify(this.index.expected(field.shape));
        return `(${value} === undefined ? ${this.code.use("fail")}(p, ${source.key}, ${expected}, undefined) : ${read})`;
      }
      return read;
    }
    if (absent.kind === "null") {
      return this.index.resolve(field.shape).kind === "any"
        ? `(${value} ?? null)`
        : this.fromWire(field.shape, source);
    }
    const read = this.fromWire(this.index.fieldShape(field), source);
    const empty = absent.kind === "emptyList" ? "[]" : JSON.stringify(absent.value);
    return `(${value} == null ? ${empty} : ${read})`;
  }

  // ------------------------------------------------------------------ model → wire expressions

  /** Expression writing the model value back into its wire form. */
  toWire(shape: Shape, model: ModelValue): string {
    const { index, code } = this;
    if (!index.converts(shape)) {
      return shape.kind === "nullable" ? `(${model.value} ?? null)` : model.value;
    }
    switch (shape.kind) {
      case "ref": {
        const named = index.namedOf(shape.name);
        const declared = index.declaredShape(named);
        if (declared.kind === "record" || declared.kind === "union") {
          const call = `to_${declared.name}(${model.value})`;
          return index.nullableByReference(named)
            ? `(${model.value} == null ? null : ${call})`
            : call;
        }
        if (index.hasAliasFunctions(named)) return `to_${named.modelName}(${model.value})`;
        return this.toWire(named.shape, model);
      }
      case "unixtime":
        return `${code.use("unix")}(${model.value}, ${JSON.stringify(model.label)})`;
      case "map":
        return `${code.use("mapToWire")}(${model.value}, (x) => ${this.toWire(shape.values, { value: "x", label: model.label })})`;
      case "array":
        return `${code.use("listToWire")}(${model.value}, (x) => ${this.toWire(shape.items, { value: "x", label: `${model.label}[]` })})`;
      case "record":
      case "union":
        return `to_${shape.name}(${model.value})`;
      case "nullable":
        return `(${model.value} == null ? null : ${this.toWire(shape.inner, model)})`;
      default:
        return model.value;
    }
  }

  // ------------------------------------------------------------------------------ records

  record(record: RecordPlan): void {
    const { code, index } = this;
    const name = record.name;
    code.push(
      // Marked pure so that a bundler drops the sets of converters an application never calls.
      `const wireKeys_${name}: ReadonlySet<string> = /* @__PURE__ */ new Set(${JSON.stringify(record.fields.map((f) => f.wireKey))});`,
      `const modelKeys_${name}: ReadonlySet<string> = /* @__PURE__ */ new Set(${JSON.stringify(record.fields.map((f) => f.modelKey))});`,
      "",
      `function from_${name}(value: unknown, p: string): ${name} {`,
      `  const w = ${code.use("obj")}(value, p, "");`,
      `  const m: ${name} = {`,
      ...record.fields.map(
        (field) => `    ${CodeText.literalKey(field.modelKey)}: ${this.fieldFromWire(field)},`,
      ),
      `  };`,
      // One comparison tells whether any field is unknown; only then are they looked for.
      `  if (Object.keys(w).length !== ${this.wireCount(record)}) {`,
      `    ${code.use("keepUnknown")}(w, m as unknown as WireObject, wireKeys_${name});`,
      `  }`,
      `  return m;`,
      `}`,
      "",
      `function to_${name}(m: ${name}): WireObject {`,
      `  const w: WireObject = {`,
      ...record.fields.map((field) => {
        const shape = index.fieldShape(field);
        const read = code.readField("m", field.modelKey, index.typeOf(shape));
        return `    ${CodeText.literalKey(field.wireKey, true)}: ${this.toWire(shape, { value: read, label: field.modelKey })},`;
      }),
      `  };`,
      `  if (Object.keys(m).length !== ${record.fields.length}) {`,
      `    ${code.use("keepUnknown")}(m as unknown as WireObject, w, modelKeys_${name});`,
      `  }`,
      `  return w;`,
      `}`,
      "",
    );
  }

  /**
   * How many declared keys the wire object has, as an expression: required fields are there once
   * reading succeeded; each optional one counts when present.
   */
  private wireCount(record: RecordPlan): string {
    const terms: string[] = [];
    let required = 0;
    for (const field of record.fields) {
      if (field.required) required++;
      else terms.push(`(${this.code.read("w", field.wireKey)} !== undefined ? 1 : 0)`);
    }
    return [String(required), ...terms].join(" + ");
  }

  // ------------------------------------------------------------------------------ unions

  union(union: UnionPlan): void {
    const { index, code } = this;
    const type = index.typeOf({ kind: "union", name: union.name });
    const byKind = index.membersByKind(union);
    const memberAt = (i: number): Shape => union.members[i] as Shape;
    const self: WireValue = { value: "value", path: "p", key: null };
    const from = [`function from_${union.name}(value: unknown, p: string): ${type} {`];
    for (const [kind, members] of byKind) {
      if (kind === "any") continue;
      const test =
        kind === "object"
          ? `${code.use("isObject")}(value)`
          : kind === "array"
            ? "Array.isArray(value)"
            : `typeof value === "${kind}"`;
      const [first] = members;
      if (first === undefined) continue;
      if (kind === "object" && members.length > 1 && union.discriminator) {
        const d = union.discriminator;
        from.push(`  if (${test}) {`, `    switch (${code.read("value", d.wireProperty)}) {`);
        for (const [value, member] of d.mapping) {
          from.push(
            `      case ${JSON.stringify(value)}: return ${this.fromWire(memberAt(member), self)};`,
          );
        }
        // A variant this version does not know: kept as the server sent it.
        from.push(`      default: return value as unknown as ${type};`, `    }`, `  }`);
      } else if (members.length > 1) {
        // Several members of one kind, none converting (the analysis checked): an enum and a string.
        from.push(`  if (${test}) return value as ${type};`);
      } else {
        from.push(`  if (${test}) return ${this.fromWire(memberAt(first), self)};`);
      }
    }
    if (byKind.has("any")) {
      // A member takes any value (the analysis made sure nothing converts): kept as it is.
      from.push(`  return value as ${type};`, `}`, "");
    } else {
      const expected = [...byKind.keys()].map((k) =>
        k === "object" || k === "array" ? `an ${k}` : `a ${k}`,
      );
      from.push(
        `  return ${code.use("fail")}(p, "", ${JSON.stringify(expected.join(" or "))}, value);`,
        `}`,
        "",
      );
    }
    code.push(...from);
    if (!index.converts({ kind: "union", name: union.name })) return;

    const to = [`function to_${union.name}(m: ${type}): unknown {`];
    const write = (member: Shape): string =>
      this.toWire(member, { value: `(m as ${index.typeOf(member)})`, label: union.name });
    // A Date is an object too: it is told apart first.
    for (const member of union.members) {
      if (index.nonNull(member).kind === "unixtime")
        to.push(`  if (m instanceof Date) return ${write(member)};`);
    }
    for (const [kind, members] of byKind) {
      if (kind !== "object" && kind !== "array") continue;
      if (!members.some((i) => index.converts(memberAt(i)))) continue;
      const test = kind === "object" ? `${code.use("isModelObject")}(m)` : "Array.isArray(m)";
      const [first] = members;
      if (kind === "object" && members.length > 1 && union.discriminator) {
        const d = union.discriminator;
        const key = camelKey(index, union, d.wireProperty);
        to.push(
          `  if (${test}) {`,
          `    switch (${code.read("(m as unknown as WireObject)", key)}) {`,
        );
        for (const [value, member] of d.mapping) {
          if (index.converts(memberAt(member))) {
            to.push(`      case ${JSON.stringify(value)}: return ${write(memberAt(member))};`);
          }
        }
        to.push(`      default: return m;`, `    }`, `  }`);
      } else if (first !== undefined) {
        to.push(`  if (${test}) return ${write(memberAt(first))};`);
      }
    }
    to.push(`  return m;`, `}`, "");
    code.push(...to);
  }

  // ------------------------------------------------------------------------------ aliases

  /** A named list, map or nullable value: functions of its own (they also end recursion). */
  alias(named: NamedPlan): void {
    const { index, code } = this;
    const shape = index.declaredShape(named);
    const type = named.modelName;
    code.push(
      `function from_${type}(value: unknown, p: string): ${type} {`,
      `  return ${this.fromWire(shape, { value: "value", path: "p", key: null })};`,
      `}`,
      "",
    );
    if (!index.converts(shape)) return;
    code.push(
      `function to_${type}(m: ${type}): unknown {`,
      `  return ${this.toWire(shape, { value: "m", label: type })};`,
      `}`,
      "",
    );
  }

  // ------------------------------------------------------------------------------ public pair

  publicPair(named: NamedPlan): void {
    const { index, code } = this;
    const base = valueNameOf(named.modelName);
    const wireType = `Wire<${JSON.stringify(named.schemaName)}>`;
    const type = index.typeOf({ kind: "ref", name: named.schemaName });
    const ref: Shape = { kind: "ref", name: named.schemaName };
    code.doc([
      `Converts a \`${named.schemaName}\` from the wire (snake_case JSON) into {@link ${named.modelName}}.`,
      "@throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.",
    ]);
    code.push(
      `export function ${base}FromWire(wire: unknown, path = ""): ${type} {`,
      `  return ${this.fromWire(ref, { value: "wire", path: "path", key: null })};`,
      `}`,
      "",
    );
    code.doc([
      `Converts {@link ${named.modelName}} back into its wire form, \`${named.schemaName}\`.`,
    ]);
    code.push(
      `export function ${base}ToWire(model: ${type}): ${wireType} {`,
      `  return ${this.toWire(ref, { value: "model", label: named.modelName })} as unknown as ${wireType};`,
      `}`,
      "",
    );
  }
}

/** The model key of the discriminator property (the members share its wire name). */
function camelKey(index: PlanIndex, union: UnionPlan, wireProperty: string): string {
  for (const member of union.members) {
    const resolved = index.resolve(member);
    if (resolved.kind !== "record") continue;
    const field = index.recordOf(resolved.name).fields.find((f) => f.wireKey === wireProperty);
    if (field) return field.modelKey;
  }
  return wireProperty;
}
