/**
 * The small JSON helpers every script shares, written once: the object test, own-property
 * reads (a spec may name a field `constructor` or `__proto__`), the one camel-case rule, the
 * one way to read and resolve a local `$ref` (JSON pointer), and the keywords that hold schemas.
 */

export type JsonObject = Record<string, unknown>;
/** One step of a JSON pointer: an object key or an array index. */
export type Segment = string | number;

/** Schema keywords whose value is a schema or a list of schemas (JSON Schema 2020-12). */
export const SUBSCHEMA_KEYWORDS: ReadonlySet<string> = new Set([
  "items",
  "prefixItems",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "if",
  "then",
  "else",
  "additionalProperties",
  "unevaluatedProperties",
  "unevaluatedItems",
  "propertyNames",
  "contains",
  "contentSchema",
]);

/** Schema keywords whose value is a map of name → schema. */
export const SCHEMA_MAP_KEYWORDS: ReadonlySet<string> = new Set([
  "properties",
  "patternProperties",
  "$defs",
  "definitions",
  "dependentSchemas",
]);

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `object[key]` when `object` has that key of its own; never an inherited `constructor`. */
export function own(object: unknown, key: string): unknown {
  return isRecord(object) && Object.hasOwn(object, key) ? object[key] : undefined;
}

/**
 * The camel-case rule, for property names and parameter names alike: every run of `_` or `-`
 * between two letters or digits goes, and the character after it is upper-cased
 * (`created_at` → `createdAt`, `x-request-source` → `xRequestSource`). Leading and trailing
 * runs stay (`__proto__`, `_id`); other characters stay too, and a result that is not an
 * identifier is quoted where it is written.
 */
export function camelCase(name: string): string {
  return name.replace(/(?<=[a-zA-Z0-9])[-_]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Whether `name` can be written as a bare identifier (a property key or a binding). */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name);
}

/** `a/b` and `a~b` escaped for a JSON pointer segment. */
function escapeSegment(segment: Segment): string {
  return String(segment).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** `#/a/b` (a JSON pointer in a URI fragment), for messages. */
export function toPointer(segments: readonly Segment[]): string {
  return "#" + segments.map((s) => "/" + escapeSegment(s)).join("");
}

/** `#/a/b` percent-encoded, for validators that take a URI. */
export function toUriFragment(segments: readonly Segment[]): string {
  return "#" + segments.map((s) => "/" + encodeURIComponent(escapeSegment(s))).join("");
}

/** The segments of a local `$ref` (`#/a/b`); undefined when it is not a local JSON pointer. */
export function parseLocalRef(ref: string): string[] | undefined {
  if (ref === "#") return [];
  if (!ref.startsWith("#/")) return undefined;
  try {
    return ref
      .slice(2)
      .split("/")
      .map((s) => decodeURIComponent(s).replace(/~1/g, "/").replace(/~0/g, "~"));
  } catch {
    return undefined;
  }
}

/** The node at `segments` under `root`, following own properties only. */
export function getAt(
  root: unknown,
  segments: readonly Segment[],
): { found: boolean; value: unknown } {
  let node: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(node)) {
      const index = typeof segment === "number" ? segment : Number(segment);
      if (!Number.isInteger(index) || index < 0 || index >= node.length) {
        return { found: false, value: undefined };
      }
      node = node[index];
    } else if (isRecord(node) && Object.hasOwn(node, String(segment))) {
      node = node[String(segment)];
    } else {
      return { found: false, value: undefined };
    }
  }
  return { found: true, value: node };
}

/** A `$ref` followed to its target: where the target is and what it holds. */
export interface Resolved {
  path: string[];
  value: unknown;
}

/**
 * Follows `node`'s `$ref` (and the target's, and so on) to the first node without one. Returns
 * undefined for a ref that is not local, does not resolve, or loops.
 */
export function resolveRef(document: unknown, ref: string): Resolved | undefined {
  const seen = new Set<string>();
  let current = ref;
  for (;;) {
    if (seen.has(current)) return undefined;
    seen.add(current);
    const path = parseLocalRef(current);
    if (path === undefined) return undefined;
    const { found, value } = getAt(document, path);
    if (!found) return undefined;
    const next = own(value, "$ref");
    if (typeof next !== "string") return { path, value };
    current = next;
  }
}

/** `node` itself, or what its `$ref` points to when it has one. */
export function deref(document: unknown, node: unknown): unknown {
  const ref = own(node, "$ref");
  return typeof ref === "string" ? resolveRef(document, ref)?.value : node;
}
