// Preloaded into each measured CLI process (node -r): when the process exits, writes its CPU time and peak
// memory to the file named by CLI_BENCH_REPORT. Plain JavaScript, so nothing is compiled in the measured process.
const { writeFileSync } = require('fs');
const started = process.hrtime.bigint();
process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(process.env.CLI_BENCH_REPORT, JSON.stringify({
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    wallMs: Number(process.hrtime.bigint() - started) / 1e6,
    maxRssMb: usage.maxRSS / 1024,
  }));
});
