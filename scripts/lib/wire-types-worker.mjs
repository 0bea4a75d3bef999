// The wire types (openapi-typescript) for a spec, in a worker thread. Plain JavaScript, started
// without the TypeScript loader (execArgv: []), so that loading TypeScript — most of the cost of a
// cold `generate` — overlaps the spec check on the main thread from the first moment.
//
// Why not `openapiTS()`: it loads all of Redocly, parses the YAML a second time, lints it with
// Redocly's "minimal" rules and bundles it; the spec check has already parsed, resolved and
// linted the document (local refs only, so bundling changes nothing). This runs the same
// transform on the document the main thread parsed, with openapiTS's own context; a test
// (test/generator/wire-types.test.ts) holds the output equal to `openapiTS()`'s.
//
// The modules are required as CommonJS: importing CommonJS from ESM makes Node scan TypeScript's
// 9 MB for its export names first.
import { createRequire } from "node:module";
import { parentPort } from "node:worker_threads";

const require = createRequire(import.meta.url);
const transformSchema = require("openapi-typescript/dist/transform/index.cjs");
const { scanDiscriminators, resolveRef } = require("openapi-typescript/dist/lib/utils.cjs");
const { astToString } = require("openapi-typescript/dist/lib/ts.cjs");

/** openapiTS's context for the options `generate` uses: defaults, `defaultNonNullable: false`. */
function contextFor(document) {
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    // Without defaultNonNullable a field with a `default` stays optional: servers may leave it out.
    defaultNonNullable: false,
    discriminators: scanDiscriminators(document, {}),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: undefined,
    silent: true,
    inject: undefined,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(document, $ref, { silent: true }),
  };
}

parentPort?.once("message", (document) => {
  parentPort?.postMessage(astToString(transformSchema(document, contextFor(document))));
});
