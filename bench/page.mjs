// The filer's page (issue 21): its size, its start (page opened to its worker ready) and its time from a file picked
// to the result shown, for the example workbook, in headless Chromium from file:// with every other request refused.
// `node bench/page.mjs` prints them; bench/run.mjs takes them as targets (under 3 MB; a result within 1 s).
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';
const PAGE = join(root, 'dist', 'page', 'report-page.html');

/** The page's figures, or undefined (said on stderr) when Chromium or the built page is missing. */
export async function benchPage(runs = Number(process.env.BENCH_PAGE_RUNS ?? 20)) {
  if (!existsSync(CHROMIUM) || !existsSync(PAGE)) {
    process.stderr.write(`*** SKIPPED: the filer's page — ${existsSync(PAGE) ? CHROMIUM : PAGE} is missing ***\n`);
    return undefined;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const url = pathToFileURL(PAGE).href;
    const context = await browser.newContext();
    let requests = 0;
    await context.route('**/*', (route) => {
      if (route.request().url() === url) return route.continue();
      requests++;
      return route.abort();
    });
    const page = await context.newPage();
    const opened = performance.now();
    await page.goto(url);
    await page.waitForSelector('body[data-state=ready]');
    const readyMs = performance.now() - opened;
    const workbooks = ['example-2021.xlsx', 'example-2021.json'].map((name) => join(root, 'fixtures', name));
    const times = [];
    for (let run = 1; run <= runs + 1; run++) {
      await page.setInputFiles('#file', workbooks[run % 2 === 1 ? 0 : 1]);
      await page.waitForSelector(`body[data-run="${run}"]`);
      // Only the workbook's runs: the first, cold, apart; the JSON runs between them keep each pick a change.
      if (run % 2 === 1) times.push(Number(await page.getAttribute('body', 'data-ms')));
    }
    const [first, ...warm] = times;
    warm.sort((a, b) => a - b);
    return {
      sizeBytes: statSync(PAGE).size,
      readyMs,
      firstMs: first,
      medianMs: warm[Math.floor(warm.length / 2)],
      p90Ms: warm[Math.min(warm.length - 1, Math.floor(warm.length * 0.9))],
      requests,
    };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await benchPage();
  if (figures) {
    process.stdout.write(
      `filer's page: ${(figures.sizeBytes / 1024).toFixed(0)} KB; ready in ${figures.readyMs.toFixed(0)} ms; ` +
        `example-2021.xlsx picked → result: first ${figures.firstMs} ms, then median ${figures.medianMs} ms, ` +
        `p90 ${figures.p90Ms} ms; requests refused: ${figures.requests}\n`,
    );
  }
}
