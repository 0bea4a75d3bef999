/**
 * `generated/model.ts` from a spec: analysis → plan → types and converters, put together with
 * the import of exactly the runtime helpers the converters call.
 */
import type { JsonObject } from "../json.js";
import { analyseModel, type ModelIssue } from "./analysis.js";
import { Code } from "./code.js";
import { writeConverters } from "./converter-writer.js";
import { PlanIndex } from "./plan-index.js";
import { writeTypes } from "./type-writer.js";

export interface ModelModuleInput {
  document: JsonObject;
  /** Component schemas to start from, e.g. ["RunObject"]. */
  roots: readonly string[];
  /** The generated-file header (source, hash, command). */
  header: string;
}

export type ModelModule =
  | { code: string; typeNames: string[]; issues: [] }
  | { code: undefined; typeNames: []; issues: ModelIssue[] };

export function emitModel(input: ModelModuleInput): ModelModule {
  const analysis = analyseModel(input.document, input.roots);
  // A refused construct leaves the plan incomplete: nothing is emitted from it.
  if (analysis.issues.length > 0)
    return { code: undefined, typeNames: [], issues: analysis.issues };
  const index = new PlanIndex(analysis.plan);
  const body = new Code();
  writeTypes(index, body);
  writeConverters(index, body);
  const helpers = [...body.helpers].sort();
  const lines = [
    input.header,
    'import type { components } from "./schema.js";',
    ...(helpers.length > 0 ? [`import { ${helpers.join(", ")} } from "./runtime.js";`] : []),
    'import type { WireObject } from "./runtime.js";',
    "",
    'export { WireShapeError } from "./runtime.js";',
    "",
    "/** The wire (snake_case JSON) type of a component schema, as openapi-typescript emits it. */",
    'export type Wire<Name extends keyof components["schemas"]> = components["schemas"][Name];',
    "",
    ...body.lines,
  ];
  return {
    code: lines.join("\n") + "\n",
    typeNames: analysis.plan.named.map((n) => n.modelName),
    issues: [],
  };
}
