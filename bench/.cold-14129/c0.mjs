const t = performance.now();
process.stdout.write(String(performance.now() - t));
