// This file is generated: do not edit it by hand.
// Source:  spec/openapi.yaml (sha256 002d1d0f8c2a32723ad781692643da3b3714844ee89a168e5c7e50916c45566e)
// Command: npm run generate
/* eslint-disable */

/** List the runs of a thread — `GET /threads/{thread_id}/runs`. */
export const listRuns = {
  operationId: "listRuns",
  method: "GET",
  pathTemplate: "/threads/{thread_id}/runs",
  pathParams: ["thread_id"],
  query: {"limit":{"required":false,"type":"integer","minimum":1,"maximum":100,"default":20},"order":{"required":false,"type":"string","enum":["asc","desc"],"default":"desc"},"after":{"required":false,"type":"string","minLength":1},"before":{"required":false,"type":"string","minLength":1},"api-version":{"required":false,"type":"string","minLength":1}},
  /** Builds the path from parameters that the caller has already checked and percent-encoded. */
  path: (threadId: string): string => "/threads/" + threadId + "/runs",
} as const;

/** Retrieve a run — `GET /threads/{thread_id}/runs/{run_id}`. */
export const getRun = {
  operationId: "getRun",
  method: "GET",
  pathTemplate: "/threads/{thread_id}/runs/{run_id}",
  pathParams: ["thread_id","run_id"],
  query: {"api-version":{"required":false,"type":"string","minLength":1}},
  /** Builds the path from parameters that the caller has already checked and percent-encoded. */
  path: (threadId: string, runId: string): string => "/threads/" + threadId + "/runs/" + runId,
} as const;

/** Cancel a run — `POST /threads/{thread_id}/runs/{run_id}/cancel`. */
export const cancelRun = {
  operationId: "cancelRun",
  method: "POST",
  pathTemplate: "/threads/{thread_id}/runs/{run_id}/cancel",
  pathParams: ["thread_id","run_id"],
  query: {"api-version":{"required":false,"type":"string","minLength":1}},
  /** Builds the path from parameters that the caller has already checked and percent-encoded. */
  path: (threadId: string, runId: string): string => "/threads/" + threadId + "/runs/" + runId + "/cancel",
} as const;

/** The servers the spec names, with the defaults of their variables. */
export const servers = [
  {
    "url": "https://api.openai.com/v1",
    "description": "OpenAI. Bearer API key (`OpenAIApiKey`) and the header `OpenAI-Beta assistants=v2`.",
    "variables": {}
  },
  {
    "url": "https://{resource}.services.ai.azure.com/api/projects/{project}",
    "description": "Azure AI Agents project endpoint. Entra ID bearer token (`AzureEntraId`) and the query parameter `api-version` (for example `2025-05-01`).",
    "variables": {
      "resource": "my-resource",
      "project": "my-project"
    }
  }
] as const;

/** The first server of the spec: the default base URL. */
export const defaultBaseUrl = "https://api.openai.com/v1";

export const operationIds = ["listRuns","getRun","cancelRun"] as const;

/** The HTTP methods the spec's operations use: the methods of `client.raw`. */
export const rawMethods = ["GET","POST"] as const;
