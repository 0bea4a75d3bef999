/**
 * What a spec change does to the generated model, for `npm run spec:diff`: rated by its effect
 * on the types users compile against and on the answers the client accepts, where a generic
 * OpenAPI diff rates by the wire alone.
 *
 * - An enum that loses a value is breaking: code comparing with it no longer matches, and a
 *   renamed value (`cancelled` → `canceled`) is a loss plus a gain.
 * - A field that becomes required (or a new required field) is breaking: answers that leave it
 *   out, as every server following the released spec may, are now refused.
 * - A field that stops being required is breaking only when its model type changes (it now
 *   reads as `null`); when absence reads as `[]` or its default, the type is the same: minor.
 * - A new optional field is minor; a removed field is breaking.
 */
import { getAt, isRecord, own, type JsonObject, type Segment } from "./json.js";
import { analyseModel, modelRoots } from "./model/analysis.js";
import { PlanIndex } from "./model/plan-index.js";
import type { Field, RecordPlan } from "./model/plan.js";

export type Impact = "major" | "minor" | "patch";

export interface ModelVerdict {
  impact: Impact;
  message: string;
  /** Where the change is: in the revision, or in the base when it is gone from the revision. */
  side: "base" | "revision";
  path: Segment[];
}

interface ModelFacts {
  index: PlanIndex;
  /** Records by their component schema (or inline name), with their fields by wire name. */
  records: Map<string, { record: RecordPlan; fields: Map<string, Field> }>;
}

// spec:diff asks both modelSchemas and diffModels about each document: analyse each once.
const analyses = new WeakMap<JsonObject, ReturnType<typeof analyseModel>>();
function analysisOf(document: JsonObject): ReturnType<typeof analyseModel> {
  let analysis = analyses.get(document);
  if (analysis === undefined) {
    analysis = analyseModel(document, modelRoots(document));
    analyses.set(document, analysis);
  }
  return analysis;
}

function factsOf(document: JsonObject): ModelFacts {
  // A released spec may predate a rule the generator now enforces: compare what it reads as.
  const analysis = analysisOf(document);
  const index = new PlanIndex(analysis.plan);
  const records = new Map<string, { record: RecordPlan; fields: Map<string, Field> }>();
  for (const record of analysis.plan.records) {
    records.set(record.schemaName ?? record.name, {
      record,
      fields: new Map(record.fields.map((f) => [f.wireKey, f])),
    });
  }
  return { index, records };
}

/** The component schemas the model of this spec reaches (to tell model changes from others). */
export function modelSchemas(document: JsonObject): Set<string> {
  const analysis = analysisOf(document);
  return new Set(analysis.plan.named.map((n) => n.schemaName));
}

export function diffModels(base: JsonObject, revision: JsonObject): ModelVerdict[] {
  return [...diffEnums(base, revision), ...diffFields(base, revision)];
}

function diffFields(base: JsonObject, revision: JsonObject): ModelVerdict[] {
  const before = factsOf(base);
  const after = factsOf(revision);
  const verdicts: ModelVerdict[] = [];
  const typeOf = (facts: ModelFacts, field: Field): string =>
    facts.index.typeOf(facts.index.fieldShape(field));
  const reading = (field: Field): string =>
    field.absent === undefined
      ? "required"
      : field.absent.kind === "null"
        ? "reads as null when absent"
        : field.absent.kind === "emptyList"
          ? "reads as [] when absent"
          : `reads as ${JSON.stringify(field.absent.value)} when absent`;

  for (const [name, { record, fields }] of after.records) {
    const old = before.records.get(name);
    if (!old) continue;
    for (const [key, field] of fields) {
      const previous = old.fields.get(key);
      const where = `${record.name}.${field.modelKey}`;
      const type = typeOf(after, field);
      if (!previous) {
        verdicts.push(
          field.required
            ? {
                impact: "major",
                side: "revision",
                path: field.path,
                message: `${where} is a new required field: answers without it, as servers following the released spec send, are now refused`,
              }
            : {
                impact: "minor",
                side: "revision",
                path: field.path,
                message: `${where} is a new field (${type}; ${reading(field)})`,
              },
        );
        continue;
      }
      const oldType = typeOf(before, previous);
      if (!previous.required && field.required) {
        verdicts.push({
          impact: "major",
          side: "revision",
          path: field.path,
          message: `${where} became required: answers that leave it out are now refused${oldType === type ? "" : ` (and its type changed from ${oldType} to ${type})`}`,
        });
      } else if (previous.required && !field.required) {
        verdicts.push(
          oldType === type
            ? {
                impact: "minor",
                side: "revision",
                path: field.path,
                message: `${where} is no longer required and ${reading(field)}: its model type stays ${type}`,
              }
            : {
                impact: "major",
                side: "revision",
                path: field.path,
                message: `${where} is no longer required and ${reading(field)}: its model type changes from ${oldType} to ${type}, so code reading it must handle the new values`,
              },
        );
      }
    }
    for (const [key, previous] of old.fields) {
      if (!fields.has(key)) {
        verdicts.push({
          impact: "major",
          side: "base",
          path: previous.path,
          message: `${old.record.name}.${previous.modelKey} was removed from the model`,
        });
      }
    }
  }
  return verdicts;
}

/** Every `enum` under components/schemas, by its JSON pointer. */
function enumsOf(document: JsonObject): Map<string, { path: Segment[]; values: unknown[] }> {
  const found = new Map<string, { path: Segment[]; values: unknown[] }>();
  const visit = (node: unknown, path: Segment[]): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => visit(child, [...path, i]));
      return;
    }
    if (!isRecord(node)) return;
    const values = own(node, "enum");
    if (Array.isArray(values)) found.set(path.join("/"), { path, values });
    for (const [key, child] of Object.entries(node)) {
      if (key === "enum" || key === "example" || key === "examples" || key === "default") continue;
      if (key.startsWith("x-")) continue;
      visit(child, [...path, key]);
    }
  };
  visit(getAt(document, ["components", "schemas"]).value, ["components", "schemas"]);
  return found;
}

function diffEnums(base: JsonObject, revision: JsonObject): ModelVerdict[] {
  const after = enumsOf(revision);
  const verdicts: ModelVerdict[] = [];
  for (const [key, { path, values }] of enumsOf(base)) {
    const now = after.get(key);
    if (!now) continue;
    const lost = values.filter((v) => !now.values.includes(v));
    if (lost.length === 0) continue;
    const gained = now.values.filter((v) => !values.includes(v));
    verdicts.push({
      impact: "major",
      side: "revision",
      path: [...path, "enum"],
      message:
        `Enum at ${path.join("/")} lost ${lost.map((v) => JSON.stringify(v)).join(", ")}` +
        (gained.length > 0 ? ` (gained ${gained.map((v) => JSON.stringify(v)).join(", ")})` : "") +
        ": code comparing with a lost value no longer matches what servers send",
    });
  }
  return verdicts;
}
