// The real programs that make published files: LibreOffice converts (one call per batch and target, since it is slow
// to start), Chromium prints HTML to PDF (one browser for every print), poppler copies a PDF's text and drops pages.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OfficeJob {
  input: Buffer;
  inputExt: string;
  /** The --convert-to argument: `pdf`, `docx:"MS Word 2007 XML"`, `doc:"MS Word 97"`, `rtf`. */
  to: string;
  outExt: string;
  /** --infilter, e.g. `HTML (StarWriter)` so an HTML page opens in Writer rather than Writer/Web. */
  infilter?: string;
}

const toolCache = new Map<string, boolean>();
export function hasTool(command: string): boolean {
  let found = toolCache.get(command);
  if (found === undefined) {
    found = spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
    toolCache.set(command, found);
  }
  return found;
}

/** Converts every job with LibreOffice: one soffice call per (target, input filter). Returns outputs in job order. */
export function officeConvert(jobs: readonly OfficeJob[]): (Buffer | Error)[] {
  const results: (Buffer | Error)[] = jobs.map(() => new Error('not converted'));
  const root = mkdtempSync(join(tmpdir(), 'world-office-'));
  try {
    const batches = new Map<string, number[]>();
    jobs.forEach((job, index) => {
      const key = `${job.to}\u0000${job.infilter ?? ''}`;
      const list = batches.get(key) ?? [];
      list.push(index);
      batches.set(key, list);
    });
    let batchNumber = 0;
    for (const [key, indexes] of batches) {
      const [to = 'pdf', infilter = ''] = key.split('\u0000');
      const dir = join(root, `batch${batchNumber++}`);
      const out = join(dir, 'out');
      mkdirSync(out, { recursive: true });
      const files = indexes.map((index) => {
        const job = jobs[index] as OfficeJob;
        const path = join(dir, `job${index}.${job.inputExt}`);
        writeFileSync(path, job.input);
        return path;
      });
      const args = [
        `-env:UserInstallation=file://${join(root, 'profile')}`,
        '--headless',
        '--norestore',
        ...(infilter ? [`--infilter=${infilter}`] : []),
        '--convert-to',
        to,
        '--outdir',
        out,
        ...files,
      ];
      const run = spawnSync('soffice', args, { encoding: 'utf8', timeout: 600_000 });
      for (const index of indexes) {
        const job = jobs[index] as OfficeJob;
        const path = join(out, `job${index}.${job.outExt}`);
        results[index] = existsSync(path)
          ? readFileSync(path)
          : new Error(`soffice made no ${job.outExt} (status ${run.status}): ${run.stderr.slice(0, 300)}`);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return results;
}

export interface PrintJob {
  html: string;
  landscape?: boolean;
  /** CSS page format: A4 by default. */
  format?: 'A4' | 'A3';
  scale?: number;
}

/** Prints every page with one headless Chromium. Returns PDFs in job order. */
export async function chromiumPrint(jobs: readonly PrintJob[]): Promise<(Buffer | Error)[]> {
  if (jobs.length === 0) return [];
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const results: (Buffer | Error)[] = [];
  try {
    const page = await browser.newPage();
    for (const job of jobs) {
      try {
        await page.setContent(job.html, { waitUntil: 'load' });
        const pdf = await page.pdf({
          format: job.format ?? 'A4',
          landscape: job.landscape ?? false,
          printBackground: true,
          scale: job.scale ?? 1,
          margin: { top: '20mm', bottom: '20mm', left: '15mm', right: '15mm' },
        });
        results.push(Buffer.from(pdf));
      } catch (error) {
        results.push(error instanceof Error ? error : new Error(String(error)));
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

function withTemp<T>(bytes: Buffer, ext: string, work: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'world-pdf-'));
  try {
    const path = join(dir, `in.${ext}`);
    writeFileSync(path, bytes);
    return work(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text a PDF viewer copies (pdftotext, with or without -layout), page by page. */
export function pdfPages(pdf: Buffer, options: { layout?: boolean; raw?: boolean } = {}): string[] {
  return withTemp(pdf, 'pdf', (path) => {
    const args = [...(options.layout ? ['-layout'] : []), ...(options.raw ? ['-raw'] : []), path, '-'];
    const run = spawnSync('pdftotext', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
    const pages = run.stdout.split('\f');
    if (pages.length > 1 && pages[pages.length - 1]?.trim() === '') pages.pop();
    return pages;
  });
}

/** The first `keep` pages of a PDF (pdfseparate + pdfunite). */
export function keepPages(pdf: Buffer, keep: number): Buffer {
  return withTemp(pdf, 'pdf', (path, dir) => {
    const split = spawnSync('pdfseparate', ['-l', String(keep), path, join(dir, 'p%d.pdf')]);
    if (split.status !== 0) throw new Error(`pdfseparate failed: ${split.stderr}`);
    const pages = readdirSync(dir)
      .filter((name) => /^p\d+\.pdf$/.test(name))
      .sort((a, b) => Number(a.slice(1, -4)) - Number(b.slice(1, -4)))
      .map((name) => join(dir, name));
    if (pages.length === 1) return readFileSync(pages[0] as string);
    const out = join(dir, 'kept.pdf');
    const unite = spawnSync('pdfunite', [...pages, out]);
    if (unite.status !== 0) throw new Error(`pdfunite failed: ${unite.stderr}`);
    return readFileSync(out);
  });
}
