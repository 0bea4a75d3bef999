/** The --help texts: top level and per command. Exit codes are part of the contract. */

const GLOBAL = `Global options:
  --base-url <url>       API root (default: $OPENAI_BASE_URL, else https://api.openai.com/v1)
  --api-version <v>      send ?api-version=<v> on every request (Azure AI Agents)
  --json                 print the result on stdout as JSON (wire form: snake_case, Unix seconds)
  --timeout-ms <ms>      time limit of each request, and of the whole wait with --wait
  -h, --help             show help (also after a command: threadrun cancel --help)
  -v, --version          print the version

Environment:
  OPENAI_API_KEY         the API key or bearer token (required)
  OPENAI_BASE_URL        default for --base-url

Output: human-readable lines and live status go to stderr; stdout carries only --json output.

Exit codes:
  0  ok
  1  the API answered an error, or the network failed
  2  usage error: bad arguments, a bad id, OPENAI_API_KEY not set
  3  with --wait: the run ended but not as cancelled (e.g. it completed before the cancel landed)
  4  timeout (--timeout-ms)`;

export const COMMANDS = {
  cancel: {
    usage: "threadrun cancel <thread_id> <run_id> [--wait]",
    text: `Cancels a run. The server answers "cancelling"; with --wait, polls until the run has
stopped and shows each status change (status: cancelling → cancelled).

Options:
  --wait                 wait until the run is terminal; exit 3 if it ended other than cancelled`,
  },
  "cancel-active": {
    usage: "threadrun cancel-active <thread_id>",
    text: `Cancels every run of the thread that has not ended, across all pages, and waits until
each one has stopped. When it exits 0, no run on the thread is active. --json prints an array of
the runs it stopped.`,
  },
  get: {
    usage: "threadrun get <thread_id> <run_id>",
    text: "Retrieves a run.",
  },
  list: {
    usage: "threadrun list <thread_id> [--limit N] [--order asc|desc] [--all]",
    text: `Lists the runs of a thread, newest first by default. --json prints an array of runs.

Options:
  --limit <N>            runs per page, 1 to 100 (default 20)
  --order <asc|desc>     creation order (default desc)
  --all                  follow every page instead of printing only the first`,
  },
} as const;

export type CommandName = keyof typeof COMMANDS;

export function topHelp(): string {
  const list = Object.values(COMMANDS)
    .map((c) => `  ${c.usage}`)
    .join("\n");
  return `threadrun: cancel Assistants-style runs and wait until they have stopped.

Usage:
${list}

${GLOBAL}`;
}

export function commandHelp(name: CommandName): string {
  const command = COMMANDS[name];
  return `Usage: ${command.usage}

${command.text}

${GLOBAL}`;
}
