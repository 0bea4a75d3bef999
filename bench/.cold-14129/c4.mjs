const t = performance.now();
await import("openai");
process.stdout.write(String(performance.now() - t));
