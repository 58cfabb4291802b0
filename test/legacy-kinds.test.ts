// The kinds government archives hold beside DOCX and PDF: Word 97-2003 (.doc), WPS (.wps) and RTF written by
// LibreOffice from our own DOCX, read back through LibreOffice; web archives (.mht, .mhtml) built by hand as browsers
// save them (MIME parts, quoted-printable or base64, a charset); a page a CMS saved under .doc. Each imports with the
// guarantee: every figure in its place, verdict `ok`.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertWithOffice, readJsonFixture, runCli, scratch, toolAvailable } from './helpers';

const dir = scratch('report-legacy-');
const example = readJsonFixture('example-2021');

/** Our page of the example, without the JSON it embeds: only its visible tables can be read. */
function builtPage(): string {
  const out = join(dir, 'built');
  runCli(['build', join(dir, 'example.json'), '--to', 'html,docx', '-o', out]);
  const html = readFileSync(join(out, '某市商务局2025年政府信息公开工作年度报告.html'), 'utf8');
  return html.replace(/<script type="application\/json"[\s\S]*?<\/script>/, '');
}

function importOf(path: string): { code: number | null; model: Record<string, unknown>; stderr: string } {
  const json = `${path}.json`;
  const run = runCli(['import', path, '-o', json, '--lang', 'en']);
  return { code: run.code, stderr: run.stderr, model: run.code === 2 ? {} : JSON.parse(readFileSync(json, 'utf8')) };
}

beforeAll(() => {
  writeFileSync(join(dir, 'example.json'), JSON.stringify(example));
});

describe('web archives', () => {
  const mime = (encoding: 'base64' | 'quoted-printable', charset: string, body: Buffer) => {
    const part =
      encoding === 'base64' ? (body.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n') : quotedPrintable(body);
    return Buffer.from(
      [
        'From: <Saved by Blink>',
        'Subject: 某市商务局2025年政府信息公开工作年度报告',
        'MIME-Version: 1.0',
        'Content-Type: multipart/related; type="text/html"; boundary="----MultipartBoundary--abc"',
        '',
        '------MultipartBoundary--abc',
        `Content-Type: text/html; charset="${charset}"`,
        `Content-Transfer-Encoding: ${encoding}`,
        'Content-Location: https://www.example.gov.cn/zfxxgk/ndbg/2025.html',
        '',
        part,
        '------MultipartBoundary--abc',
        'Content-Type: image/png',
        'Content-Transfer-Encoding: base64',
        '',
        'iVBORw0KGgo=',
        '------MultipartBoundary--abc--',
        '',
      ].join('\r\n'),
      'latin1',
    );
  };

  test.each([
    ['.mhtml', 'quoted-printable'],
    ['.mht', 'base64'],
  ] as const)('a page saved as %s (%s) imports whole', (extension, encoding) => {
    const page = Buffer.from(builtPage(), 'utf8');
    const path = join(dir, `saved${extension}`);
    writeFileSync(path, mime(encoding, 'utf-8', page));
    const { code, model } = importOf(path);
    expect(code).toBe(0);
    expect(model.requests).toEqual(example.requests);
    expect(model.appeals).toEqual(example.appeals);
  });

  test('a page a CMS saved under .doc is read as the page it is (no LibreOffice needed)', () => {
    const path = join(dir, 'page.doc');
    writeFileSync(path, builtPage());
    const run = runCli(['import', path, '-o', `${path}.json`, '--lang', 'en'], {
      env: { REPORT_SOFFICE: join(dir, 'no-such-soffice') },
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(`${path}.json`, 'utf8')).requests).toEqual(example.requests);
  });
});

const describeWithOffice = toolAvailable('soffice', 'reading .doc, .wps and .rtf written by LibreOffice')
  ? describe
  : describe.skip;

describeWithOffice('documents written by LibreOffice', () => {
  const office = join(dir, 'office');
  beforeAll(() => {
    builtPage();
    mkdirSync(office, { recursive: true });
    copyFileSync(join(dir, 'built', '某市商务局2025年政府信息公开工作年度报告.docx'), join(office, 'report.docx'));
    convertWithOffice(office, 'doc', [join(office, 'report.docx')]);
    convertWithOffice(office, 'rtf', [join(office, 'report.docx')]);
    // Kingsoft's .wps of WPS Writer is Word's binary format under another name, as archives hold it.
    copyFileSync(join(office, 'report.doc'), join(office, 'copy.doc'));
    renameSync(join(office, 'copy.doc'), join(office, 'report.wps'));
  }, 180_000);

  test.each(['report.doc', 'report.rtf', 'report.wps'])(
    '%s imports every figure in its place',
    (name) => {
      const { code, model, stderr } = importOf(join(office, name));
      expect(stderr).not.toMatch(/internal error/);
      expect(code).toBe(0);
      expect(model.agency).toBe(example.agency);
      expect(model.requests).toEqual(example.requests);
      expect(model.appeals).toEqual(example.appeals);
      expect(model.proactive).toEqual(example.proactive);
    },
    60_000,
  );
});

/** Quoted-printable as browsers write it: lines of at most 76, `=` soft breaks, bytes past ASCII as `=XX`. */
function quotedPrintable(bytes: Buffer): string {
  const lines: string[] = [];
  let line = '';
  for (const byte of bytes) {
    if (byte === 0x0a) {
      lines.push(line);
      line = '';
      continue;
    }
    const piece =
      byte === 0x3d || byte > 0x7e || (byte < 0x20 && byte !== 0x09)
        ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}`
        : String.fromCharCode(byte);
    if (line.length + piece.length > 75) {
      lines.push(`${line}=`);
      line = '';
    }
    line += piece;
  }
  lines.push(line);
  return lines.join('\r\n');
}

describe('a LibreOffice whose worker outlives its launcher', () => {
  // `soffice` is a launcher that runs soffice.bin as its child: the time limit kills the launcher, and the worker it
  // left must be stopped and its folder removed (it once kept writing there, and the removal failed as an internal
  // error). This fake launcher starts a worker that writes into --outdir without end, then waits past the limit.
  test('the worker is stopped, the folder removed, and the input is said to have run out of time', () => {
    const temporary = join(dir, 'tmp-stray');
    mkdirSync(temporary);
    const launcher = join(dir, 'fake-soffice');
    writeFileSync(
      launcher,
      [
        '#!/bin/sh',
        'for a; do [ "$prev" = --outdir ] && out="$a"; prev="$a"; done',
        'sh -c \'while :; do touch "$1/stray-$(date +%N)"; sleep 0.02; done\' worker "$out" &',
        'sleep 60',
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    const input = join(dir, 'stray.rtf');
    writeFileSync(input, '{\\rtf1 report}');
    const run = runCli(['import', input, '-o', `${input}.json`, '--timeout', '3', '--lang', 'en'], {
      env: { REPORT_SOFFICE: launcher, TMPDIR: temporary },
    });
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.stderr).toMatch(/took longer than 2 s to read/);
    expect(run.code).toBe(2);
    expect(readdirSync(temporary).filter((name) => name.startsWith('report-legacy-'))).toEqual([]);
    const strays = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((entry) => {
        try {
          return readFileSync(join('/proc', entry, 'cmdline'), 'latin1').includes(temporary);
        } catch {
          return false;
        }
      });
    expect(strays).toEqual([]);
  });
});
