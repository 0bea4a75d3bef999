const t = performance.now();
await import("/work/main/dist/src/index.js");
process.stdout.write(String(performance.now() - t));
