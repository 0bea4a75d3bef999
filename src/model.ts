/**
 * The model layer chosen for the public API: camelCase run types with Date timestamps, generated
 * from the spec, and converters that report a malformed wire value as InvalidResponseError.
 */
import {
  WireShapeError,
  runStatusTerminalValues,
  threadRunFromWire,
  threadRunToWire,
  type RunStatus,
  type ThreadRun,
  type Wire,
} from "../generated/model.js";
import { InvalidResponseError, type ResponseContext } from "./errors/invalid-response-error.js";

export type {
  CodeInterpreterTool,
  CodeInterpreterToolResources,
  FileSearchRankingOptions,
  FileSearchTool,
  FileSearchToolOptions,
  FileSearchToolResources,
  FunctionDefinition,
  FunctionParameters,
  FunctionTool,
  JsonSchemaFormat,
  Metadata,
  RequiredAction,
  ResponseFormat,
  ResponseFormatJsonObject,
  ResponseFormatJsonSchema,
  ResponseFormatText,
  RunIncompleteDetails,
  RunLastError,
  RunStatus,
  RunToolCall,
  RunToolCallFunction,
  RunUsage,
  SubmitToolOutputsAction,
  ThreadRun,
  Tool,
  ToolChoice,
  ToolChoiceFunction,
  ToolChoiceObject,
  ToolResources,
  TruncationStrategy,
} from "../generated/model.js";
export {
  runStatusValues as RUN_STATUSES,
  runStatusTerminalValues as TERMINAL_RUN_STATUSES,
} from "../generated/model.js";

/**
 * A run as it travels on the wire: snake_case JSON, Unix seconds.
 * @category Model types
 */
export type WireRun = Wire<"RunObject">;
/**
 * A page of `listRuns` as it travels on the wire.
 * @category Model types
 */
export type WireRunList = Wire<"ListRunsResponse">;
/**
 * The error body every error answer carries.
 * @category Model types
 */
export type WireErrorBody = Wire<"ErrorResponse">;

const terminal: ReadonlySet<string> = new Set(runStatusTerminalValues);

/**
 * Whether nothing will change any more for a run in this status: `cancelled`, `failed`,
 * `completed`, `incomplete` or `expired`. `cancelling` is not terminal, and neither is a status
 * this version does not know (a newer server's), so waiting goes on rather than stopping early.
 * @category Model types
 */
export function isTerminalStatus(status: RunStatus): boolean {
  return terminal.has(status);
}

/**
 * Converts a wire run (snake_case JSON, Unix seconds) into a {@link ThreadRun}. Fields this version
 * does not know are kept under their wire names; metadata keys and JSON schemas are never renamed.
 * @throws {@link InvalidResponseError} naming the field when the value is not a run.
 * @category Model types
 */
export function runFromWire(wire: unknown): ThreadRun {
  return convertRun(wire, "", undefined);
}

/**
 * Converts a {@link ThreadRun} back into its wire form: the inverse of {@link runFromWire}.
 * @category Model types
 */
export function runToWire(run: ThreadRun): WireRun {
  return threadRunToWire(run);
}

/** Converts a run found at `path` of an answer, reporting a bad shape against that answer. */
export function convertRun(
  wire: unknown,
  path: string,
  response: ResponseContext | undefined,
): ThreadRun {
  try {
    return threadRunFromWire(wire, path);
  } catch (error) {
    if (!(error instanceof WireShapeError)) throw error;
    return invalid(error, response);
  }
}

function invalid(error: WireShapeError, response: ResponseContext | undefined): never {
  throw new InvalidResponseError(error.message, {
    field: error.path,
    ...(response ? { response } : {}),
    cause: error,
  });
}
