/// <reference lib="dom" />
// The core in a browser (issue 19, item 5): src/browser/core.ts bundled by esbuild for `platform: 'browser'` with no
// Node polyfills (scripts/browser-bundle.ts; a Node built-in anywhere fails the bundle), loaded into an about:blank
// page of headless Chromium with every network request refused, then `validate` of workbooks and `build` to HTML run
// there and compared with the command line's output for the same files: equal JSON, equal HTML bytes.
//
// Nothing is dropped before comparing: the JSON holds the file's name as given (the same relative name is given to
// both) and the tool's version (both from package.json), and no time; the page holds no time without --date.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { bundleBrowserCore } from '../scripts/browser-bundle';
import { fixture, ROOT, runCli, scratch, toolAvailable } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = toolAvailable(CHROMIUM, 'running the core in headless Chromium');
const describeWithChromium = hasChromium ? describe : describe.skip;

test('the core bundles for the browser with no Node built-in and no warning', async () => {
  const { code, warnings } = await bundleBrowserCore();
  expect(warnings).toEqual([]);
  expect(code.length).toBeGreaterThan(0);
  // Said in the log, for the record of what a page that loads the core pays.
  process.stdout.write(`browser core bundle: ${(code.length / 1024).toFixed(0)} KB minified\n`);
}, 120_000);

describeWithChromium('the core in headless Chromium gives what the CLI gives', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const dir = scratch('report-browser-core-');

  beforeAll(async () => {
    const { code } = await bundleBrowserCore();
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    await page.goto('about:blank');
    await page.addScriptTag({ content: code });
  }, 120_000);
  afterAll(async () => {
    // No request left the page: the core needs nothing but the bytes it is given.
    expect(requests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await browser?.close();
  });

  /** Runs a function of the bundle's `reportCore` in the page on a file's bytes (passed as base64). */
  const inPage = <T>(name: 'validate' | 'build', path: string, fileName: string, lang: string): Promise<T> =>
    page.evaluate(
      ({ name, base64, fileName, lang }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        // biome-ignore lint/suspicious/noExplicitAny: the bundle's global, defined by the injected script.
        const core = (globalThis as any).reportCore;
        return name === 'validate'
          ? core.validateWorkbookBytes(bytes, fileName, lang)
          : core
              .buildFile({ bytes, name: fileName }, 'html', { lang })
              .then((built: { refused?: string; file?: { bytes: Uint8Array } }) => ({
                refused: built.refused,
                html: built.file ? new TextDecoder().decode(built.file.bytes) : undefined,
              }));
      },
      { name, base64: readFileSync(resolve(ROOT, path)).toString('base64'), fileName, lang },
    ) as Promise<T>;

  const cliJson = (file: string, lang: string) => {
    const run = runCli(['validate', file, '--format', 'json', '--lang', lang]);
    return JSON.parse(run.stdout) as { files: { status: string; errors: number; diagnostics: unknown[] }[] };
  };

  test.each([
    ['zh', 'fixtures/example-2021.xlsx'],
    ['en', 'fixtures/example-2021.xlsx'],
  ])('validate (%s) of %s', async (lang, file) => {
    const expected = cliJson(file, lang);
    expect(expected.files[0]?.status).toBe('ok');
    expect(await inPage('validate', file, file, lang)).toEqual(expected);
  });

  test("validate of a workbook failing R301 (the example with one wrong 总计, R301's first invalid case)", async () => {
    // The example workbook with requests.newReceived.total 47 → 48, written by SheetJS (the test's own tool).
    const XLSX = require('xlsx') as typeof import('xlsx');
    const workbook = XLSX.read(readFileSync(fixture('example-2021.xlsx')), { type: 'buffer' });
    const name = workbook.Workbook?.Names?.find((entry) => entry.Name === 'requests.newReceived.total');
    const [sheet, cell] = (name?.Ref ?? '').replace(/\$/g, '').split('!') as [string, string];
    const target = workbook.Sheets[sheet.replace(/^'|'$/g, '')]?.[cell] as { v: number };
    expect(target.v).toBe(47);
    target.v = 48;
    const path = join(dir, 'r301-fail.xlsx');
    writeFileSync(path, XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const expected = cliJson(path, 'zh');
    expect(expected.files[0]?.status).toBe('invalid');
    expect(JSON.stringify(expected)).toContain('"ruleId":"R301"');
    expect(await inPage('validate', path, path, 'zh')).toEqual(expected);
  });

  test('build to HTML of fixtures/example-2021.json: the same bytes as `report build --to html`', async () => {
    const out = join(dir, 'html');
    expect(runCli(['build', 'fixtures/example-2021.json', '--to', 'html', '-o', out]).code).toBe(0);
    const [page1] = readdirSync(out).filter((name) => name.endsWith('.html'));
    const expected = readFileSync(join(out, page1 as string), 'utf8');
    const built = await inPage<{ html?: string; refused?: string }>(
      'build',
      'fixtures/example-2021.json',
      'fixtures/example-2021.json',
      'zh',
    );
    expect(built.refused).toBeUndefined();
    expect(Buffer.from(built.html ?? '', 'utf8').equals(Buffer.from(expected, 'utf8'))).toBe(true);
  });
});
