/**
 * `threadrun/node`: Node-only additions to the client. The main entry stays on fetch and web APIs
 * so that it runs in browsers too.
 * @module threadrun/node
 */
export { nodeHttp, type NodeHttpOptions } from "./http.js";
/** @category Node */
export type { HttpAnswer, HttpSender, HttpSenderInit } from "../http-sender.js";
