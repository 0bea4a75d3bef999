/** Reads the spec's examples: the data the generator tests round-trip. */
import { readFileSync } from "node:fs";
import { parse } from "yaml";

export const SPEC_FILE = "spec/openapi.yaml";

type Obj = Record<string, unknown>;

export function loadSpec(file = SPEC_FILE): Obj {
  return parse(readFileSync(file, "utf8")) as Obj;
}

/**
 * Every run object among the spec's examples, by name: examples that are runs, and the `data`
 * items of list pages.
 */
export function exampleRuns(spec: Obj = loadSpec()): [string, Obj][] {
  const examples = ((spec["components"] as Obj)["examples"] ?? {}) as Record<
    string,
    { value?: unknown }
  >;
  const runs: [string, Obj][] = [];
  for (const [name, example] of Object.entries(examples)) {
    const value = example.value as Obj | undefined;
    if (value?.["object"] === "thread.run") runs.push([name, value]);
    if (value?.["object"] === "list" && Array.isArray(value["data"])) {
      value["data"].forEach((run, i) => runs.push([`${name}.data[${i}]`, run as Obj]));
    }
  }
  return runs;
}
