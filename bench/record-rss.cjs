// Preloaded with --require: at exit, appends the process's peak resident set size in bytes to $RECORD_RSS.
'use strict';
const { appendFileSync } = require('node:fs');

process.on('exit', () => {
  // resourceUsage().maxRSS is in kilobytes.
  if (process.env.RECORD_RSS) appendFileSync(process.env.RECORD_RSS, `${process.resourceUsage().maxRSS * 1024}\n`);
});
