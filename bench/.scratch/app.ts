import { createClient } from "../../src/index.ts";
const client = createClient({ apiKey: "sk-test", baseUrl: "https://example.com/v1" });
const run = await client.runs.cancel("thread_abc", "run_abc");
console.log(run.status);
