import { run } from "../bundle-size.js";
const r = await run({ tiny: true });
for (const t of r.tables) { console.log(t.title); for (const row of t.rows) console.log("  " + row.join(" | ")); }
