/**
 * The variant specs: constructs a maintainer adds to the spec (most of them copied from OpenAI's
 * or Azure's published specs), each `{ given, want }`. `given` changes a copy of
 * spec/openapi.yaml; `want` says the generator either converts it (wire → model → wire, with
 * the model values named) or refuses it, naming the line of the construct and what is wrong. Every row of issue 12's table is here; variants.test.ts runs them.
 */
import { loadSpec } from "./support.js";

export type Json = Record<string, unknown>;

export interface Converts {
  converts: {
    /** The converters' base name: `threadRun` for `threadRunFromWire` / `threadRunToWire`. */
    root: string;
    /** A wire value; `base` is a complete run from the spec's examples. */
    wire: (base: Json) => unknown;
    /** What the model holds (toMatchObject: Dates, renamed keys, user keys kept). */
    model: Json;
    /** Also written back from a model changed by the caller: [change, expected wire subset]. */
    written?: [(model: Json) => Json, Json];
  };
}

export interface Refused {
  refused: {
    /** The JSON pointer of the construct; the problem must name its line. */
    at: string;
    message: RegExp;
  };
}

export interface Variant {
  name: string;
  /** Changes the spec (a copy) and returns it. */
  given: (spec: Json) => Json;
  want: Converts | Refused;
}

// ---------------------------------------------------------------------------------- helpers

const schemasOf = (spec: Json): Json => (spec["components"] as Json)["schemas"] as Json;

