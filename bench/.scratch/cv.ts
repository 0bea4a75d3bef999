import { run } from "../convert.js";
const r = await run({ tiny: process.argv.includes("--tiny") });
console.log(JSON.stringify(r.tables[0]!.rows), r.method);
