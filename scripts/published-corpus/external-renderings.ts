// The renderings that need other programs: HTML pages turned into DOCX and PDF by LibreOffice (as a Word user would
// save them) and printed to PDF by Chromium (as a site's "print" button does). Batched: one LibreOffice start per format.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sample } from './import-corpus';

export const externalClasses = ['docx-libreoffice', 'pdf-libreoffice', 'pdf-chromium'] as const;

/** Fills in the bytes of DOCX and PDF samples from their HTML; samples whose program is missing stay empty. */
export async function renderExternal(
  samples: readonly Sample[],
  dir: string,
  tools: { office: boolean; chromium: boolean },
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const [cls, format] of [
    ['docx-libreoffice', 'docx:MS Word 2007 XML'],
    ['pdf-libreoffice', 'pdf'],
  ] as const) {
    const batch = samples.filter((s) => s.cls === cls && s.sourceHtml);
    if (!tools.office || batch.length === 0) continue;
    const files = batch.map((sample) => {
      const path = join(dir, `${sample.name}.html`);
      writeFileSync(path, sample.sourceHtml as string);
      return path;
    });
    const out = join(dir, cls);
    // Opened as a Writer document (not Writer/Web): what saving a page from Word or WPS gives.
    const result = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--infilter=HTML (StarWriter)',
        '--convert-to',
        format,
        '--outdir',
        out,
        ...files,
      ],
      { encoding: 'utf8', timeout: 600_000 },
    );
    if (result.status !== 0) throw new Error(`soffice --convert-to ${format} failed: ${result.stderr}`);
    for (const sample of batch) sample.bytes = readFileSync(join(out, `${sample.name}.${sample.ext}`));
  }
  const printed = samples.filter((s) => s.cls === 'pdf-chromium' && s.sourceHtml);
  if (tools.chromium && printed.length) {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      for (const sample of printed) {
        await page.setContent(sample.sourceHtml as string);
        sample.bytes = await page.pdf({
          format: 'A4',
          margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' },
        });
      }
    } finally {
      await browser.close();
    }
  }
}
