const t = performance.now();
await import("@azure/ai-agents");
process.stdout.write(String(performance.now() - t));
