#!/usr/bin/env node
/**
 * The `threadrun` command: cancel runs (one, many, or every active one of a thread), get and list
 * runs, and serve the reference server. Parsing and dispatch only; each command lives in
 * commands/, exit codes in errors.ts, how the process ends in exit.ts.
 */
import { readFileSync } from "node:fs";
import { isUnsafeId } from "../ids.js";
import { createClient } from "../index.js";
import { nodeHttp } from "../node/index.js";
import { apiSettings, type ApiSettings } from "./api-settings.js";
import { parseCommandLine, unknownCommand, type Flag, type Flags } from "./args.js";
import { cancelActive } from "./commands/cancel-active.js";
import { cancelMany } from "./commands/cancel-many.js";
import { cancel } from "./commands/cancel.js";
import { get } from "./commands/get.js";
import { list } from "./commands/list.js";
import { serve, serveSettings } from "./commands/serve.js";
import type { Context } from "./context.js";
import { startDeadline } from "./deadline.js";
import { EXIT, UsageError, classify } from "./errors.js";
import { finish, toleratePipeClosed } from "./exit.js";
import { COMMANDS, commandHelp, topHelp, type CommandName } from "./help.js";
import { StderrLogger, verboseCount, verboseLevel } from "./log.js";
import { createOutput } from "./output.js";
import { rateGate } from "./rate-gate.js";
import { Traffic } from "./traffic.js";

interface Shape {
  /** Positional arguments, in order. */
  args: string[];
  /** How many of them may be left out (from the end). @default 0 */
  optional?: number;
  /** Whether the command calls the API (and so takes the API options and needs the key). */
  api: boolean;
  /** The options only it (and maybe a few others) accepts. */
  own: Flag[];
}

const SHAPES: Record<CommandName, Shape> = {
  cancel: { args: ["thread_id", "run_id"], api: true, own: ["wait"] },
  "cancel-many": {
    args: ["FILE"],
    optional: 1,
    api: true,
    own: ["wait", "concurrency", "max-rps", "journal"],
  },
  "cancel-active": { args: ["thread_id"], api: true, own: ["concurrency", "max-rps"] },
  get: { args: ["thread_id", "run_id"], api: true, own: [] },
  list: { args: ["thread_id"], api: true, own: ["limit", "order", "all"] },
  serve: {
    args: [],
    api: false,
    own: ["port", "host", "rate-limit", "cancel-delay-ms", "api-key", "seed"],
  },
};
const EVERYWHERE: Flag[] = ["help", "version"];
const API_FLAGS: Flag[] = [
  "base-url",
  "api-version",
  "json",
  "timeout-ms",
  "request-timeout-ms",
  "max-retries",
  "verbose",
];
const IDS = new Set(["thread_id", "run_id"]);

