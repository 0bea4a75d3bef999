/**
 * `threadrun/testing`: an in-memory reference server for the runs API, for integration tests,
 * demos and benchmarks. Node only.
 * @module threadrun/testing
 */
export { startRunsServer } from "./server.js";
export type { RunsServer } from "./server.js";
export type { RunsServerOptions } from "./options.js";
export type { AdminOptions } from "./admin.js";
export type { CreateRunInit } from "./factory.js";
export type { ChaosOptions, Fault, FaultMatch, Operation } from "./faults.js";
export type { RateLimitOptions } from "./rate-limit.js";
export type { RecordedRequest, RunsServerStats } from "./recorder.js";
export { CANCELLABLE_STATUSES, TERMINAL_STATUSES } from "./wire.js";
export type {
  RunStatus,
  WireError,
  WireRun,
  WireRunList,
  WireToolCall,
  WireUsage,
} from "./wire.js";