/** Adds a property to the run schema (as an own property, `__proto__` included). */
function addRunProperty(spec: Json, key: string, schema: Json): Json {
  const properties = (schemasOf(spec)["RunObject"] as Json)["properties"] as Json;
  Object.defineProperty(properties, key, {
    value: schema,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return spec;
}

function addSchema(spec: Json, name: string, schema: Json): Json {
  schemasOf(spec)[name] = schema;
  return spec;
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: Json): Json => ({ anyOf: [schema, { type: "null" }] });
const seconds = (date: string): number => Date.parse(date) / 1000;
const at = (date: string): Date => new Date(date);
const T1 = "2023-11-04T05:36:40.000Z";
const T2 = "2023-11-04T06:00:00.000Z";

/** A wire object parsed from JSON text, so that keys like `__proto__` are own properties. */
const json = (text: string): Json => JSON.parse(text) as Json;

// ---------------------------------------------------------------------------------- the table

export const variants: Variant[] = [
  {
    name: "allOf: a base schema with a timestamp, extended by a component",
    given: (spec) => {
      addSchema(spec, "Base", {
        type: "object",
        required: ["base_id"],
        properties: {
          base_id: { type: "string" },
          based_at: { type: ["integer", "null"], format: "unixtime" },
        },
      });
      addSchema(spec, "Lineage", {
        description: "A base, extended.",
        allOf: [
          ref("Base"),
          {
            type: "object",
            properties: {
              derived_at: { type: ["integer", "null"], format: "unixtime" },
              note_text: { type: ["string", "null"] },
            },
          },
        ],
      });
      return addRunProperty(spec, "lineage", nullable(ref("Lineage")));
    },
    want: {
      converts: {
        root: "threadRun",
        wire: (base) => ({
          ...base,
          lineage: {
            base_id: "b_1",
            based_at: seconds(T1),
            derived_at: seconds(T2),
            note_text: "n",
          },
        }),
        model: { lineage: { baseId: "b_1", basedAt: at(T1), derivedAt: at(T2), noteText: "n" } },
      },
    },
  },
  {
    name: "allOf inline, with the timestamps of every member",
    given: (spec) =>
      addRunProperty(
        spec,
        "window",
        nullable({
          allOf: [
            {
              type: "object",
              properties: { opens_at: { type: ["integer", "null"], format: "unixtime" } },
            },
            {
              type: "object",
              properties: { closes_at: { type: ["integer", "null"], format: "unixtime" } },
            },
          ],
        }),
      ),
    want: {
      converts: {
        root: "threadRun",
        wire: (base) => ({ ...base, window: { opens_at: seconds(T1), closes_at: seconds(T2) } }),
        model: { window: { opensAt: at(T1), closesAt: at(T2) } },
      },
    },
  },
  {
    name: "a map of records with timestamps: values converted, keys never renamed",
    given: (spec) => {
      addSchema(spec, "Checkpoint", {
        type: "object",
        required: ["reached_at"],
        properties: {
          reached_at: { type: "integer", format: "unixtime" },
          step_name: { type: ["string", "null"] },
        },
      });
      return addRunProperty(spec, "checkpoints", {
        type: ["object", "null"],
        additionalProperties: ref("Checkpoint"),
      });
    },
    want: {
      converts: {
        root: "threadRun",
        wire: (base) => ({
          ...base,
          checkpoints: {
            first_step: { reached_at: seconds(T1), step_name: "a" },
            "Second-Step": { reached_at: seconds(T2), step_name: null },
          },
        }),
        model: {
          checkpoints: {
            first_step: { reachedAt: at(T1), stepName: "a" },
            "Second-Step": { reachedAt: at(T2), stepName: null },
          },
        },
      },
    },
  },
  {
    name: "a map of unixtimes",
    given: (spec) =>
      addRunProperty(spec, "seen_by_region", {
        type: ["object", "null"],
        additionalProperties: { type: "integer", format: "unixtime" },
      }),
    want: {
      converts: {
        root: "threadRun",
        wire: (base) => ({
          ...base,
          seen_by_region: { eu_west: seconds(T1), us_east_1: seconds(T2) },
        }),
        model: { seenByRegion: { eu_west: at(T1), us_east_1: at(T2) } },
      },
    },
  },
  {
    name: "anyOf [unixtime, date-time string]: a Date goes back as seconds",
    given: (spec) =>
      addRunProperty(spec, "deadline", {
        anyOf: [
          { type: "integer", format: "unixtime" },
          { type: "string", format: "date-time" },
          { type: "null" },
        ],
      }),
    want: {
      converts: {
        root: "threadRun",
        wire: (base) => ({ ...base, deadline: seconds(T1) }),
        model: { deadline: at(T1) },
        written: [(model) => ({ ...model, deadline: at(T2) }), { deadline: seconds(T2) }],
      },
    },
  },
  {
    name: "anyOf [unixtime, date-time string]: a string stays a string",
    given: (spec) =>
      addRunProperty(spec, "deadline", {
        anyOf: [
          { type: "integer", format: "unixtime" },
          { type: "string", format: "date-time" },
          { type: "null" },
        ],
      }),
    want: {
      converts: {
        root: "threadRun",
        wire: (base) => ({ ...base, deadline: "2023-11-04T05:36:40Z" }),
        model: { deadline: "2023-11-04T05:36:40Z" },
      },
    },
  },
  {
    name: "property names that are not identifiers: quoted keys",
    given: (spec) => {
      addRunProperty(spec, "x-request-source", { type: ["string", "null"] });
      addRunProperty(spec, "a.b", { type: ["integer", "null"] });
      return addRunProperty(spec, "2fa_required", { type: ["boolean", "null"] });
    },
    want: {
      converts: {
        root: "threadRun",
        wire: (base) => ({ ...base, "x-request-source": "cli", "a.b": 2, "2fa_required": true }),
        model: { xRequestSource: "cli", "a.b": 2, "2faRequired": true },
      },
    },
  },
  {
    name: "constructor and toString are ordinary fields (absent and present)",
    given: (spec) => {
      addRunProperty(spec, "constructor", { type: ["string", "null"] });
      return addRunProperty(spec, "toString", { type: ["string", "null"] });
    },
    want: {
      converts: {
        root: "threadRun",
        wire: (base) => ({ ...base, constructor: "made by hand", toString: "text" }),
        model: { constructor: "made by hand", toString: "text" },
      },
    },
  },
  {
    name: "constructor absent reads as null, not as Object",
    given: (spec) => addRunProperty(spec, "constructor", { type: ["string", "null"] }),
    want: {
      converts: { root: "threadRun", wire: (base) => base, model: { constructor: null } },
    },
  },
  {
    name: "__proto__ is a field that round-trips, never the prototype",
    given: (spec) =>
      addRunProperty(spec, "__proto__", {
        type: ["object", "null"],
        additionalProperties: { type: "string" },
      }),
    want: {
      converts: {
        root: "threadRun",
        wire: (base) => ({ ...base, ...json('{"__proto__": {"polluted": "yes"}}') }),
        model: json('{"__proto__": {"polluted": "yes"}}'),
      },
    },
  },
  {
    name: "camelCase collision: threadId beside thread_id",
    given: (spec) => addRunProperty(spec, "threadId", { type: ["string", "null"] }),
    want: {
      refused: {
        at: "#/components/schemas/RunObject/properties/threadId",
        message: /"thread_id" and "threadId" would both be the model field threadId/,
      },
    },
  },
  {
    name: "anyOf of two records without a discriminator",
    given: (spec) => {
      addSchema(spec, "PartA", { type: "object", properties: { a: { type: ["string", "null"] } } });
      addSchema(spec, "PartB", { type: "object", properties: { b: { type: ["string", "null"] } } });
      return addRunProperty(spec, "either", {
        anyOf: [ref("PartA"), ref("PartB"), { type: "null" }],
      });
    },
    want: {
      refused: {
        at: "#/components/schemas/RunObject/properties/either/anyOf",
        message: /several object members and nothing tells them apart/,
      },
    },
  },
  {
    name: "a union of a timestamp and a member that accepts any value",
    given: (spec) =>
      addRunProperty(spec, "stamp_or_any", {
        anyOf: [{ type: "integer", format: "unixtime" }, {}],
      }),
    want: {
      refused: {
        at: "#/components/schemas/RunObject/properties/stamp_or_any/anyOf",
        message: /a member of this union accepts any value/,
      },
    },
  },
  {
    name: "a union of two lists, one of timestamps",
    given: (spec) =>
      addRunProperty(spec, "stamps_or_names", {
        anyOf: [
          { type: "array", items: { type: "integer", format: "unixtime" } },
          { type: "array", items: { type: "string" } },
          { type: "null" },
        ],
      }),
    want: {
      refused: {
        at: "#/components/schemas/RunObject/properties/stamps_or_names/anyOf",
        message: /several array members and one needs converting/,
      },
    },
  },
  {
    name: "additionalProperties beside properties, holding a timestamp",
    given: (spec) =>
      addRunProperty(spec, "stamps", {
        type: ["object", "null"],
        properties: { label: { type: ["string", "null"] } },
        additionalProperties: { type: "integer", format: "unixtime" },
      }),
    want: {
      refused: {
        at: "#/components/schemas/RunObject/properties/stamps/additionalProperties",
        message: /additionalProperties beside properties holds a unixtime field/,
      },
    },
  },
  {
    name: "allOf with a member that is not an object, holding a timestamp",
    given: (spec) =>
      addRunProperty(spec, "bounded_time", {
        allOf: [{ type: ["integer", "null"], format: "unixtime" }, { minimum: 0 }],
      }),
    want: {
      refused: {
        at: "#/components/schemas/RunObject/properties/bounded_time/allOf/0/type",
        message: /allOf can be converted only when every member is an object/,
      },
    },
  },
  {
    name: "contains holding a timestamp (a list whose items are not declared)",
    given: (spec) =>
      addRunProperty(spec, "stamp_list", {
        type: ["array", "null"],
        contains: { type: "integer", format: "unixtime" },
      }),
    want: {
      refused: {
        at: "#/components/schemas/RunObject/properties/stamp_list/contains",
        message: /contains holds a unixtime field/,
      },
    },
  },
  {
    name: "records told apart by their own type constant (no discriminator written)",
    given: (spec) => {
      addSchema(spec, "Circle", {
        type: "object",
        required: ["kind"],
        properties: {
          kind: { type: "string", enum: ["circle"] },
          drawn_at: { type: ["integer", "null"], format: "unixtime" },
        },
      });
      addSchema(spec, "Square", {
        type: "object",
        required: ["kind"],
        properties: {
          kind: { type: "string", enum: ["square"] },
          side_length: { type: ["number", "null"] },
        },
      });
      return addRunProperty(spec, "shape", {
        anyOf: [ref("Circle"), ref("Square"), { type: "null" }],
      });
    },
    want: {
      converts: {
        root: "threadRun",
        wire: (base) => ({ ...base, shape: { kind: "circle", drawn_at: seconds(T1) } }),
        model: { shape: { kind: "circle", drawnAt: at(T1) } },
      },
    },
  },
  {
    name: "$ref to a component parameter inside a schema",
    given: (spec) => addRunProperty(spec, "page_limit", { $ref: "#/components/parameters/Limit" }),
    want: {
      refused: {
        at: "#/components/schemas/RunObject/properties/page_limit/$ref",
        message: /must point at a schema/,
      },
    },
  },
  {
    name: "x-terminal-values naming a value the enum lacks (a half-done rename)",
    given: (spec) => {
      const status = schemasOf(spec)["RunStatus"] as Json;
      status["x-terminal-values"] = [...(status["x-terminal-values"] as string[]), "canceled"];
      return spec;
    },
    want: {
      refused: {
        at: "#/components/schemas/RunStatus/x-terminal-values",
        message: /x-terminal-values names "canceled", which the enum does not list/,
      },
    },
  },
  {
    name: "format: unix-time (a typo)",
    given: (spec) =>
      addRunProperty(spec, "paused_at", { type: ["integer", "null"], format: "unix-time" }),
    want: {
      refused: {
        at: "#/components/schemas/RunObject/properties/paused_at/format",
        message: /did you mean unixtime/,
      },
    },
  },
  {
    name: "format: unixTime (a near miss)",
    given: (spec) =>
      addRunProperty(spec, "paused_at", { type: ["integer", "null"], format: "unixTime" }),
    want: {
      refused: {
        at: "#/components/schemas/RunObject/properties/paused_at/format",
        message: /format "unixTime" is not a format this project knows; did you mean unixtime/,
      },
    },
  },
  {
    name: "format: timestamp (a near miss)",
    given: (spec) =>
      addRunProperty(spec, "paused_when", { type: ["integer", "null"], format: "timestamp" }),
    want: {
      refused: {
        at: "#/components/schemas/RunObject/properties/paused_when/format",
        message: /did you mean unixtime/,
      },
    },
  },
  {
    name: "type: number with format: unixtime (fractions would be cut)",
    given: (spec) =>
      addRunProperty(spec, "paused_at", { type: ["number", "null"], format: "unixtime" }),
    want: {
      refused: {
        at: "#/components/schemas/RunObject/properties/paused_at/format",
        message: /format: unixtime needs type: integer/,
      },
    },
  },
  {
    name: "a schema named Date",
    given: (spec) => {
      addSchema(spec, "Date", {
        type: "object",
        required: ["day"],
        properties: { day: { type: "string" } },
      });
      return addRunProperty(spec, "calendar_day", nullable(ref("Date")));
    },
    want: {
      converts: {
        root: "threadRun",
        wire: (base) => ({ ...base, calendar_day: { day: "2023-11-04" } }),
        model: { calendarDay: { day: "2023-11-04" } },
      },
    },
  },
  {
    name: "a dotted schema name (Agents.RunUsage)",
    given: (spec) => {
      addSchema(spec, "Agents.RunUsage", {
        type: "object",
        required: ["total_tokens"],
        properties: { total_tokens: { type: "integer" } },
      });
      return addRunProperty(spec, "agent_usage", nullable(ref("Agents.RunUsage")));
    },
    want: {
      converts: {
        root: "threadRun",
        wire: (base) => ({ ...base, agent_usage: { total_tokens: 3 } }),
        model: { agentUsage: { totalTokens: 3 } },
      },
    },
  },
  {
    name: "two schema names that end up one type name",
    given: (spec) => {
      addSchema(spec, "Agents.RunUsage", {
        type: "object",
        properties: { a: { type: ["integer", "null"] } },
      });
      addSchema(spec, "AgentsRunUsage", {
        type: "object",
        properties: { b: { type: ["integer", "null"] } },
      });
      addRunProperty(spec, "usage_one", nullable(ref("Agents.RunUsage")));
      return addRunProperty(spec, "usage_two", nullable(ref("AgentsRunUsage")));
    },
    want: {
      refused: {
        at: "#/components/schemas/AgentsRunUsage",
        message:
          /"Agents\.RunUsage" and "AgentsRunUsage" would both be the model type AgentsRunUsage/,
      },
    },
  },
  {
    name: "type: foo where no example reaches it",
    given: (spec) =>
      addSchema(spec, "Orphan", { type: "object", properties: { size: { type: "foo" } } }),
    want: {
      refused: {
        at: "#/components/schemas/Orphan/properties/size/type",
        message: /type "foo" is not a JSON Schema type/,
      },
    },
  },
  {
    name: "x-model-name that is not an identifier",
    given: (spec) => {
      (schemasOf(spec)["RunUsage"] as Json)["x-model-name"] = "Run Usage";
      return spec;
    },
    want: {
      refused: {
        at: "#/components/schemas/RunUsage/x-model-name",
        message: /x-model-name "Run Usage" must be an identifier/,
      },
    },
  },
  {
    name: "x-model-name given twice",
    given: (spec) => {
      (schemasOf(spec)["RunUsage"] as Json)["x-model-name"] = "ThreadRun";
      return spec;
    },
    want: {
      refused: {
        at: "#/components/schemas/RunUsage/x-model-name",
        message: /x-model-name "ThreadRun" is also given to RunObject/,
      },
    },
  },
  {
    // openapiTS() refused this (Redocly's operationId check); the wire types are now made from
    // the checked document, so the spec check refuses it: two `operations` members would clash.
    name: "an operationId used by two operations",
    given: (spec) => {
      const paths = spec["paths"] as Record<string, Record<string, Json>>;
      const getRun = paths["/threads/{thread_id}/runs/{run_id}"]?.["get"];
      if (getRun === undefined) throw new Error("the spec has no getRun");
      getRun["operationId"] = "listRuns";
      return spec;
    },
    want: {
      refused: {
        at: "#/paths/~1threads~1{thread_id}~1runs~1{run_id}/get/operationId",
        message:
          /operationId "listRuns" is also used by #\/paths\/~1threads~1\{thread_id\}~1runs\/get/,
      },
    },
  },
  {
    name: "x-extensible-enum on a schema that is not an enum",
    given: (spec) => {
      (((schemasOf(spec)["RunObject"] as Json)["properties"] as Json)["model"] as Json)[
        "x-extensible-enum"
      ] = true;
      return spec;
    },
    want: {
      refused: {
        at: "#/components/schemas/RunObject/properties/model/x-extensible-enum",
        message: /x-extensible-enum is only meaningful on a schema with an enum/,
      },
    },
  },
  {
    name: "a union of a unixtime and another number",
    given: (spec) =>
      addRunProperty(spec, "stamp", {
        anyOf: [{ type: "integer", format: "unixtime" }, { type: "number" }, { type: "null" }],
      }),
    want: {
      refused: {
        at: "#/components/schemas/RunObject/properties/stamp/anyOf",
        message: /cannot tell whether a number on the wire is a timestamp/,
      },
    },
  },
  {
    name: "if/then holding a timestamp",
    given: (spec) =>
      addRunProperty(spec, "gate", {
        type: ["object", "null"],
        if: { properties: { open: { const: true } } },
        then: { properties: { opened_at: { type: "integer", format: "unixtime" } } },
      }),
    want: {
      refused: {
        at: "#/components/schemas/RunObject/properties/gate/then",
        message: /then holds a unixtime field, which the model cannot convert there/,
      },
    },
  },
  {
    name: "an optional field without an empty value (not nullable, no list, no default)",
    given: (spec) => addRunProperty(spec, "region", { type: "string" }),
    want: {
      refused: {
        at: "#/components/schemas/RunObject/properties/region",
        message: /the optional field "region" has no reading for when a server leaves it out/,
      },
    },
  },
  {
    name: "a recursive schema: a tree of steps with timestamps",
    given: (spec) => {
      addSchema(spec, "Step", {
        type: "object",
        required: ["step_id"],
        properties: {
          step_id: { type: "string" },
          started_at: { type: ["integer", "null"], format: "unixtime" },
          sub_steps: { type: "array", items: ref("Step") },
        },
      });
      return addRunProperty(spec, "plan", nullable(ref("Step")));
    },
    want: {
      converts: {
        root: "threadRun",
        wire: (base) => ({
          ...base,
          plan: {
            step_id: "s1",
            started_at: seconds(T1),
            sub_steps: [{ step_id: "s2", started_at: seconds(T2), sub_steps: [] }],
          },
        }),
        model: {
          plan: {
            stepId: "s1",
            startedAt: at(T1),
            subSteps: [{ stepId: "s2", startedAt: at(T2), subSteps: [] }],
          },
        },
      },
    },
  },
  {
    name: "an added nullable timestamp",
    given: (spec) =>
      addRunProperty(spec, "paused_at", {
        type: ["integer", "null"],
        format: "unixtime",
        description: "When the run was paused, as Unix time in seconds; `null` otherwise.",
      }),
    want: {
      converts: {
        root: "threadRun",
        wire: (base) => ({ ...base, paused_at: seconds(T1) }),
        model: { pausedAt: at(T1) },
      },
    },
  },
  {
    name: "OpenAI's RunObject, converted to the spec's rules",
    given: () => loadSpec("test/generator/fixtures/openai-run-object.yaml"),
    want: {
      converts: {
        root: "openAIRun",
        wire: () => ({
          id: "run_abc123",
          object: "thread.run",
          created_at: 1699063290,
          assistant_id: "asst_abc123",
          thread_id: "thread_abc123",
          status: "requires_action",
          required_action: {
            type: "submit_tool_outputs",
            submit_tool_outputs: {
              tool_calls: [
                { id: "call_1", type: "function", function: { name: "f", arguments: "{}" } },
              ],
            },
          },
          last_error: null,
          expires_at: 1699063890,
          started_at: 1699063290,
          cancelled_at: null,
          failed_at: null,
          completed_at: null,
          incomplete_details: null,
          model: "gpt-4o",
          instructions: null,
          tools: [
            { type: "code_interpreter" },
            {
              type: "file_search",
              file_search: {
                max_num_results: 20,
                ranking_options: { ranker: "auto", score_threshold: 0.5 },
              },
            },
            {
              type: "function",
              function: {
                name: "f",
                description: null,
                parameters: { type: "object", properties: { order_id: { type: "string" } } },
                strict: true,
              },
            },
          ],
          metadata: { user_id: "u_1" },
          usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
          temperature: 1,
          top_p: 1,
          max_prompt_tokens: 1000,
          max_completion_tokens: 1000,
          truncation_strategy: { type: "last_messages", last_messages: 5 },
          tool_choice: { type: "function", function: { name: "f" } },
          parallel_tool_calls: true,
          response_format: {
            type: "json_schema",
            json_schema: {
              name: "out",
              description: null,
              schema: { type: "object" },
              strict: true,
            },
          },
        }),
        model: {
          createdAt: new Date(1699063290 * 1000),
          expiresAt: new Date(1699063890 * 1000),
          requiredAction: { submitToolOutputs: { toolCalls: [{ id: "call_1" }] } },
          tools: [
            { type: "code_interpreter" },
            {
              type: "file_search",
              fileSearch: {
                maxNumResults: 20,
                rankingOptions: { ranker: "auto", scoreThreshold: 0.5 },
              },
            },
            {
              type: "function",
              function: {
                parameters: { type: "object", properties: { order_id: { type: "string" } } },
              },
            },
          ],
          metadata: { user_id: "u_1" },
          toolChoice: { type: "function", function: { name: "f" } },
          responseFormat: {
            type: "json_schema",
            jsonSchema: { name: "out", schema: { type: "object" } },
          },
        },
      },
    },
  },
];
