const t = performance.now();
await import("/work/main/bench/.cold-14129/threadrun.mjs");
process.stdout.write(String(performance.now() - t));
