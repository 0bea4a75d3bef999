/**
 * What the writers share to produce TypeScript text: a line buffer that remembers which runtime
 * helpers the code calls (so the module imports exactly those), doc comments, and the spelling
 * of property keys and property reads (quoted when not an identifier, own-property reads for keys
 * every object inherits, `__proto__` as a computed key so it stays a plain field).
 */
import type * as runtime from "../../runtime/model-runtime.js";
import { isIdentifier } from "../json.js";
import { isInheritedKey } from "./names.js";

/** A function or class the runtime module exports. */
export type Helper = keyof typeof runtime;

export class Code {
  readonly lines: string[] = [];
  readonly helpers = new Set<Helper>();

  /** The name of a runtime helper, noted for the module's import. */
  use(helper: Helper): Helper {
    this.helpers.add(helper);
    return helper;
  }

  push(...lines: string[]): void {
    this.lines.push(...lines);
  }

  /** A doc comment from the given paragraphs (empty ones left out). */
  doc(paragraphs: (string | undefined)[], indent = ""): void {
    const text = paragraphs.filter((l): l is string => !!l).join("\n\n");
    if (!text) return;
    const body = text.replace(/\*\//g, "*\\/").split("\n");
    this.lines.push(
      `${indent}/**`,
      ...body.map((l) => `${indent} *${l ? " " + l : ""}`),
      `${indent} */`,
    );
  }

  /** `key` as written in a type or an object literal: `id`, `"a.b"`, `["__proto__"]`. */
  static literalKey(key: string, quoteAll = false): string {
    if (key === "__proto__") return '["__proto__"]';
    return isIdentifier(key) && !quoteAll ? key : JSON.stringify(key);
  }

  /** `key` as written in an interface (where `__proto__` is an ordinary property name). */
  static typeKey(key: string): string {
    return isIdentifier(key) ? key : JSON.stringify(key);
  }

  /** Reading `key` of the object `object`: `w["id"]`, or `own(w, "constructor")` for inherited keys. */
  read(object: string, key: string): string {
    return isInheritedKey(key)
      ? `${this.use("own")}(${object}, ${JSON.stringify(key)})`
      : `${object}[${JSON.stringify(key)}]`;
  }

  /** Reading the model field `key` of `object` (a typed model value), with its type kept. */
  readField(object: string, key: string, type: string): string {
    if (isInheritedKey(key)) {
      return `(${this.use("own")}(${object} as unknown as WireObject, ${JSON.stringify(key)}) as ${type})`;
    }
    return isIdentifier(key) ? `${object}.${key}` : `${object}[${JSON.stringify(key)}]`;
  }
}
