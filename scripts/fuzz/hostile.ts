// The hostile inputs issue 7 lists, each made by code: zip bombs and lying zips, damaged workbooks, deep nesting,
// huge pages, device files, pipes. Each is a file the fuzzer (and the tests) hand to the real reading path.
import { spawnSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createDeflateRaw } from 'node:zlib';
import * as XLSX from 'xlsx';
import { makePdf, type Seed } from './seeds';
import { writeZip } from './zip-writer';

export interface HostileCase {
  name: string;
  /** Writes the input into `dir` and returns its path. */
  make: (dir: string) => string;
}

const file = (name: string, bytes: Buffer | string) => (dir: string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

export async function hostileCases(seeds: readonly Seed[]): Promise<HostileCase[]> {
  const seed = (name: string) => seeds.find((candidate) => candidate.name === name)?.bytes ?? Buffer.alloc(0);
  const xlsx = seed('example-2021.xlsx');
  const ods = seed('example-2021.ods');
  // One entry that inflates to 200 MB from a few hundred kB, declared honestly or as 1 kB; deflated once, in pieces.
  const bombSize = 200 * 1024 * 1024;
  const deflated = await deflateZeros(bombSize);
  const bomb = (declaredSize = bombSize) =>
    writeZip([
      { name: '[Content_Types].xml', content: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(0), deflated, declaredSize },
    ]);
  const damaged: HostileCase[] = [];
  for (const [name, bytes] of [
    ['xlsx', xlsx],
    ['ods', ods],
  ] as const) {
    damaged.push({ name: `${name} truncated to 409 bytes`, make: file(`damaged-409.${name}`, bytes.subarray(0, 409)) });
    for (const at of [0.1, 0.5, 0.9]) {
      const flipped = Buffer.from(bytes);
      const index = Math.floor(flipped.length * at);
      flipped[index] = (flipped[index] as number) ^ 0x10;
      damaged.push({
        name: `${name} with a bit flipped at ${at * 100}%`,
        make: file(`flipped-${at}.${name}`, flipped),
      });
    }
    damaged.push({
      name: `${name} truncated to half`,
      make: file(`half.${name}`, bytes.subarray(0, bytes.length >> 1)),
    });
  }
  const manyEntries = writeZip(
    Array.from({ length: 100_000 }, (_, n) => ({ name: `x/${n}.xml`, content: Buffer.alloc(0), stored: true })),
  );
  const xls = XLSX.write(XLSX.read(xlsx, { type: 'buffer' }), { type: 'buffer', bookType: 'biff8' }) as Buffer;
  const table = `<html><body><table>${'<tr><td>本年新收</td><td>1</td></tr>'.repeat(300_000)}</table></body></html>`;
  const bigCells = `<html><body><table>${`<tr><td>${'数'.repeat(600)}</td><td>1</td></tr>`.repeat(5500)}</table></body></html>`;
  return [
    ...damaged,
    { name: 'zip of 100,000 entries', make: file('many-entries.xlsx', manyEntries) },
    { name: 'zip bomb: 200 MB in one entry, declared', make: file('bomb.xlsx', bomb()) },
    { name: 'zip bomb: 200 MB in one entry, declared as 1 kB', make: file('bomb-lying.docx', bomb(1024)) },
    { name: 'zip bomb as .ods', make: file('bomb.ods', bomb(1024)) },
    { name: 'empty zip', make: file('empty-zip.xlsx', Buffer.from([0x50, 0x4b, 0x05, 0x06, ...Array(18).fill(0)])) },
    { name: '.xlsx that is really .xls', make: file('really-xls.xlsx', xls) },
    { name: 'image-only PDF', make: file('image-only.pdf', makePdf([], { image: true })) },
    { name: '0-byte file', make: file('zero.json', '') },
    { name: 'JSON nested 10^4 deep', make: file('deep.json', `{"edition":"2021","a":${deep(10_000)}}`) },
    { name: 'JSON nested 10^6 deep', make: file('deeper.json', `{"a":${deep(1_000_000)}}`) },
    {
      name: 'HTML of 80,000 nested divs',
      make: file('deep.html', `<html><body>${'<div>'.repeat(80_000)}x${'</div>'.repeat(80_000)}</body></html>`),
    },
    {
      name: 'our page embedding a model nested 10^5 deep',
      make: file(
        'deep-embedded.html',
        `<html><body><script id="report-data" type="application/json">{"a":${deep(100_000)}}</script></body></html>`,
      ),
    },
    { name: '10 MB page of one plain table', make: file('table.html', table) },
    { name: '10 MB page of one table with long cells', make: file('long-cells.html', bigCells) },
    {
      name: 'XML nested 10^5 deep inside a .docx',
      make: file(
        'deep.docx',
        writeZip([
          { name: '[Content_Types].xml', content: Buffer.from('<Types/>') },
          {
            name: 'word/document.xml',
            content: Buffer.from(`<w:document><w:body>${'<w:p>'.repeat(100_000)}</w:body></w:document>`),
          },
        ]),
      ),
    },
    { name: '/dev/zero', make: () => '/dev/zero' },
    {
      name: 'a link to /dev/zero',
      make: (dir) => {
        const path = join(dir, 'zero-link.xlsx');
        symlinkSync('/dev/zero', path);
        return path;
      },
    },
    {
      name: 'a FIFO',
      make: (dir) => {
        const path = join(dir, 'fifo.xlsx');
        spawnSync('mkfifo', [path]);
        return path;
      },
    },
  ];
}

async function deflateZeros(size: number): Promise<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024);
  const chunks: Buffer[] = [];
  const deflate = Readable.from(
    (function* () {
      for (let done = 0; done < size; done += chunk.length) yield chunk;
    })(),
  ).pipe(createDeflateRaw({ level: 9 }));
  for await (const piece of deflate) chunks.push(piece as Buffer);
  return Buffer.concat(chunks);
}
