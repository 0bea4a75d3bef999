// The wire types (openapi-typescript) for a spec text, in a worker thread so that they are made
// while the main thread checks the spec. Plain JavaScript: it runs without the TypeScript loader.
import { parentPort, workerData } from "node:worker_threads";

const { default: openapiTS, astToString } = await import("openapi-typescript");
// Without defaultNonNullable a field with a `default` stays optional: servers may leave it out.
const ast = await openapiTS(workerData.specText, { silent: true, defaultNonNullable: false });
parentPort?.postMessage(astToString(ast));
