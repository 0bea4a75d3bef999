/**
 * The two ways the client sends, for tests that must hold with both: fetch (the default) and
 * `nodeHttp()` from `threadrun/node`. Each entry gives fresh client options (a new sender per call).
 */
import type { ClientOptions } from "../../src/index.js";
import { nodeHttp } from "../../src/node/index.js";

export const SENDERS: [string, () => Partial<ClientOptions>][] = [
  ["fetch", () => ({})],
  ["nodeHttp()", () => ({ http: nodeHttp() })],
];
