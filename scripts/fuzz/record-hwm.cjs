// Preloaded with --require by the fuzzer's whole-process runs: at exit, appends the process's peak resident set size
// in bytes to $RECORD_RSS. The peak of this process's own memory (VmHWM), not getrusage's maxRSS: Linux carries
// maxRSS over fork and exec, so a command started by a fuzzer that has grown to gigabytes would report those.
// Every process records its own: the command and each sandboxed reader it starts (they inherit NODE_OPTIONS); the
// runner adds them up, an upper bound of the tree's peak.
'use strict';
const { appendFileSync, readFileSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');

if (isMainThread && process.env.RECORD_RSS) {
  process.on('exit', () => {
    let bytes;
    try {
      const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
      if (kb) bytes = Number(kb[1]) * 1024;
    } catch {}
    bytes ??= process.resourceUsage().maxRSS * 1024;
    try {
      appendFileSync(process.env.RECORD_RSS, `${bytes}\n`);
    } catch {}
  });
}
