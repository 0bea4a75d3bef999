/**
 * Structural checks of the OpenAPI 3.1 spec shared by `npm run lint` and `npm run generate`.
 *
 * What it checks (fast, no network, no Redocly):
 * - YAML syntax (and duplicate keys),
 * - every local `$ref` (and discriminator mapping) resolves; non-local refs are refused,
 * - the OpenAPI 3.0 keyword `nullable` is never used,
 * - the structural lint of `spec-rules.ts`: schema keywords, timestamps, the `x-` extensions,
 *   operations,
 * - every example (components/examples used from media types, parameters or headers, and
 *   inline `example` / `examples` on media types, parameters, headers and schemas) validates
 *   against its schema with Ajv (JSON Schema 2020-12) + ajv-formats + the `unixtime` format,
 *   reading own properties only (a field may be named `constructor`). Ajv compiles code for
 *   every schema an example reaches, so a quick check (quick-validate.ts) vouches for the
 *   examples it can, and Ajv judges and words the rest.
 *
 * Positions are 1-based line/column of the offending YAML node.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Ajv2020, ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument } from "yaml";
import type { Document } from "yaml";
import {
  SCHEMA_MAP_KEYWORDS,
  SUBSCHEMA_KEYWORDS,
  getAt,
  isRecord,
  parseLocalRef,
  toPointer,
  toUriFragment,
  type Segment,
} from "./json.js";
import { MAX_UNIX_SECONDS, quickValidate } from "./quick-validate.js";
import { SpecRules } from "./spec-rules.js";

export type { Segment } from "./json.js";

export interface SpecProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface LoadedSpec {
  file: string;
  text: string;
  /** The parsed document; `$ref`s are NOT resolved. */
  document: Record<string, unknown>;
  /** Where the node at `segments` (a JSON pointer's parts) is written, for messages. */
  locate(segments: readonly Segment[]): { line: number; column: number };
}

interface ExampleUse {
  /** Where the example value lives (a `value` of an Example object, or an inline value). */
  valuePath: Segment[];
  /** Where the schema it must match lives. */
  schemaPath: Segment[];
  /** Human-readable origin, for messages. */
  label: string;
}

/** Base URI under which the whole document is registered in Ajv. */
const DOC_ID = "https://threadrun.invalid/openapi.json";

/** The HTTP methods an OpenAPI path item may hold operations under. */
const OPERATION_METHODS = new Set([
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
]);

/**
 * The validator examples are judged by: JSON Schema 2020-12, ajv-formats and `unixtime`, own
 * properties only. Ajv is loaded on the first call: most specs' examples all pass the quick check.
 */
export async function exampleAjv(): Promise<Ajv2020> {
  const [{ Ajv2020 }, { default: ajvFormatsModule }] = await Promise.all([
    import("ajv/dist/2020.js"),
    import("ajv-formats"),
  ]);
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    logger: false,
    // A property named `constructor` or `toString` is a field like any other.
    ownProperties: true,
    // Each referenced schema compiles once as its own function: a long chain of $refs in a big
    // spec neither overflows the stack nor compiles again for every place it is used.
    inlineRefs: false,
    // A few examples are validated once: compiling fast matters more than validating fast.
    code: { optimize: false },
    // The document root is not a schema: meta-validating it checks nothing and costs time.
    validateSchema: false,
  });
  ajvFormatsModule.default(ajv);
  ajv.addFormat("unixtime", {
    type: "number",
    validate: (value: number) => Number.isInteger(value) && value >= 0 && value < MAX_UNIX_SECONDS,
  });
  return ajv;
}

export function formatProblem(p: SpecProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative)
    ? relative
    : absolute;
}

