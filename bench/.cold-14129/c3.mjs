const t = performance.now();
await import("openapi-fetch");
process.stdout.write(String(performance.now() - t));
