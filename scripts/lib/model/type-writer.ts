/**
 * The type writer: the model's declarations. An interface per record (camelCase fields, `Date`
 * for timestamps, no optional fields: an absent field reads as its empty value), a type alias
 * per other named schema, and the documented values of every named enum.
 */
import type { Code } from "./code.js";
import { Code as CodeText } from "./code.js";
import { valueNameOf } from "./names.js";
import type { PlanIndex } from "./plan-index.js";
import type { Field, NamedPlan, RecordPlan } from "./plan.js";

export function writeTypes(index: PlanIndex, code: Code): void {
  const declaredRecords = new Set<string>();
  for (const named of index.plan.named) {
    const shape = index.declaredShape(named);
    if (shape.kind === "record" && shape.name === named.modelName) {
      writeRecord(index, code, index.recordOf(shape.name));
      declaredRecords.add(shape.name);
    } else {
      code.doc([named.description, `Wire schema: \`${named.schemaName}\`.`]);
      code.push(`export type ${named.modelName} = ${index.typeOf(shape)};`, "");
    }
    writeEnumValues(index, code, named);
  }
  for (const record of index.plan.records) {
    if (!declaredRecords.has(record.name)) writeRecord(index, code, record);
  }
}

function writeRecord(index: PlanIndex, code: Code, record: RecordPlan): void {
  code.doc([
    record.description,
    record.schemaName ? `Wire schema: \`${record.schemaName}\`.` : undefined,
  ]);
  code.push(`export interface ${record.name} {`);
  for (const field of record.fields) {
    code.doc([field.description, wireNote(index, field)], "  ");
    code.push(`  ${CodeText.typeKey(field.modelKey)}: ${index.typeOf(index.fieldShape(field))};`);
  }
  code.push("}", "");
}

/** The doc sentence about the field on the wire: its name, seconds, and how absence reads. */
function wireNote(index: PlanIndex, field: Field): string {
  const resolved = index.resolve(field.shape);
  const isDate =
    resolved.kind === "unixtime" ||
    (resolved.kind === "nullable" && index.resolve(resolved.inner).kind === "unixtime");
  let note = `Wire field: \`${field.wireKey}\`${isDate ? " (Unix seconds on the wire)." : "."}`;
  const absent = field.absent;
  if (absent) {
    const reading =
      absent.kind === "null"
        ? "`null`"
        : absent.kind === "emptyList"
          ? "`[]`"
          : `\`${JSON.stringify(absent.value)}\``;
    note += ` Reads as ${reading} when the server leaves it out or sends \`null\`.`;
  }
  return note;
}

function writeEnumValues(index: PlanIndex, code: Code, named: NamedPlan): void {
  const resolved = index.declaredShape(named);
  const shape = resolved.kind === "nullable" ? resolved.inner : resolved;
  if (shape.kind !== "string" || !shape.values) return;
  const base = valueNameOf(named.modelName);
  code.doc([`Every value of {@link ${named.modelName}} that the spec documents.`]);
  code.push(`export const ${base}Values = ${JSON.stringify(shape.values)} as const;`, "");
  const terminal = named.extensions["x-terminal-values"];
  if (Array.isArray(terminal)) {
    code.doc([
      `The values of {@link ${named.modelName}} after which nothing changes any more (\`x-terminal-values\`).`,
    ]);
    code.push(`export const ${base}TerminalValues = ${JSON.stringify(terminal)} as const;`, "");
  }
}
