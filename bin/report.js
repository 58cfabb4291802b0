#!/usr/bin/env node
// Entry point of the `report` command: runs the compiled CLI and sets the exit code.

let cli;
try {
  // Before the CLI loads, so its modules come from Node's compile cache too (src/compile-cache.ts).
  require('../dist/src/compile-cache.js');
  // The reading process, for the commands that read, starts before the command line loads (src/cli/early-reader.ts).
  require('../dist/src/cli/early-reader.js').startReaderFor(process.argv);
  cli = require('../dist/src/cli/main.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND') {
    process.stderr.write(
      'report: 尚未编译，请先运行 npm install（或 npm run build）· not built yet: run npm install (or npm run build)\n',
    );
    process.exit(2);
  }
  throw error;
}
cli.main(process.argv).then(cli.endProcess);