/** Runs the CLI with `argv` (without node and the script) and resolves with the exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const [name, ...args] = positionals;
  if (name === undefined) {
    if (values.help) {
      process.stdout.write(`${topHelp()}\n`);
      return EXIT.ok;
    }
    process.stderr.write(`${topHelp()}\n`);
    return EXIT.usage;
  }
  if (!Object.hasOwn(COMMANDS, name)) {
    return usage(unknownCommand(name, Object.keys(COMMANDS)).message);
  }
  const command = name as CommandName;
  if (values.help) {
    process.stdout.write(`${commandHelp(command)}\n`);
    return EXIT.ok;
  }

  const shape = SHAPES[command];
  const required = shape.args.length - (shape.optional ?? 0);
  if (args.length < required || args.length > shape.args.length) {
    const want = shape.args.map((arg, i) => (i < required ? `<${arg}>` : `[${arg}]`)).join(" ");
    return usage(
      `${command} takes ${want || "no arguments"}, got ${args.length} argument(s)`,
      command,
    );
  }
  const accepted = new Set([...EVERYWHERE, ...(shape.api ? API_FLAGS : []), ...shape.own]);
  for (const [flag, given] of Object.entries(values)) {
    if (given !== undefined && given !== false && !accepted.has(flag as Flag)) {
      return usage(`--${flag} does not apply to ${command}`, command);
    }
  }
  for (const [i, value] of args.entries()) {
    // The client refuses these too; checked here to name the argument as the user typed it.
    const id = shape.args[i]!;
    if (IDS.has(id) && isUnsafeId(value)) {
      return usage(`<${id}> must be a run or thread id, not ${JSON.stringify(value)}`, command);
    }
  }

  try {
    if (command === "serve") {
      return await serve(serveSettings(values), values["api-key"] !== undefined);
    }
    return await callApi(command, args, values);
  } catch (error) {
    const { code, message } = classify(error);
    if (code === EXIT.usage) return usage(message, command);
    process.stderr.write(`threadrun: ${message}\n`);
    return code;
  }
}

/** The commands that call the API: flags checked (before the key), then the client made. */
async function callApi(command: CommandName, args: string[], values: Flags): Promise<number> {
  // Every flag value is checked before the key, so a usage mistake is reported as one.
  const settings = apiSettings(command, args, values);
  const { maxRps } = settings;
  const apiKey = process.env["OPENAI_API_KEY"];
  if (!apiKey) {
    throw new UsageError(
      "OPENAI_API_KEY is not set: export your API key (or the token the server at --base-url expects)",
    );
  }

  const traffic = new Traffic();
  const logger = new StderrLogger();
  const client = createClient({
    apiKey,
    baseUrl: settings.baseUrl,
    apiVersion: settings.apiVersion,
    timeoutMs: settings.requestTimeoutMs,
    maxRetries: settings.maxRetries,
    // Always stderr; the level is the flags', else THREADRUN_LOG's (undefined lets it apply).
    logger,
    logLevel: verboseLevel(verboseCount(values.verbose)),
    // Counted where they leave, after the --max-rps gate: the progress shows what was sent.
    http: gated(settings)
      ? rateGate(traffic.count(nodeHttp()), maxRps!)
      : traffic.count(nodeHttp()),
  });
  const deadline = startDeadline(settings.timeoutMs);
  const ctx: Context = {
    client,
    out: createOutput(values.json),
    deadline,
    traffic,
    maxRetries: settings.maxRetries,
    logger,
  };
  try {
    switch (command) {
      case "cancel":
        return await cancel(ctx, args, { wait: values.wait });
      case "cancel-many":
        return await cancelMany(ctx, {
          ...settings.many!,
          concurrency: settings.concurrency ?? 16,
          maxRps: settings.maxRps,
        });
      case "cancel-active":
        return await cancelActive(ctx, args, {
          concurrency: settings.concurrency,
          maxRps: settings.maxRps,
        });
      case "get":
        return await get(ctx, args);
      case "list":
        return await list(ctx, args, { ...settings.query, all: values.all });
      default:
        throw new Error(`${command} does not call the API`);
    }
  } finally {
    deadline.dispose();
  }
}

/**
 * `--max-rps` is the bulk call's `maxRequestsPerSecond`: its pacer keeps the ceiling for every
 * request it sends (cancels, retries, the GETs after a refusal, cancelActive's lists). The polls of
 * `cancel-many --wait` are sent outside it, so there a gate at the sender keeps the ceiling for
 * every request of the command instead.
 */
function gated(settings: ApiSettings): boolean {
  return settings.maxRps !== undefined && settings.many?.wait === true;
}

function usage(message: string, command?: CommandName): number {
  process.stderr.write(`threadrun: ${message}\n`);
  process.stderr.write(`Run "threadrun${command ? ` ${command}` : ""} --help" for usage.\n`);
  return EXIT.usage;
}

/** The package version, from the package.json above this file (src/ or dist/src/). */
function version(): string {
  for (const up of ["../../package.json", "../../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "threadrun" && pkg.version) return pkg.version;
    } catch {
      // not this level
    }
  }
  return "unknown";
}

toleratePipeClosed(process.stdout);
toleratePipeClosed(process.stderr);
await finish(await main(process.argv.slice(2)));
