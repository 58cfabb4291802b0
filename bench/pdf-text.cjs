// Baseline for `npm run bench`: pdfjs's own text extraction of a PDF (every page's text content), nothing else.
const { readFileSync } = require('node:fs');

async function main() {
  const pdfjs = require('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(process.argv[2])),
    isEvalSupported: false,
    verbosity: 0,
    useSystemFonts: false,
  }).promise;
  let items = 0;
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    items += (await page.getTextContent()).items.length;
  }
  await document.destroy();
  process.stdout.write(`${items}\n`);
}

main();
