// PDF through LibreOffice: the DOCX converted by `soffice --headless`, each run with its own profile folder so
// parallel runs (and a LibreOffice the user has open) do not collide.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The LibreOffice program: $REPORT_SOFFICE, else `soffice` or `libreoffice` on PATH; undefined when none is. */
export function findOffice(): string | undefined {
  const given = process.env.REPORT_SOFFICE;
  if (given) return isExecutable(given) ? given : undefined;
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = join(directory, name);
      if (directory && isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export class OfficeFailed extends Error {}

/**
 * PDFs of DOCX files, converted in one LibreOffice run in a private temporary folder: `docx` maps a name to the file
 * to convert; the result maps the same name to the PDF's bytes. Nothing is written next to the inputs.
 */
export function convertDocxToPdf(office: string, docx: ReadonlyMap<string, string>): Map<string, Buffer> {
  const work = mkdtempSync(join(tmpdir(), 'report-pdf-'));
  try {
    const inputs: string[] = [];
    let index = 0;
    for (const path of docx.values()) {
      // Plain ASCII names inside the folder: LibreOffice takes any name, but the PDF must be found again by it.
      const input = join(work, `${index++}.docx`);
      copyFileSync(path, input);
      inputs.push(input);
    }
    const result = spawnSync(
      office,
      [
        `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        ...inputs,
      ],
      { encoding: 'utf8', timeout: 120_000 + 10_000 * inputs.length },
    );
    const pdfs = new Map<string, Buffer>();
    [...docx.keys()].forEach((name, position) => {
      const pdf = join(work, `${basename(inputs[position] as string, '.docx')}.pdf`);
      if (!existsSync(pdf)) {
        const detail = result.error?.message ?? (result.stderr || result.stdout || `exit ${result.status}`).trim();
        throw new OfficeFailed(detail);
      }
      pdfs.set(name, readFileSync(pdf));
    });
    return pdfs;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
