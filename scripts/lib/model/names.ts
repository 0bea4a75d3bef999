/**
 * How the names the model module declares are made from the spec, in one place.
 *
 * The type-name rule (also in the README):
 * 1. `x-model-name` when the schema has one; it must already be a safe name (the spec check
 *    refuses one that is not).
 * 2. Otherwise the schema's name, with every run of characters that cannot appear in an
 *    identifier removed and the character after it upper-cased, the first letter upper-cased
 *    (`Agents.RunUsage` → `AgentsRunUsage`, `run-usage` → `RunUsage`), and `_` put in front of
 *    a leading digit.
 * 3. A name the module needs for itself (`Date`, `Record`, `Wire`, a runtime helper, a
 *    TypeScript keyword) gets `Model` appended (`Date` → `DateModel`).
 * Two schemas whose names end up the same are refused, naming both.
 */
import * as runtime from "../../runtime/model-runtime.js";
import { camelCase, isIdentifier } from "../json.js";

/** Names the model module uses for itself: globals, its imports and TypeScript's keywords. */
const RESERVED = new Set<string>([
  // globals and utility types the generated module refers to
  "Array",
  "Boolean",
  "Date",
  "Error",
  "JSON",
  "Map",
  "Math",
  "Number",
  "Object",
  "Promise",
  "ReadonlySet",
  "Readonly",
  "Record",
  "Set",
  "String",
  "Symbol",
  "TypeError",
  // names of the generated module and its imports
  "Wire",
  "components",
  ...Object.keys(runtime),
  "WireObject",
  // TypeScript's reserved words and built-in type names
  ...[
    "any",
    "as",
    "bigint",
    "boolean",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "declare",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "implements",
    "import",
    "in",
    "instanceof",
    "interface",
    "let",
    "never",
    "new",
    "null",
    "number",
    "object",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "static",
    "string",
    "super",
    "switch",
    "symbol",
    "this",
    "throw",
    "true",
    "try",
    "type",
    "typeof",
    "undefined",
    "unique",
    "unknown",
    "var",
    "void",
    "while",
    "with",
    "yield",
  ],
]);

/** Whether a type name would clash with a name the model module uses for itself. */
function isReservedName(name: string): boolean {
  return RESERVED.has(name);
}

/** Whether `name` may be used as `x-model-name` as it is. */
export function isSafeTypeName(name: string): boolean {
  return isIdentifier(name) && !isReservedName(name);
}

/** Rule 2 above: the parts of a name joined in PascalCase, `_` before a leading digit. */
function pascalJoin(name: string): string {
  const parts = name.split(/[^A-Za-z0-9_$]+/).filter((p) => p !== "");
  const joined = parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join("");
  return /^[0-9]/.test(joined) ? "_" + joined : joined;
}

/** A schema's name made into a safe type name (rules 2 and 3 above). */
export function typeNameOf(schemaName: string): string {
  const name = pascalJoin(schemaName) || "Schema";
  return isReservedName(name) ? name + "Model" : name;
}

/** `ThreadRun` → `threadRun`: the start of the value names (`threadRunFromWire`). */
export function valueNameOf(typeName: string): string {
  return typeName.charAt(0).toLowerCase() + typeName.slice(1);
}

/** `tool_choice` → `ToolChoice`: a property's part in the name of an inline type. */
export function namePartOf(wireKey: string): string {
  return pascalJoin(camelCase(wireKey)).replace(/^_/, "");
}

/** Keys every object inherits: reading them must check for an own property. */
export function isInheritedKey(key: string): boolean {
  return key in Object.prototype;
}
