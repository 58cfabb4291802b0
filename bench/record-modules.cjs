// Preloaded with --require: at exit, appends the paths of every module loaded to $RECORD_MODULES, one JSON line per
// thread (the main thread and each worker that ends by itself), for the start-up test.
'use strict';
const { appendFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.RECORD_MODULES)
    appendFileSync(process.env.RECORD_MODULES, `${JSON.stringify(Object.keys(require.cache))}\n`);
});
