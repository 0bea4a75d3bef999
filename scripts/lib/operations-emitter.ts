/**
 * Emits `generated/operations.ts`: what the client needs to know about each operation at run
 * time (method, path builder, query parameter limits) and the servers, read from the spec so that
 * a change there reaches the client by regeneration alone.
 */

export interface OperationsEmitterInput {
  document: Record<string, unknown>;
  header: string;
}

import { camelCase, deref, isRecord as isObj, type JsonObject as Obj } from "./json.js";

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;

/** The parts of a query parameter's schema the client checks before sending. */
const QUERY_KEYWORDS = ["type", "minimum", "maximum", "enum", "default", "minLength"] as const;

export function emitOperations(input: OperationsEmitterInput): string {
  const { document } = input;
  const out: string[] = [input.header];
  const paths = isObj(document["paths"]) ? document["paths"] : {};
  const summaries: string[] = [];

  for (const [template, item] of Object.entries(paths)) {
    if (!isObj(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObj(op) || typeof op["operationId"] !== "string") continue;
      const id = op["operationId"];
      const params = [
        ...(Array.isArray(item["parameters"]) ? item["parameters"] : []),
        ...(Array.isArray(op["parameters"]) ? op["parameters"] : []),
      ]
        .map((p) => deref(document, p))
        .filter(isObj);
      const pathParams = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? "");
      const query: Record<string, Obj> = {};
      for (const param of params) {
        if (param["in"] !== "query" || typeof param["name"] !== "string") continue;
        const schema = deref(document, param["schema"]);
        const limits: Obj = { required: param["required"] === true };
        if (isObj(schema)) {
          for (const k of QUERY_KEYWORDS) if (schema[k] !== undefined) limits[k] = schema[k];
        }
        query[param["name"]] = limits;
      }
      const args = pathParams.map((p) => `${camelCase(p)}: string`).join(", ");
      const body = template
        .split(/(\{[^}]+\})/)
        .filter((s) => s !== "")
        .map((s) => (s.startsWith("{") ? camelCase(s.slice(1, -1)) : JSON.stringify(s)))
        .join(" + ");
      out.push(
        `/** ${String(op["summary"] ?? id)} — \`${method.toUpperCase()} ${template}\`. */`,
        `export const ${id} = {`,
        `  operationId: ${JSON.stringify(id)},`,
        `  method: ${JSON.stringify(method.toUpperCase())},`,
        `  pathTemplate: ${JSON.stringify(template)},`,
        `  pathParams: ${JSON.stringify(pathParams)},`,
        `  query: ${JSON.stringify(query)},`,
        `  /** Builds the path from parameters that the caller has already checked and percent-encoded. */`,
        `  path: (${args}): string => ${body || '""'},`,
        `} as const;`,
        "",
      );
      summaries.push(id);
    }
  }

  const servers = (Array.isArray(document["servers"]) ? document["servers"] : []).filter(isObj);
  const serverList = servers.map((s) => ({
    url: s["url"],
    description: s["description"],
    variables: isObj(s["variables"])
      ? Object.fromEntries(
          Object.entries(s["variables"])
            .filter((e): e is [string, Obj] => isObj(e[1]))
            .map(([k, v]) => [k, v["default"]]),
        )
      : {},
  }));
  out.push(
    "/** The servers the spec names, with the defaults of their variables. */",
    `export const servers = ${JSON.stringify(serverList, null, 2)} as const;`,
    "",
    "/** The first server of the spec: the default base URL. */",
    `export const defaultBaseUrl = ${JSON.stringify(serverList[0]?.url ?? "")};`,
    "",
    `export const operationIds = ${JSON.stringify(summaries)} as const;`,
    "",
    "/** The HTTP methods the spec's operations use: the methods of `client.raw`. */",
    `export const rawMethods = ${JSON.stringify(specMethods(document))} as const;`,
    "",
  );
  return out.join("\n");
}

/** The HTTP methods the spec's operations use, upper-case: `["GET", "POST"]`. */
export function specMethods(document: Record<string, unknown>): string[] {
  const paths = isObj(document["paths"]) ? Object.values(document["paths"]).filter(isObj) : [];
  return METHODS.filter((method) => paths.some((item) => isObj(item[method]))).map((method) =>
    method.toUpperCase(),
  );
}
