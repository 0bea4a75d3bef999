/**
 * The model plan: what the analysis of a spec decides, and all the type and converter writers
 * read. Plain data, no behaviour; every construct here is one the writers can convert correctly.
 */
import type { Segment } from "../json.js";

/** The JSON kind a wire value has, as `typeof`-style tests tell them apart. */
export type JsonKind = "string" | "number" | "boolean" | "object" | "array";

export type Shape =
  /** A named component schema; its plan entry is in `ModelPlan.named`. */
  | { kind: "ref"; name: string }
  | { kind: "string"; values: readonly string[] | undefined; extensible: boolean }
  | { kind: "number"; integer: boolean }
  | { kind: "boolean" }
  /** `type: integer, format: unixtime`: seconds on the wire, a Date in the model. */
  | { kind: "unixtime" }
  /** Any JSON value (`{}` or a construct passed through untouched): `unknown` in the model. */
  | { kind: "any" }
  /** An object without declared properties nor a value schema: user data, passed through. */
  | { kind: "freeObject" }
  /** `additionalProperties: <schema>`: keys are user data (never renamed), values converted. */
  | { kind: "map"; values: Shape }
  | { kind: "array"; items: Shape }
  /** An object with declared properties; its plan entry is in `ModelPlan.records`. */
  | { kind: "record"; name: string }
  /** `oneOf` / `anyOf` of several non-null members; its plan entry is in `ModelPlan.unions`. */
  | { kind: "union"; name: string }
  | { kind: "nullable"; inner: Shape };

/** How a field that is not required reads when it is absent or `null`. */
export type AbsentReading =
  { kind: "null" } | { kind: "emptyList" } | { kind: "default"; value: string | number | boolean };

export interface Field {
  wireKey: string;
  modelKey: string;
  shape: Shape;
  /** Part of the object's identity: must be present (and well typed). */
  required: boolean;
  /** How the field reads when absent; undefined for required fields. */
  absent: AbsentReading | undefined;
  description: string | undefined;
  /** Where the property is written in the spec. */
  path: Segment[];
}

export interface RecordPlan {
  /** The model type's name. */
  name: string;
  /** The component schema it comes from, when it is one. */
  schemaName: string | undefined;
  description: string | undefined;
  fields: Field[];
  path: Segment[];
}

export interface Discriminator {
  wireProperty: string;
  /** discriminator value → index into the union's members */
  mapping: ReadonlyMap<string, number>;
}

export interface UnionPlan {
  /** Names the union's converter functions (and its type, when it is a named component). */
  name: string;
  members: Shape[];
  /** Set when several members are objects: which one a value is. */
  discriminator: Discriminator | undefined;
  path: Segment[];
}

export interface NamedPlan {
  /** The model type's name (`x-model-name`, or the schema's name made safe). */
  modelName: string;
  schemaName: string;
  description: string | undefined;
  shape: Shape;
  /** The `x-` keys of the schema. */
  extensions: Readonly<Record<string, unknown>>;
  path: Segment[];
}

export interface ModelPlan {
  /** Named component schemas the roots reach, roots first, in the order they were reached. */
  named: NamedPlan[];
  records: RecordPlan[];
  unions: UnionPlan[];
}
