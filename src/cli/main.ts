#!/usr/bin/env node
/**
 * The `threadrun` command: cancel runs (and wait until they have stopped), clear a thread, get and
 * list runs. Parsing and dispatch only; each command lives in commands/, exit codes in errors.ts.
 */
import { readFileSync } from "node:fs";
import { createClient } from "../index.js";
import { duration, httpUrl, nonEmptyString } from "../validate.js";
import { numberFlag, parseCommandLine, unknownCommand } from "./args.js";
import { cancelActive } from "./commands/cancel-active.js";
import { cancel } from "./commands/cancel.js";
import { get } from "./commands/get.js";
import { list, listQuery } from "./commands/list.js";
import { EXIT, UsageError, classify } from "./errors.js";
import { COMMANDS, commandHelp, topHelp, type CommandName } from "./help.js";
import { createOutput } from "./output.js";

/** Arguments each command takes, and the options only it accepts. */
const SHAPES: Record<CommandName, { ids: string[]; own: string[] }> = {
  cancel: { ids: ["thread_id", "run_id"], own: ["wait"] },
  "cancel-active": { ids: ["thread_id"], own: [] },
  get: { ids: ["thread_id", "run_id"], own: [] },
  list: { ids: ["thread_id"], own: ["limit", "order", "all"] },
};
const COMMAND_ONLY = ["wait", "limit", "order", "all"];

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
  if (args.length !== shape.ids.length) {
    const want = shape.ids.map((id) => `<${id}>`).join(" ");
    return usage(`${command} takes ${want}, got ${args.length} argument(s)`, command);
  }
  for (const option of COMMAND_ONLY) {
    const given = values[option as keyof typeof values];
    if (given !== undefined && given !== false && !shape.own.includes(option)) {
      return usage(`--${option} does not apply to ${command}`, command);
    }
  }
  for (const [i, id] of shape.ids.entries()) {
    // The client refuses these too; checked here to name the argument as the user typed it.
    const value = args[i]!;
    if (value === "" || value === "." || value === "..") {
      return usage(`<${id}> must be a run or thread id, not ${JSON.stringify(value)}`, command);
    }
  }

  const out = createOutput(values.json);
  try {
    // Every flag value is checked before the key, so a usage mistake is reported as one.
    const timeoutMs =
      values["timeout-ms"] === undefined
        ? undefined
        : duration(numberFlag(values["timeout-ms"]), "--timeout-ms", 0);
    const apiVersion = nonEmptyString(values["api-version"], "--api-version", undefined);
    const baseUrl = values["base-url"] ?? process.env["OPENAI_BASE_URL"];
    if (baseUrl !== undefined) {
      httpUrl(baseUrl, values["base-url"] !== undefined ? "--base-url" : "OPENAI_BASE_URL");
    }
    const query = command === "list" ? listQuery(values) : {};
    const apiKey = process.env["OPENAI_API_KEY"];
    if (!apiKey) {
      throw new UsageError(
        "OPENAI_API_KEY is not set: export your API key (or the token the server at --base-url expects)",
      );
    }
    const client = createClient({ apiKey, baseUrl, apiVersion, timeoutMs });
    switch (command) {
      case "cancel":
        return await cancel(client, out, args, { wait: values.wait, timeoutMs });
      case "cancel-active":
        return await cancelActive(client, out, args, { timeoutMs });
      case "get":
        return await get(client, out, args);
      case "list":
        return await list(client, out, args, { ...query, all: values.all });
    }
  } catch (error) {
    const { code, message } = classify(error);
    process.stderr.write(`threadrun: ${message}\n`);
    if (code === EXIT.usage) process.stderr.write(`Run "threadrun ${command} --help" for usage.\n`);
    return code;
  }
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

// Exit once stdout has drained: piped output must not be cut short, and keep-alive sockets
// must not hold the process open.
const code = await main(process.argv.slice(2));
process.stdout.write("", () => process.exit(code));
