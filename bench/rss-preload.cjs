// Fallback for machines without /usr/bin/time: preloaded with `node --require`, it prints the
// process's peak RSS (KiB, process.resourceUsage().maxRSS) as the last line of stderr at exit.
process.on('exit', () => {
  process.stderr.write(`\n${process.resourceUsage().maxRSS}\n`)
})
