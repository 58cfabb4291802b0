// The adapter for SheetJS: its core build, with the codepage tables added only when an input may need them.
// The package's main entry loads those tables (dist/cpexcel.js) on every start: about 150 ms of the 200 ms SheetJS
// takes to load, and most of what one `report validate` spends. Zip workbooks (.xlsx, .ods) never use them; OLE
// containers (legacy .xls and .et, encrypted Office files) and XML or HTML spreadsheets do, and load them on arrival.
// The parsers are the same code either way: test/sheetjs-build.test.ts compares what both builds read from every kind.
import type * as SheetJS from 'xlsx';

// Loaded on first use: a module that imports this one (the DOCX reader, for its encryption check) pays nothing until
// a workbook or an OLE container arrives.
let core: typeof SheetJS | undefined;
let codepagesLoaded = false;

/** SheetJS for a zip container, whose parts are XML in UTF-8. */
export function sheetJs(): typeof SheetJS {
  core ??= require('xlsx/dist/xlsx.core.min.js') as typeof SheetJS;
  return core;
}

/** SheetJS able to decode every codepage a legacy workbook may declare. */
export function sheetJsWithCodepages(): typeof SheetJS {
  const sheetJsCore = sheetJs();
  if (!codepagesLoaded) {
    sheetJsCore.set_cptable(require('xlsx/dist/cpexcel.js'));
    codepagesLoaded = true;
  }
  return sheetJsCore;
}
