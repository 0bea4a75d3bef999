/**
 * An independent check that the reference server speaks the spec: Redocly's `respect` runs the
 * Arazzo workflow (get, cancel, get again) against it and validates every answer against
 * spec/openapi.yaml (status codes, content type, schema) besides the workflow's own criteria.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { serve } from "../support/reference-server.js";
import { KEY } from "../support/client.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
// The installed bin run by node directly: `npx` would add a second Node start-up to each run.
const REDOCLY = path.join(ROOT, "node_modules", ".bin", "redocly");

function respect(serverUrl: string): Promise<{ code: number; output: string }> {
  const args = [
    REDOCLY,
    "respect",
    "arazzo/cancel-run.arazzo.yaml",
    "--server",
    `runs=${serverUrl}`,
    "--input",
    "thread_id=thread_arazzo",
    "--input",
    "run_id=run_arazzo",
    "--input",
    `api_key=${KEY}`,
  ];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, output: stdout + stderr });
    });
  });
}

describe("Arazzo workflow run by redocly respect", { timeout: 90_000 }, () => {
  it("gets, cancels (cancelling) and gets again a run on the reference server", async () => {
    const server = await serve({ cancelDelayMs: 50 });
    server.createRun({ threadId: "thread_arazzo", id: "run_arazzo", status: "in_progress" });
    const { code, output } = await respect(server.url);
    expect(output).toContain("Steps: 3 passed, 3 total");
    expect(code).toBe(0);
    expect(server.run("thread_arazzo", "run_arazzo")?.status).toMatch(/^cancell(ing|ed)$/);
    // Every step carried the key from the workflow's inputs.
    expect(server.requests.map((r) => r.headers["authorization"])).toEqual(
      Array(3).fill(`Bearer ${KEY}`),
    );
  });

  it("fails when the run is not active (the check is not vacuous)", async () => {
    const server = await serve();
    server.createRun({ threadId: "thread_arazzo", id: "run_arazzo", status: "completed" });
    const { code } = await respect(server.url);
    expect(code).not.toBe(0);
  });
});
