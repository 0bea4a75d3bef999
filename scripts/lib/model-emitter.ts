/**
 * Emits `generated/model.ts`: for every schema reachable from the roots, a camelCase model type
 * (`Date` for `format: unixtime`) and a pair of converters, wire -> model and model -> wire.
 *
 * Why converters look the way they do:
 * - Each record is built as one object literal of fixed shape: that is what keeps converting a
 *   100-run page close to the cost of `JSON.parse` (a generic key-walking loop costs ~1.8x).
 * - Only declared property names are renamed. Maps and free-form JSON (metadata, function
 *   parameters, JSON schemas) have no declared properties and are passed through by reference.
 * - Subtrees that need no renaming and hold no timestamps are passed through as they are.
 * - Unknown fields are kept under their wire name, and unknown union variants and enum values
 *   pass through unchanged, so a round trip loses nothing a newer server sent.
 */
import {
  ShapeReader,
  camelCase,
  type NamedDef,
  type RecordDef,
  type RecordProperty,
  type Shape,
} from "./shapes.js";

export interface ModelEmitterInput {
  document: Record<string, unknown>;
  /** Component schemas to start from, e.g. ["RunObject"]. */
  roots: string[];
  header: string;
}

export interface EmittedModel {
  code: string;
  /** The named model types, for reports and tests. */
  typeNames: string[];
}

const RUNTIME = `
/** A wire value that does not have the shape the spec promises. \`path\` names the field. */
export class WireShapeError extends Error {
  override readonly name = "WireShapeError";
  readonly path: string;
  readonly expected: string;
  readonly received: unknown;
  constructor(path: string, expected: string, received: unknown) {
    super(\`\${path || "(root)"}: expected \${expected}, got \${describe(received)}\`);
    this.path = path;
    this.expected = expected;
    this.received = received;
  }
}

type WireObject = Record<string, unknown>;

function describe(value: unknown): string {
  if (value === undefined) return "nothing (field missing)";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value);
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return String(value);
}

function at(path: string, key: string): string {
  return path === "" ? key : path + "." + key;
}

function fail(path: string, key: string, expected: string, value: unknown): never {
  throw new WireShapeError(key === "" ? path : at(path, key), expected, value);
}

function isObject(value: unknown): value is WireObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown, path: string, key: string): string {
  return typeof value === "string" ? value : fail(path, key, "a string", value);
}

function strOrNull(value: unknown, path: string, key: string): string | null {
  return value == null ? null : typeof value === "string" ? value : fail(path, key, "a string or null", value);
}

function num(value: unknown, path: string, key: string): number {
  return typeof value === "number" ? value : fail(path, key, "a number", value);
}

function numOrNull(value: unknown, path: string, key: string): number | null {
  return value == null ? null : typeof value === "number" ? value : fail(path, key, "a number or null", value);
}

function bool(value: unknown, path: string, key: string): boolean {
  return typeof value === "boolean" ? value : fail(path, key, "a boolean", value);
}

function boolOrNull(value: unknown, path: string, key: string): boolean | null {
  return value == null ? null : typeof value === "boolean" ? value : fail(path, key, "a boolean or null", value);
}

function obj(value: unknown, path: string, key: string): WireObject {
  return isObject(value) ? value : fail(path, key, "an object", value);
}

function objOrNull(value: unknown, path: string, key: string): WireObject | null {
  return value == null ? null : isObject(value) ? value : fail(path, key, "an object or null", value);
}

/** The one place where Unix seconds from the wire become a Date. */
function date(value: unknown, path: string, key: string): Date {
  if (typeof value === "number") {
    const d = new Date(value * 1000);
    // NaN, Infinity and values beyond the Date range (±8.64e12 s) give an Invalid Date: refused.
    if (d.getTime() === d.getTime()) return d;
  }
  return fail(path, key, "integer seconds", value);
}

function dateOrNull(value: unknown, path: string, key: string): Date | null {
  return value == null ? null : date(value, path, key);
}

/** The one place where a Date becomes Unix seconds for the wire. */
function unix(value: Date, field: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new TypeError(\`\${field}: expected a valid Date, got \${describe(value)}\`);
  return Math.floor(ms / 1000);
}

function arr(value: unknown, path: string, key: string): unknown[] {
  return Array.isArray(value) ? value : fail(path, key, "an array", value);
}

function list<T>(value: unknown, path: string, key: string, item: (v: unknown, p: string) => T): T[] {
  if (!Array.isArray(value)) return fail(path, key, "an array", value);
  const itemPath = at(path, key);
  const out = new Array<T>(value.length);
  for (let i = 0; i < value.length; i++) out[i] = item(value[i], itemPath + "[" + i + "]");
  return out;
}

function listToWire<T>(value: readonly T[], item: (v: T) => unknown): unknown[] {
  const out = new Array<unknown>(value.length);
  for (let i = 0; i < value.length; i++) out[i] = item(value[i] as T);
  return out;
}

/** Copies fields this version does not know, under their own names, so a round trip keeps them. */
function keepUnknown(from: WireObject, to: WireObject, known: ReadonlySet<string>): void {
  for (const key of Object.keys(from)) {
    if (!known.has(key) && !(key in to)) to[key] = from[key];
  }
}
`;

