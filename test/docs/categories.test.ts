/**
 * Keeps the TypeDoc reference grouped: every export of `threadrun`, `threadrun/testing` and
 * `threadrun/node` that is declared in src/ names its category with a `@category` tag (on its
 * declaration, or on the export statement of the entry, which TypeDoc prefers for a re-export),
 * and the category fits the entry. Exports declared in generated/ carry no tag, and TypeDoc's
 * `defaultCategory` ("Model types") files them, except what the generator tags itself
 * (`RawClient`: Client). Read with the TypeScript compiler, no browser:
 * an export added without a tag fails here with its name, instead of landing in "Model types".
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../package/helpers.js";

interface TypedocConfig {
  entryPoints: string[];
  defaultCategory: string;
  categoryOrder: string[];
}

const config = JSON.parse(
  readFileSync(path.join(repoRoot, "typedoc.json"), "utf8"),
) as TypedocConfig;

/** Which categories each entry's exports may have. */
const allowed: Record<string, string[]> = {
  "src/index.ts": ["Client", "Runs", "Waiting and bulk", "Errors", "Model types"],
  "src/testing/index.ts": ["Testing"],
  "src/node/index.ts": ["Node"],
};

const categoryOf = (node: ts.Node): string | undefined =>
  ts
    .getJSDocTags(node)
    .find((tag) => tag.tagName.text === "category")
    ?.comment?.toString()
    .trim();

/** Each export of `entry`: its name, where it is declared, and its category tag if any. */
function exportsOf(program: ts.Program, entry: string) {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(path.join(repoRoot, entry));
  if (!source) throw new Error(`${entry} is not in the program`);
  const moduleSymbol = checker.getSymbolAtLocation(source) as ts.Symbol;
  return checker.getExportsOfModule(moduleSymbol).map((exported) => {
    const specifier = exported.declarations?.[0];
    // `export { a } from "./x.js"`: a tag on that statement wins, as TypeDoc reads it.
    const statement =
      specifier && ts.isExportSpecifier(specifier) ? specifier.parent.parent : undefined;
    const target =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = target.declarations?.[0];
    if (!declaration) throw new Error(`${entry}: ${exported.name} has no declaration`);
    return {
      name: exported.name,
      file: path.relative(repoRoot, declaration.getSourceFile().fileName),
      category: (statement && categoryOf(statement)) ?? categoryOf(declaration),
    };
  });
}

describe("TypeDoc categories", () => {
  const program = ts.createProgram(
    config.entryPoints.map((entry) => path.join(repoRoot, entry)),
    {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
    },
  );

  it("typedoc.json documents the three entries and orders the seven categories", () => {
    expect(config.entryPoints).toEqual(Object.keys(allowed));
    expect(config.defaultCategory).toBe("Model types");
    expect(config.categoryOrder).toEqual([...new Set(Object.values(allowed).flat()), "*"]);
  });

  it("files the generated RawClient under Client (the generator writes its tag)", () => {
    const raw = exportsOf(program, "src/index.ts").find(({ name }) => name === "RawClient");
    expect(raw).toEqual({
      name: "RawClient",
      file: "generated/client-types.ts",
      category: "Client",
    });
  });

  for (const [entry, categories] of Object.entries(allowed)) {
    it(`every export of ${entry} declared in src/ has a category of its entry`, () => {
      const exports = exportsOf(program, entry);
      expect(exports.length).toBeGreaterThan(0);
      const wrong = exports
        .filter(({ file, category }) =>
          file.startsWith("generated/")
            ? category !== undefined && !categories.includes(category)
            : category === undefined || !categories.includes(category),
        )
        .map(({ name, file, category }) => `${name} (${file}): ${category ?? "no @category"}`);
      expect(wrong).toEqual([]);
    });
  }
});
