// The baseline for `report validate`: a bare Node script that only reads the same workbook with SheetJS.
'use strict';
const { readFileSync } = require('node:fs');
const XLSX = require('xlsx');

XLSX.read(readFileSync(process.argv[2]), { type: 'buffer' });