function decodeInstancePath(instancePath: string): string[] {
  if (instancePath === "") return [];
  return instancePath
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function describeAjvError(error: ErrorObject): string {
  const where = error.instancePath === "" ? "(root)" : error.instancePath;
  const params = error.params as Record<string, unknown>;
  let detail = error.message ?? "is invalid";
  if (error.keyword === "enum" && Array.isArray(params["allowedValues"])) {
    detail += `: ${(params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
  } else if (error.keyword === "propertyNames" && typeof params["propertyName"] === "string") {
    detail += ` ('${params["propertyName"]}')`;
  }
  return `${where} ${detail}`;
}

/**
 * Turns Ajv errors into one line per problem. A failed `anyOf`/`oneOf` makes Ajv report every
 * branch; when some branch got deeper into the value, only the deeper errors matter, otherwise the
 * branch messages are folded into the composite one.
 */
function summarizeErrors(errors: readonly ErrorObject[]): { instancePath: string; text: string }[] {
  const dropped = new Set<ErrorObject>();
  const replaced = new Map<ErrorObject, string>();
  const shallow = new Set(["type", "enum", "const", "discriminator"]);
  const isComposite = (e: ErrorObject): boolean => e.keyword === "anyOf" || e.keyword === "oneOf";
  errors.forEach((composite, index) => {
    if (!isComposite(composite)) return;
    const at = composite.instancePath;
    // Nested composites at the same place: Ajv reports the outermost last; keep only that one.
    if (errors.slice(index + 1).some((e) => isComposite(e) && e.instancePath === at)) {
      dropped.add(composite);
      return;
    }
    const deeper = errors.some((e) => e.instancePath.startsWith(at + "/"));
    const siblings = errors.filter((e) => e.instancePath === at && shallow.has(e.keyword));
    for (const e of siblings) dropped.add(e);
    if (deeper) {
      dropped.add(composite);
    } else if (siblings.length > 0) {
      const details = [...new Set(siblings.map((e) => describeAjvError(e).slice(at.length + 1)))];
      const where = at === "" ? "(root)" : at;
      replaced.set(
        composite,
        `${where} ${composite.message ?? "is invalid"} (${details.join("; ")})`,
      );
    }
  });
  const seen = new Set<string>();
  const out: { instancePath: string; text: string }[] = [];
  for (const error of errors) {
    if (dropped.has(error)) continue;
    const text = replaced.get(error) ?? describeAjvError(error);
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ instancePath: error.instancePath, text });
  }
  return out;
}

/** Finds the character offset of the node at `segments` (the key, for map entries). */
function offsetOf(doc: Document, segments: readonly Segment[]): number {
  let node: unknown = doc.contents;
  let offset = (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
  for (const segment of segments) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) break;
      const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
      if (keyRange) offset = keyRange[0];
      node = pair.value;
    } else if (isSeq(node)) {
      const item: unknown = node.items[Number(segment)];
      const range = (item as { range?: [number, number, number] } | null)?.range;
      if (!range) break;
      offset = range[0];
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

export interface CheckOptions {
  /** The spec's text, when the caller has already read it. */
  text?: string;
  /** Called with the parsed document before it is checked, so other work can start on it. */
  onParsed?: (document: Record<string, unknown>) => void;
}

/** Checks the spec in `file`. */
export async function checkSpec(
  file: string,
  options: CheckOptions = {},
): Promise<{ spec: LoadedSpec | undefined; problems: SpecProblem[] }> {
  const absolute = path.resolve(file);
  const shown = displayPath(absolute);
  const problems: SpecProblem[] = [];

  let text: string;
  try {
    text = options.text ?? (await readFile(absolute, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { spec: undefined, problems: [{ file: shown, line: 1, column: 1, message: reason }] };
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number, message: string): void => {
    const { line, col } = lineCounter.linePos(offset);
    problems.push({ file: shown, line, column: col, message });
  };

  for (const error of doc.errors) {
    at(error.pos[0], `YAML syntax error: ${error.message.split("\n")[0]} (${error.code})`);
  }
  for (const warning of doc.warnings) {
    at(warning.pos[0], `YAML warning: ${warning.message.split("\n")[0]} (${warning.code})`);
  }
  if (doc.errors.length > 0) return { spec: undefined, problems };

  const parsed: unknown = doc.toJS({ maxAliasCount: 1000 });
  if (!isRecord(parsed)) {
    at(0, "the spec must be a YAML mapping (an OpenAPI document)");
    return { spec: undefined, problems };
  }
  const document = parsed;
  options.onParsed?.(document);
  const report = (segments: readonly Segment[], message: string): void =>
    at(offsetOf(doc, segments), message);

  if (typeof document["openapi"] !== "string" || !document["openapi"].startsWith("3.1.")) {
    report(["openapi"], "`openapi` must be a 3.1.x version string");
  }

  // ---- walk the document: refs, `nullable`, example uses --------------------------------------
  const uses: ExampleUse[] = [];
  let brokenRefs = 0;

  const checkRef = (ref: unknown, refPath: Segment[]): Segment[] | undefined => {
    if (typeof ref !== "string") {
      report(refPath, "$ref must be a string");
      brokenRefs++;
      return undefined;
    }
    const target = parseLocalRef(ref);
    if (target === undefined) {
      report(
        refPath,
        `$ref '${ref}' is not a local reference ('#/...'); only local refs are allowed`,
      );
      brokenRefs++;
      return undefined;
    }
    if (!getAt(document, target).found) {
      report(refPath, `$ref '${ref}' does not resolve`);
      brokenRefs++;
      return undefined;
    }
    return target;
  };

  const reportNullable = (p: Segment[]): void =>
    report(
      [...p, "nullable"],
      'the keyword `nullable` is not allowed (OpenAPI 3.1): use `type: [X, "null"]` or ' +
        '`anyOf: [{$ref: ...}, {type: "null"}]`',
    );

  const rules = new SpecRules();
  const walkSchema = (node: unknown, p: Segment[]): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walkSchema(item, [...p, i]));
      return;
    }
    rules.schema(node, p);
    if (!isRecord(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith("x-")) continue;
      const child = [...p, key];
      if (key === "$ref") {
        checkRef(value, child);
      } else if (key === "nullable") {
        reportNullable(p);
      } else if (SCHEMA_MAP_KEYWORDS.has(key)) {
        if (isRecord(value)) {
          for (const [name, sub] of Object.entries(value)) walkSchema(sub, [...child, name]);
        }
      } else if (SUBSCHEMA_KEYWORDS.has(key)) {
        // A list of schemas (allOf, ...) or one schema; `items: [..]` is not 2020-12.
        if (Array.isArray(value)) value.forEach((item, i) => walkSchema(item, [...child, i]));
        else if (isRecord(value) || typeof value === "boolean") walkSchema(value, child);
      } else if (key === "example") {
        uses.push({ valuePath: child, schemaPath: p, label: `example at ${toPointer(child)}` });
      } else if (key === "examples" && Array.isArray(value)) {
        value.forEach((_, i) =>
          uses.push({
            valuePath: [...child, i],
            schemaPath: p,
            label: `example at ${toPointer([...child, i])}`,
          }),
        );
      } else if (key === "discriminator" && isRecord(value) && isRecord(value["mapping"])) {
        for (const [name, target] of Object.entries(value["mapping"])) {
          if (typeof target === "string" && target.includes("/")) {
            checkRef(target, [...child, "mapping", name]);
          }
        }
      }
      // Other keywords (type, enum, const, default, required, ...) hold data, not schemas.
    }
  };

  const walkExamplesMap = (
    examples: Record<string, unknown>,
    p: Segment[],
    schemaPath: Segment[] | undefined,
  ): void => {
    for (const [name, example] of Object.entries(examples)) {
      const examplePath = [...p, name];
      if (!isRecord(example)) continue;
      let resolvedPath: Segment[] = examplePath;
      let resolved: unknown = example;
      if (Object.hasOwn(example, "$ref")) {
        const target = checkRef(example["$ref"], [...examplePath, "$ref"]);
        if (target === undefined) continue;
        resolvedPath = target;
        resolved = getAt(document, target).value;
      }
      if (schemaPath !== undefined && isRecord(resolved) && Object.hasOwn(resolved, "value")) {
        const valuePath = [...resolvedPath, "value"];
        const label =
          resolvedPath === examplePath
            ? `example at ${toPointer(valuePath)}`
            : `example ${toPointer(resolvedPath)}`;
        uses.push({ valuePath, schemaPath, label });
      }
    }
  };

  const walkOas = (node: unknown, p: Segment[]): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walkOas(item, [...p, i]));
      return;
    }
    if (!isRecord(node)) return;
    if (p.length === 3 && p[0] === "paths" && OPERATION_METHODS.has(String(p[2]))) {
      rules.operation(node, p);
    }
    const hasSchema = Object.hasOwn(node, "schema");
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith("x-")) continue;
      const child = [...p, key];
      if (key === "$ref") {
        checkRef(value, child);
      } else if (key === "nullable") {
        reportNullable(p);
      } else if (key === "schema") {
        walkSchema(value, child);
      } else if (key === "schemas" && p.length === 1 && p[0] === "components") {
        if (isRecord(value)) {
          for (const [name, schema] of Object.entries(value)) walkSchema(schema, [...child, name]);
        }
      } else if (key === "example") {
        if (hasSchema) {
          uses.push({
            valuePath: child,
            schemaPath: [...p, "schema"],
            label: `example at ${toPointer(child)}`,
          });
        }
      } else if (key === "examples" && isRecord(value)) {
        walkExamplesMap(value, child, hasSchema ? [...p, "schema"] : undefined);
      } else if (key === "value" && p.length === 3 && p[0] === "components") {
        // components/examples/<name>/value: user data.
      } else {
        walkOas(value, child);
      }
    }
  };

  walkOas(document, []);
  for (const problem of rules.problems) report(problem.path, problem.message);

  // ---- validate examples: the quick check, then Ajv for what it cannot vouch for --------------
  const seen = new Set<string>();
  const doubtful = uses.filter((use) => {
    const id = `${toPointer(use.valuePath)} ${toPointer(use.schemaPath)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    const schema = getAt(document, use.schemaPath).value;
    return quickValidate(document, schema, getAt(document, use.valuePath).value) !== true;
  });
  if (doubtful.length > 0) {
    const ajv = await exampleAjv();
    let registered = true;
    try {
      ajv.addSchema(document, DOC_ID);
    } catch (error) {
      registered = false;
      report([], `cannot load the document into the JSON Schema validator: ${String(error)}`);
    }

    const compiled = new Map<string, ValidateFunction | null>();
    const validatorFor = (schemaPath: Segment[]): ValidateFunction | null => {
      // `{$ref: X}` alone: compile X itself so every use of X shares one function.
      let target = schemaPath;
      const schema = getAt(document, schemaPath).value;
      if (
        isRecord(schema) &&
        Object.keys(schema).length === 1 &&
        typeof schema["$ref"] === "string"
      ) {
        target = parseLocalRef(schema["$ref"]) ?? schemaPath;
      }
      const key = toUriFragment(target);
      const cached = compiled.get(key);
      if (cached !== undefined) return cached;
      let validate: ValidateFunction | null = null;
      try {
        validate = ajv.getSchema(DOC_ID + key) ?? null;
        if (validate === null) report(schemaPath, `cannot find the schema ${toPointer(target)}`);
      } catch (error) {
        // Missing refs were already reported where they are written.
        if (brokenRefs === 0) {
          const reason = error instanceof Error ? error.message : String(error);
          report(target, `invalid schema ${toPointer(target)}: ${reason}`);
        }
      }
      compiled.set(key, validate);
      return validate;
    };

    if (registered) {
      for (const use of doubtful) {
        const validate = validatorFor(use.schemaPath);
        if (validate === null) continue;
        const value = getAt(document, use.valuePath).value;
        if (validate(value)) continue;
        const schema = getAt(document, use.schemaPath).value;
        const schemaName =
          isRecord(schema) && typeof schema["$ref"] === "string"
            ? schema["$ref"]
            : toPointer(use.schemaPath);
        for (const { instancePath, text } of summarizeErrors(validate.errors ?? [])) {
          report(
            [...use.valuePath, ...decodeInstancePath(instancePath)],
            `${use.label} does not match ${schemaName}: ${text}`,
          );
        }
      }
    }
  }

  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  const locate = (segments: readonly Segment[]): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offsetOf(doc, segments));
    return { line, column: col };
  };
  return { spec: { file: shown, text, document, locate }, problems };
}
