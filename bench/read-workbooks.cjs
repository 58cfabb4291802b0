// The baseline for `report validate` of many workbooks: a bare Node script that only reads each file with SheetJS.
'use strict';
const { readFileSync } = require('node:fs');
const XLSX = require('xlsx');

for (const file of process.argv.slice(2)) XLSX.read(readFileSync(file), { type: 'buffer' });
