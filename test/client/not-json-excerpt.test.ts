/**
 * A 200 whose body is not JSON (a proxy's HTML page, a cut body): the InvalidResponseError quotes
 * the start of the body on one line, so a log line stays short and still shows what came back.
 */
import { describe, expect, it } from "vitest";
import { InvalidResponseError } from "../../src/index.js";
import { clientFor, rejection } from "../support/client.js";
import { startServer } from "../support/scripted-server.js";

const PAGE = `\n\n  <html>\n\t<body>\n    <h1>Gateway   says hello</h1>\n${"<p>filler</p>\n".repeat(200)}</body></html>\n`;

describe("a 200 that is not JSON", () => {
  it("is quoted from its start, whitespace folded, cut to 80 characters", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(PAGE);
    });
    const error = await rejection(clientFor(server).runs.get("t", "r"));
    expect(error).toBeInstanceOf(InvalidResponseError);
    const folded = PAGE.replace(/\s+/g, " ").trim();
    expect((error as Error).message).toContain(
      `the body is not JSON: ${JSON.stringify(folded.slice(0, 80))}`,
    );
    expect((error as Error).message).not.toMatch(/[\n\t]/);
    expect((error as Error).message).not.toContain("</body>");
    expect(server.requests).toHaveLength(1);
  });

  it("a body of only whitespace is called empty", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(" \n\t ");
    });
    const error = await rejection(clientFor(server).runs.get("t", "r"));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain("the body is empty, expected JSON");
  });
});
