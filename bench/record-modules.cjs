// Preloaded with --require: at exit, writes the paths of every loaded module to $RECORD_MODULES (used by the start-up test).
'use strict';
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.RECORD_MODULES) writeFileSync(process.env.RECORD_MODULES, JSON.stringify(Object.keys(require.cache)));
});
