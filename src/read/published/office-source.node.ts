// Legacy documents the archives hold — Word 97-2003 (.doc), WPS Writer (.wps), RTF — read through LibreOffice: the
// file is converted to DOCX in a private temporary folder (its own profile, so parallel reads and an open LibreOffice
// do not collide), under a time limit, and the DOCX is read as any other. No library reads these formats' tables
// well enough; LibreOffice is what the tests and `--to pdf` already drive. Node only: the browser bundle takes
// office-source.browser.ts, which says LibreOffice is needed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ReadError } from '../../model/read-report';
import { findOffice } from '../../office/office-pdf';
import { endOfficeRun, officeWorkFolder } from '../../office/office-work-folder';
import { officeSeconds } from '../time-limit';
import { KIND_NAMES, type LegacyKind } from './legacy-kinds';

/** How long one conversion may take, within the reader's own limit for these kinds (time-limit.ts). */

/** The DOCX LibreOffice makes of a legacy document, or a ReadError saying why there is none. */
export function legacyToDocx(buffer: Buffer, file: string, kind: LegacyKind): Buffer {
  const office = findOffice();
  if (!office) throw new ReadError('needsOffice', { file, kind: KIND_NAMES[kind] });
  const work = officeWorkFolder('report-legacy-');
  try {
    // A plain name: LibreOffice takes any, but the output must be found again by it.
    const input = join(work, `in.${kind}`);
    writeFileSync(input, buffer);
    const result = spawnSync(
      office,
      [
        `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        'docx:MS Word 2007 XML',
        '--outdir',
        work,
        input,
      ],
      { encoding: 'utf8', timeout: officeSeconds() * 1000, killSignal: 'SIGKILL', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const output = join(work, 'in.docx');
    if (!existsSync(output)) {
      if (result.error && /ETIMEDOUT/.test(String((result.error as NodeJS.ErrnoException).code)))
        throw new ReadError('readTimeout', { file, seconds: officeSeconds() });
      throw new ReadError('notLegacy', { file, kind: KIND_NAMES[kind] });
    }
    return readFileSync(output);
  } finally {
    endOfficeRun(work);
  }
}
