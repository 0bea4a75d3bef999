const mod = await import(process.argv[2]!);
const r = await mod.run({ tiny: process.argv.includes("--tiny") });
for (const t of r.tables) { console.log(t.title ?? ""); for (const row of t.rows) console.log("  " + row.join(" | ")); }
console.log(r.goals, r.notes);