/** Emits the model module for the given roots. */
export function emitModel(input: ModelEmitterInput): EmittedModel {
  const reader = new ShapeReader(input.document);
  for (const root of input.roots) reader.readNamed(root);
  return new ModelWriter(reader, input.header).write();
}

class ModelWriter {
  private readonly out: string[] = [];
  private readonly convertMemo = new Map<string, boolean>();

  constructor(
    private readonly reader: ShapeReader,
    private readonly header: string,
  ) {}

  write(): EmittedModel {
    const named = [...this.reader.named.values()];
    this.out.push(this.header, 'import type { components } from "./schema.js";', RUNTIME);
    this.out.push(
      "/** The wire (snake_case JSON) type of a component schema, as openapi-typescript emits it. */",
      'export type Wire<Name extends keyof components["schemas"]> = components["schemas"][Name];',
      "",
    );
    const recordsOfNamed = new Set<string>();
    for (const def of named) {
      if (def.shape.kind === "record") recordsOfNamed.add(def.shape.name);
      this.writeNamedType(def);
      this.writeEnumValues(def);
    }
    for (const record of this.reader.records.values()) {
      if (!recordsOfNamed.has(record.name)) this.writeRecordType(record, undefined);
    }
    for (const record of this.reader.records.values()) this.writeRecordConverters(record);
    for (const def of named) {
      if (def.shape.kind !== "record") this.writeShapeConverters(def.modelName, def.shape);
      this.writePublicConverters(def);
    }
    return { code: this.out.join("\n") + "\n", typeNames: named.map((d) => d.modelName) };
  }

  // ---------------------------------------------------------------- types

  private typeOf(shape: Shape): string {
    switch (shape.kind) {
      case "ref":
        return this.namedDef(shape.name).modelName;
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
      case "opaque":
        return shape.valueType === "string" ? "Record<string, string>" : "Record<string, unknown>";
      case "array": {
        const item = this.typeOf(shape.items);
        return /[|&]/.test(item) ? `Array<${item}>` : `${item}[]`;
      }
      case "record":
        return shape.name;
      case "union":
        return shape.members.map((m) => this.typeOf(m)).join(" | ");
      case "nullable":
        return `${this.typeOf(shape.inner)} | null`;
      case "unknown":
        return "unknown";
    }
  }

