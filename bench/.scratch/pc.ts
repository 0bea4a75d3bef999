import { run } from "../per-call.js";
const r = await run({ tiny: true });
console.log(JSON.stringify(r.tables.map((t) => [t.title, ...t.rows.map((x) => x.join(" | "))]), null, 1));
