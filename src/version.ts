/**
 * The package's version, sent in `User-Agent: threadrun/<version>` from Node. Kept equal to
 * package.json's by a test (test/observe/user-agent.test.ts): bump both together.
 */
export const VERSION = "0.2.0";