  private doc(lines: (string | undefined)[], indent = ""): void {
    const text = lines.filter((l): l is string => !!l).join("\n\n");
    if (!text) return;
    const body = text.replace(/\*\//g, "*\\/").split("\n");
    this.out.push(
      `${indent}/**`,
      ...body.map((l) => `${indent} *${l ? " " + l : ""}`),
      `${indent} */`,
    );
  }

  private writeNamedType(def: NamedDef): void {
    if (def.shape.kind === "record") {
      const record = this.reader.records.get(def.shape.name);
      if (record) this.writeRecordType(record, def);
      return;
    }
    this.doc([def.description, `Wire schema: \`${def.schemaName}\`.`]);
    this.out.push(`export type ${def.modelName} = ${this.typeOf(def.shape)};`, "");
  }

  private writeEnumValues(def: NamedDef): void {
    const shape = def.shape.kind === "nullable" ? def.shape.inner : def.shape;
    if (shape.kind !== "string" || !shape.values) return;
    const base = camelCase(def.modelName.charAt(0).toLowerCase() + def.modelName.slice(1));
    this.doc([`Every value of {@link ${def.modelName}} that the spec documents.`]);
    this.out.push(`export const ${base}Values = ${JSON.stringify(shape.values)} as const;`, "");
    const terminal = def.extensions["x-terminal-values"];
    if (Array.isArray(terminal)) {
      this.doc([
        `The values of {@link ${def.modelName}} after which nothing changes any more (\`x-terminal-values\`).`,
      ]);
      this.out.push(
        `export const ${base}TerminalValues = ${JSON.stringify(terminal)} as const;`,
        "",
      );
    }
  }

  private writeRecordType(record: RecordDef, def: NamedDef | undefined): void {
    this.doc([
      record.description,
      record.schemaName ? `Wire schema: \`${record.schemaName}\`.` : undefined,
    ]);
    this.out.push(`export interface ${record.name} {`);
    for (const prop of record.properties) {
      this.doc(
        [
          prop.description,
          `Wire field: \`${prop.wireKey}\`` +
            (this.isDate(prop.shape) ? " (Unix seconds on the wire)." : ".") +
            this.absentNote(prop),
        ],
        "  ",
      );
      const optional = this.alwaysSet(prop) ? "" : "?";
      this.out.push(`  ${prop.modelKey}${optional}: ${this.typeOf(this.modelShape(prop))};`);
    }
    this.out.push("}", "");
    void def;
  }

  /** The doc sentence saying how an absent field reads. */
  private absentNote(prop: RecordProperty): string {
    const absent = prop.absent;
    if (!absent) return "";
    const reading =
      absent.kind === "null"
        ? "`null`"
        : absent.kind === "emptyList"
          ? "`[]`"
          : `\`${JSON.stringify(absent.value)}\``;
    return ` Reads as ${reading} when the server leaves it out or sends \`null\`.`;
  }

  /** The shape of the model field: a field with a default is never null in the model. */
  private modelShape(prop: RecordProperty): Shape {
    if (prop.shape.kind === "nullable" && prop.absent?.kind === "default") return prop.shape.inner;
    return prop.shape;
  }

  /** Expression reading the wire field `v` of `prop` into its model form. */
  private fieldFromExpr(prop: RecordProperty, v: string): string {
    const key = JSON.stringify(prop.wireKey);
    const absent = prop.absent;
    if (absent?.kind === "emptyList") {
      return `(${v} == null ? [] : ${this.fromExpr(this.modelShape(prop), v, "p", key)})`;
    }
    if (absent?.kind === "default") {
      const value = JSON.stringify(absent.value);
      const read = this.fromExpr(this.modelShape(prop), v, "p", key);
      return `(${v} == null ? ${value} : ${read})`;
    }
    return this.fromExpr(prop.shape, v, "p", key);
  }

  private isDate(shape: Shape): boolean {
    return (
      shape.kind === "unixtime" || (shape.kind === "nullable" && shape.inner.kind === "unixtime")
    );
  }

  // ----------------------------------------------------------- conversion

  private namedDef(name: string): NamedDef {
    const def = this.reader.named.get(name);
    if (!def) throw new Error(`schema "${name}" was not read`);
    return def;
  }

  /** Whether the model form differs from the wire form anywhere in this subtree. */
  private needsConversion(shape: Shape): boolean {
    switch (shape.kind) {
      case "ref":
        return this.memo(`ref:${shape.name}`, () =>
          this.needsConversion(this.namedDef(shape.name).shape),
        );
      case "record":
        // Every record is read field by field: its fields are checked, and absent ones filled.
        return true;
      case "unixtime":
        return true;
      case "array":
        return this.needsConversion(shape.items);
      case "union":
        return shape.members.some((m) => this.needsConversion(m));
      case "nullable":
        return this.needsConversion(shape.inner);
      default:
        return false;
    }
  }

  private memo(key: string, compute: () => boolean): boolean {
    const known = this.convertMemo.get(key);
    if (known !== undefined) return known;
    // A cycle converts: assume so while computing.
    this.convertMemo.set(key, true);
    const value = compute();
    this.convertMemo.set(key, value);
    return value;
  }

  /** Name of the internal converter function of a named shape or record. */
  private fn(direction: "from" | "to", name: string): string {
    return `${direction}_${name}`;
  }

  /** Expression converting the wire value `v` found at `p`.`k` into its model form. */
  private fromExpr(shape: Shape, v: string, p: string, k: string): string {
    // `k` is "" when the value is the one at `p` itself (a union member, a list item).
    const child = k === '""' ? p : `at(${p}, ${k})`;
    switch (shape.kind) {
      case "ref": {
        const def = this.namedDef(shape.name);
        if (!this.needsConversion(shape)) return this.checkExpr(def.shape, v, p, k);
        return `${this.fn("from", def.modelName)}(${v}, ${child})`;
      }
      case "record":
        return this.needsConversion(shape)
          ? `${this.fn("from", shape.name)}(${v}, ${child})`
          : this.checkExpr(shape, v, p, k);
      case "unixtime":
        return `date(${v}, ${p}, ${k})`;
      case "array":
        if (!this.needsConversion(shape.items)) {
          return `(arr(${v}, ${p}, ${k}) as ${this.typeOf(shape)})`;
        }
        return `list(${v}, ${p}, ${k}, (x, xp) => ${this.fromExpr(shape.items, "x", "xp", '""')})`;
      case "union":
        return this.needsConversion(shape)
          ? `${this.unionFn("from", shape)}(${v}, ${child})`
          : `(${v} as ${this.typeOf(shape)})`;
      case "nullable": {
        const inner = shape.inner;
        if (inner.kind === "unixtime") return `dateOrNull(${v}, ${p}, ${k})`;
        if (inner.kind === "string" || inner.kind === "number" || inner.kind === "boolean") {
          return this.checkExpr(shape, v, p, k);
        }
        if (!this.needsConversion(inner)) return this.checkExpr(shape, v, p, k);
        return `(${v} == null ? null : ${this.fromExpr(inner, v, p, k)})`;
      }
      default:
        return this.checkExpr(shape, v, p, k);
    }
  }

  /** A shape that needs no conversion: check the JSON type where that is cheap, keep the value. */
  private checkExpr(shape: Shape, v: string, p: string, k: string): string {
    const t = this.typeOf(shape);
    switch (shape.kind) {
      case "string":
        return shape.values ? `(str(${v}, ${p}, ${k}) as ${t})` : `str(${v}, ${p}, ${k})`;
      case "number":
        return `num(${v}, ${p}, ${k})`;
      case "boolean":
        return `bool(${v}, ${p}, ${k})`;
      case "opaque":
      case "record":
        return `(obj(${v}, ${p}, ${k}) as unknown as ${t})`;
      case "ref":
        return this.checkExpr(this.namedDef(shape.name).shape, v, p, k).replace(
          / as (unknown as )?[^)]*\)$/,
          ` as unknown as ${t})`,
        );
      case "nullable": {
        const inner =
          shape.inner.kind === "ref" ? this.namedDef(shape.inner.name).shape : shape.inner;
        switch (inner.kind) {
          case "string":
            return inner.values
              ? `(strOrNull(${v}, ${p}, ${k}) as ${t})`
              : `strOrNull(${v}, ${p}, ${k})`;
          case "number":
            return `numOrNull(${v}, ${p}, ${k})`;
          case "boolean":
            return `boolOrNull(${v}, ${p}, ${k})`;
          case "opaque":
          case "record":
            return `(objOrNull(${v}, ${p}, ${k}) as unknown as ${t})`;
          default:
            return `((${v} ?? null) as ${t})`;
        }
      }
      default:
        return `(${v} as ${t})`;
    }
  }

  /** Expression converting the model value `v` (field label `label`) into its wire form. */
  private toExpr(shape: Shape, v: string, label: string): string {
    switch (shape.kind) {
      case "ref":
        return this.needsConversion(shape)
          ? `${this.fn("to", this.namedDef(shape.name).modelName)}(${v})`
          : v;
      case "record":
        return this.needsConversion(shape) ? `${this.fn("to", shape.name)}(${v})` : v;
      case "unixtime":
        return `unix(${v}, ${JSON.stringify(label)})`;
      case "array":
        return this.needsConversion(shape.items)
          ? `listToWire(${v}, (x) => ${this.toExpr(shape.items, "x", label + "[]")})`
          : v;
      case "union":
        return this.needsConversion(shape) ? `${this.unionFn("to", shape)}(${v})` : v;
      case "nullable":
        return this.needsConversion(shape.inner)
          ? `(${v} == null ? null : ${this.toExpr(shape.inner, v, label)})`
          : `(${v} ?? null)`;
      default:
        return v;
    }
  }

  private readonly inlineUnions = new Map<Shape, string>();

  /** Inline unions get converter functions of their own, named after first use. */
  private unionFn(direction: "from" | "to", shape: Shape): string {
    let name = this.inlineUnions.get(shape);
    if (!name) {
      name = `Union${this.inlineUnions.size + 1}`;
      this.inlineUnions.set(shape, name);
      this.writeShapeConverters(name, shape);
    }
    return this.fn(direction, name);
  }

  private writeRecordConverters(record: RecordDef): void {
    if (!this.needsConversion({ kind: "record", name: record.name })) return;
    const wireKeys = record.properties.map((p) => p.wireKey);
    const modelKeys = record.properties.map((p) => p.modelKey);
    this.out.push(
      // Marked pure so that a bundler drops the sets of converters an application never calls.
      `const wireKeys_${record.name}: ReadonlySet<string> = /* @__PURE__ */ new Set(${JSON.stringify(wireKeys)});`,
      `const modelKeys_${record.name}: ReadonlySet<string> = /* @__PURE__ */ new Set(${JSON.stringify(modelKeys)});`,
      "",
    );

    // Built apart and written at the end: converting a field may first write a union helper.
    const lines: string[] = [];
    // wire -> model
    const fixed = record.properties.filter((p) => this.alwaysSet(p));
    const optional = record.properties.filter((p) => !this.alwaysSet(p));
    lines.push(
      `function ${this.fn("from", record.name)}(value: unknown, p: string): ${record.name} {`,
      `  const w = obj(value, p, "");`,
      `  const m: ${record.name} = {`,
      ...fixed.map(
        (prop) =>
          `    ${prop.modelKey}: ${this.fieldFromExpr(prop, `w[${JSON.stringify(prop.wireKey)}]`)},`,
      ),
      `  };`,
    );
    for (const prop of optional) {
      const wv = `w[${JSON.stringify(prop.wireKey)}]`;
      lines.push(
        `  if (${wv} !== undefined) m.${prop.modelKey} = ${this.fieldFromExpr(prop, wv)};`,
      );
    }
    lines.push(
      `  if (Object.keys(w).length !== ${this.presentCount(record.properties, "w", (p) => p.wireKey)}) {`,
      `    keepUnknown(w, m as unknown as WireObject, wireKeys_${record.name});`,
      `  }`,
      `  return m;`,
      `}`,
      "",
    );

    // model -> wire
    lines.push(
      `function ${this.fn("to", record.name)}(m: ${record.name}): WireObject {`,
      `  const w: WireObject = {`,
      ...fixed.map(
        (prop) =>
          `    ${JSON.stringify(prop.wireKey)}: ${this.toExpr(this.modelShape(prop), `m.${prop.modelKey}`, prop.modelKey)},`,
      ),
      `  };`,
    );
    for (const prop of optional) {
      lines.push(
        `  if (m.${prop.modelKey} !== undefined) w[${JSON.stringify(prop.wireKey)}] = ${this.toExpr(prop.shape, `m.${prop.modelKey}`, prop.modelKey)};`,
      );
    }
    lines.push(
      `  if (Object.keys(m).length !== ${this.presentCount(record.properties, "m", (p) => p.modelKey)}) {`,
      `    keepUnknown(m as unknown as WireObject, w, modelKeys_${record.name});`,
      `  }`,
      `  return w;`,
      `}`,
      "",
    );
    this.out.push(...lines);
  }

  /** Fields the model always has: required ones, and those with a reading for absence. */
  private alwaysSet(prop: RecordProperty): boolean {
    return prop.required || prop.absent !== undefined;
  }

  /**
   * How many known keys the object has, as an expression. Compared with Object.keys(...).length,
   * it tells in one step whether any unknown field is there to keep.
   */
  private presentCount(
    props: RecordProperty[],
    obj: string,
    key: (p: RecordProperty) => string,
  ): string {
    let guaranteed = 0;
    const terms: string[] = [];
    for (const p of props) {
      // On the wire: a required field the converter checks is there once conversion succeeded.
      // On the model: the type makes every required and nullable field present.
      if (obj === "w" ? p.required && this.checked(p.shape) : this.alwaysSet(p)) {
        guaranteed++;
        continue;
      }
      const k = key(p);
      const access = /^[A-Za-z_$][\w$]*$/.test(k) ? `${obj}.${k}` : `${obj}[${JSON.stringify(k)}]`;
      terms.push(
        `(${obj === "w" ? `${obj}[${JSON.stringify(k)}]` : access} !== undefined ? 1 : 0)`,
      );
    }
    if (guaranteed > 0) terms.unshift(String(guaranteed));
    return terms.length === 0 ? "0" : terms.join(" + ");
  }

  /** Whether converting a value of this shape throws when the value is missing. */
  private checked(shape: Shape): boolean {
    switch (shape.kind) {
      case "ref":
        return this.checked(this.namedDef(shape.name).shape);
      case "union":
        return this.needsConversion(shape);
      case "array":
        return this.needsConversion(shape.items);
      case "nullable":
      case "unknown":
        return false;
      default:
        return true;
    }
  }

  /** Converters for a named non-record shape (a union or alias) that needs conversion. */
  private writeShapeConverters(name: string, shape: Shape): void {
    if (!this.needsConversion(shape)) return;
    const type = this.typeOf(shape);
    if (shape.kind === "union") {
      this.writeUnionConverters(name, shape, type);
      return;
    }
    this.out.push(
      `function ${this.fn("from", name)}(value: unknown, p: string): ${type} {`,
      `  return ${this.fromExpr(shape, "value", "p", '""')};`,
      `}`,
      "",
      `function ${this.fn("to", name)}(m: ${type}): unknown {`,
      `  return ${this.toExpr(shape, "m", name)};`,
      `}`,
      "",
    );
  }

  private writeUnionConverters(
    name: string,
    shape: Extract<Shape, { kind: "union" }>,
    type: string,
  ): void {
    const from: string[] = [
      `function ${this.fn("from", name)}(value: unknown, p: string): ${type} {`,
    ];
    const to: string[] = [`function ${this.fn("to", name)}(m: ${type}): unknown {`];
    const byKind = new Map<string, Shape[]>();
    for (const member of shape.members) {
      for (const kind of this.jsonKinds(member)) {
        const members = byKind.get(kind) ?? [];
        members.push(member);
        byKind.set(kind, members);
      }
    }
    for (const [kind, members] of byKind) {
      const test =
        kind === "object"
          ? "isObject(value)"
          : kind === "array"
            ? "Array.isArray(value)"
            : `typeof value === "${kind}"`;
      const modelTest =
        kind === "object"
          ? `typeof m === "object" && m !== null && !Array.isArray(m)`
          : kind === "array"
            ? "Array.isArray(m)"
            : `typeof m === "${kind}"`;
      if (kind === "object" && members.length > 1) {
        const d = shape.discriminator;
        if (!d) throw new Error(`union ${name}: several object variants need a discriminator`);
        from.push(`  if (${test}) {`, `    switch (value[${JSON.stringify(d.wireProperty)}]) {`);
        to.push(
          `  if (${modelTest}) {`,
          `    const o = m as unknown as WireObject;`,
          `    switch (o[${JSON.stringify(camelCase(d.wireProperty))}]) {`,
        );
        for (const [value, index] of d.mapping) {
          const member = shape.members[index];
          if (!member) continue;
          from.push(
            `      case ${JSON.stringify(value)}: return ${this.fromExpr(member, "value", "p", '""')};`,
          );
          to.push(
            `      case ${JSON.stringify(value)}: return ${this.toExpr(member, `(m as ${this.typeOf(member)})`, name)};`,
          );
        }
        // A variant this version does not know: kept as the server sent it.
        from.push(`      default: return value as unknown as ${type};`, `    }`, `  }`);
        to.push(`      default: return m;`, `    }`, `  }`);
        continue;
      }
      const member = members[0];
      if (!member) continue;
      from.push(`  if (${test}) return ${this.fromExpr(member, "value", "p", '""')};`);
      to.push(
        `  if (${modelTest}) return ${this.toExpr(member, `(m as ${this.typeOf(member)})`, name)};`,
      );
    }
    const expected = [...byKind.keys()].map((k) => (k === "object" ? "an object" : `a ${k}`));
    from.push(`  return fail(p, "", ${JSON.stringify(expected.join(" or "))}, value);`, `}`, "");
    to.push(`  return m;`, `}`, "");
    this.out.push(...from, ...to);
  }

  private jsonKinds(shape: Shape): string[] {
    switch (shape.kind) {
      case "ref":
        return this.jsonKinds(this.namedDef(shape.name).shape);
      case "string":
        return ["string"];
      case "number":
      case "unixtime":
        return ["number"];
      case "boolean":
        return ["boolean"];
      case "opaque":
      case "record":
        return ["object"];
      case "array":
        return ["array"];
      case "union":
        return [...new Set(shape.members.flatMap((m) => this.jsonKinds(m)))];
      case "nullable":
        return this.jsonKinds(shape.inner);
      case "unknown":
        return [];
    }
  }

  private writePublicConverters(def: NamedDef): void {
    const base = def.modelName.charAt(0).toLowerCase() + def.modelName.slice(1);
    const wireType = `Wire<${JSON.stringify(def.schemaName)}>`;
    const converts = this.needsConversion(def.shape);
    const fromName = def.shape.kind === "record" ? def.shape.name : def.modelName;
    this.doc([
      `Converts a \`${def.schemaName}\` from the wire (snake_case JSON) into {@link ${def.modelName}}.`,
      "@throws {@link WireShapeError} when the value does not have the documented shape; its `path` names the field.",
    ]);
    this.out.push(
      `export function ${base}FromWire(wire: unknown, path = ""): ${def.modelName} {`,
      converts
        ? `  return ${this.fn("from", fromName)}(wire, path);`
        : `  return ${this.fromExpr(def.shape, "wire", "path", '""')};`,
      `}`,
      "",
    );
    this.doc([`Converts {@link ${def.modelName}} back into its wire form, \`${def.schemaName}\`.`]);
    this.out.push(
      `export function ${base}ToWire(model: ${def.modelName}): ${wireType} {`,
      converts
        ? `  return ${this.fn("to", fromName)}(model) as unknown as ${wireType};`
        : `  return model as unknown as ${wireType};`,
      `}`,
      "",
    );
  }
}
