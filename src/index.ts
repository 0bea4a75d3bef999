/**
 * threadrun: cancel Assistants-style runs safely, wait until they have stopped, retry wisely and
 * fail clearly. The public API, chosen name by name; web APIs only (fetch, URL, AbortSignal), so
 * it runs in Node >= 20.19 and in browsers.
 * @packageDocumentation
 * @module threadrun
 */
export { createClient, type ThreadRunClient } from "./client.js";
export type { ApiKey, ClientOptions, RequestOptions } from "./options.js";
// `Runs` is the type of `client.runs`, exported so that code can name it; instances come from
// createClient only.
export type { Runs } from "./runs.js";
export type { ListRunsOptions, RunList, RunPage } from "./list.js";
export type { WaitOptions } from "./wait.js";
export type {
  CancelItem,
  CancelManyOptions,
  CancelProgress,
  CancelResult,
} from "./bulk-options.js";
export type { CancelActiveOptions } from "./cancel-active-options.js";
export type { RawClient } from "./raw.js";
export type { HttpAnswer, HttpSender, HttpSenderInit } from "./http-sender.js";
export { responseInfo, type AttemptRecord, type ResponseInfo } from "./response-info.js";
export type { ClientHooks, DelaySource, RequestEvent, ResponseEvent, RetryEvent } from "./hooks.js";
export type { Logger, LogLevel } from "./logging.js";

export {
  RUN_STATUSES,
  TERMINAL_RUN_STATUSES,
  isTerminalStatus,
  runFromWire,
  runToWire,
  type CodeInterpreterTool,
  type CodeInterpreterToolResources,
  type FileSearchRankingOptions,
  type FileSearchTool,
  type FileSearchToolOptions,
  type FileSearchToolResources,
  type FunctionDefinition,
  type FunctionParameters,
  type FunctionTool,
  type JsonSchemaFormat,
  type Metadata,
  type RequiredAction,
  type ResponseFormat,
  type ResponseFormatJsonObject,
  type ResponseFormatJsonSchema,
  type ResponseFormatText,
  type RunIncompleteDetails,
  type RunLastError,
  type RunStatus,
  type RunToolCall,
  type RunToolCallFunction,
  type RunUsage,
  type SubmitToolOutputsAction,
  type ThreadRun,
  type Tool,
  type ToolChoice,
  type ToolChoiceFunction,
  type ToolChoiceObject,
  type ToolResources,
  type TruncationStrategy,
  type WireErrorBody,
  type WireRun,
  type WireRunList,
} from "./model.js";

export { ThreadRunError } from "./errors/threadrun-error.js";
export { ApiError, type ApiErrorInit } from "./errors/api-error.js";
export { BadRequestError } from "./errors/bad-request-error.js";
export { AuthenticationError } from "./errors/authentication-error.js";
export { PermissionDeniedError } from "./errors/permission-denied-error.js";
export { NotFoundError } from "./errors/not-found-error.js";
export { ConflictError } from "./errors/conflict-error.js";
export { UnprocessableEntityError } from "./errors/unprocessable-entity-error.js";
export { RateLimitError } from "./errors/rate-limit-error.js";
export { InternalServerError } from "./errors/internal-server-error.js";
export { ConnectionError } from "./errors/connection-error.js";
export { TimeoutError } from "./errors/timeout-error.js";
export { CancelActiveError, type CancelActiveFailure } from "./errors/cancel-active-error.js";
export { InvalidResponseError, type ResponseContext } from "./errors/invalid-response-error.js";
