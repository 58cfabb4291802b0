// The string functions that replaced Node built-ins in the core (issue 19): they must give what Node gave.
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { styleText } from 'node:util';
import * as zlib from 'node:zlib';
import { sha256OfBytes } from '../src/diagnostics/fingerprint';
import { fileStem, outputBaseName } from '../src/output/output-names';
import * as deflate from '../src/render/deflate';
import { painter, type Style, type StyleName } from '../src/reporters/paint';

const NAMES: StyleName[] = ['bold', 'red', 'green', 'yellow', 'gray'];
const STYLES: Style[] = [...NAMES, ['red', 'bold'], ['green', 'bold'], ['bold', 'gray'], []];

describe('painter', () => {
  it.each(STYLES.map((style) => [JSON.stringify(style), style] as const))(
    'writes %s as util.styleText does',
    (_name, style) => {
      for (const text of ['', '错误', '✖ 2 个错误', 'a b\tc'])
        expect(painter(true)(style, text)).toBe(
          (styleText as (style: Style, text: string, options: object) => string)(style, text, {
            validateStream: false,
          }),
        );
    },
  );

  it('leaves the text alone without colour', () => {
    for (const style of STYLES) expect(painter(false)(style, '错误')).toBe('错误');
  });
});

describe('fileStem', () => {
  // path → the stem, as path.posix.basename(path, path.posix.extname(path)) gives it.
  const CASES: [string, string][] = [
    ['', ''],
    ['/', ''],
    ['//', ''],
    ['in.json', 'in'],
    ['reports/2021/淮安市.xlsx', '淮安市'],
    ['/abs/path/report.tar.gz', 'report.tar'],
    ['no-extension', 'no-extension'],
    ['dir/no-extension', 'no-extension'],
    ['dir.d/file', 'file'],
    ['.env', '.env'],
    ['dir/.hidden', '.hidden'],
    ['dir/.hidden.json', '.hidden'],
    ['trailing/slash.json/', 'slash'],
    ['trailing/slashes//', 'slashes'],
    ['a.', 'a'],
    ['.', '.'],
    ['..', '..'],
    ['...', '..'],
    ['..a', '.'],
    ['dir/..', '..'],
    ['a\\b.json', 'a\\b'],
    ['-input.json', '-input'],
  ];
  it.each(CASES)('%j → %j, as node:path', (path, stem) => {
    expect(fileStem(path)).toBe(stem);
    expect(fileStem(path)).toBe(posix.basename(path, posix.extname(path)));
  });

  it('agrees with node:path on every path of up to 7 of "a", ".", "/"', () => {
    const wrong: string[] = [];
    const walk = (path: string, depth: number): void => {
      if (fileStem(path) !== posix.basename(path, posix.extname(path))) wrong.push(path);
      if (depth > 0) for (const next of ['a', '.', '/']) walk(path + next, depth - 1);
    };
    walk('', 7);
    expect(wrong).toEqual([]);
  });

  it('names the outputs of a report without agency or year by its input', () => {
    expect(outputBaseName({}, 'some/dir/.hidden.json', false)).toBe('_hidden');
    expect(outputBaseName({}, 'some/dir/报告.json/', true)).toBe('报告（未通过检查）');
    expect(outputBaseName({}, 'noext', false)).toBe('noext');
    expect(outputBaseName({}, '/', false)).toBe('_');
  });
});

describe('the deflate of render/zip (fflate on every platform, so the page writes the DOCX build writes)', () => {
  const text = new TextEncoder().encode('<w:p><w:r><w:t>政府信息公开</w:t></w:r></w:p>'.repeat(200));

  it("inflates to the same bytes, each way with Node's zlib, with zlib's CRC-32", () => {
    expect(deflate.inflateRaw(deflate.deflateRaw(text))).toEqual(text);
    expect(new Uint8Array(zlib.inflateRawSync(deflate.deflateRaw(text)))).toEqual(text);
    expect(deflate.inflateRaw(zlib.deflateRawSync(text))).toEqual(text);
    for (const bytes of [new Uint8Array(0), text, new Uint8Array([0, 255, 128])])
      expect(deflate.crc32(bytes)).toBe(zlib.crc32(bytes));
  });
});

describe('SHA-256 in plain JavaScript (fingerprints, and the file hash on the filer’s page)', () => {
  it("gives node:crypto's digest for bytes of every length around a block's edge", () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 131 + length) & 0xff);
      expect(sha256OfBytes(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});
