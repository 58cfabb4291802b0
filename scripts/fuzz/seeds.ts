// The inputs the fuzzer starts from: one or more valid files of every format the readers accept, made from the
// fixtures by our own renderers and by SheetJS (ODS, XLS), plus a small PDF with a text layer in a flate stream and the
// report's text laid out as a PDF with a Chinese font (pdf-writer.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import * as XLSX from 'xlsx';
import { getEdition } from '../../src/editions';
import { renderOutputs } from '../../src/output/render-outputs';
import { writeTemplate } from '../../src/template/write-template';
import { assemble, layOutText, makeCjkPdf } from './pdf-writer';

export type FuzzFormat = 'xlsx' | 'ods' | 'xls' | 'et' | 'json' | 'html' | 'txt' | 'docx' | 'pdf';
export const FUZZ_FORMATS: readonly FuzzFormat[] = ['xlsx', 'ods', 'xls', 'et', 'json', 'html', 'txt', 'docx', 'pdf'];

export interface Seed {
  format: FuzzFormat;
  name: string;
  bytes: Buffer;
}

export async function makeSeeds(root: string): Promise<Seed[]> {
  const fixture = (name: string) => readFileSync(join(root, 'fixtures', name));
  const example2021 = JSON.parse(fixture('example-2021.json').toString('utf8')) as Record<string, unknown>;
  const example2019 = JSON.parse(fixture('example-2019.json').toString('utf8')) as Record<string, unknown>;
  const xlsx2021 = fixture('example-2021.xlsx');
  const xlsx2019 = Buffer.from(await writeTemplate(getEdition('2019'), { model: example2019 }));
  const workbook = XLSX.read(xlsx2021, { type: 'buffer' });
  const [html, docx] = await renderOutputs(example2021, getEdition('2021'), ['html', 'docx'], {
    docxStyle: 'gbt9704',
    notValidated: false,
    generator: 'fuzz',
  });
  const page = Buffer.from(html?.bytes ?? []).toString('utf8');
  // A published page: our page without the model it embeds, so it is read by its labels.
  const published = page.replace(/<script[\s\S]*?<\/script>/g, '');
  const text = published
    .replace(/<(?:style|head)[\s\S]*?<\/(?:style|head)>/g, '')
    .replace(/<\/(?:p|h\d|tr|div|li)>/g, '\n')
    .replace(/<\/t[dh]>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&[a-z]+;/g, ' ');
  return [
    { format: 'xlsx', name: 'example-2021.xlsx', bytes: xlsx2021 },
    { format: 'xlsx', name: 'template-2019.xlsx', bytes: xlsx2019 },
    { format: 'et', name: 'example-2021.et', bytes: xlsx2021 },
    { format: 'ods', name: 'example-2021.ods', bytes: write(workbook, 'ods') },
    { format: 'xls', name: 'example-2021.xls', bytes: write(workbook, 'biff8') },
    { format: 'json', name: 'example-2021.json', bytes: fixture('example-2021.json') },
    { format: 'json', name: 'seed-2019.json', bytes: fixture('seed-2019-shijiazhuang.json') },
    { format: 'html', name: 'own-page.html', bytes: Buffer.from(page) },
    { format: 'html', name: 'published.html', bytes: Buffer.from(published) },
    { format: 'txt', name: 'published.txt', bytes: Buffer.from(text) },
    { format: 'docx', name: 'example-2021.docx', bytes: Buffer.from(docx?.bytes ?? []) },
    { format: 'pdf', name: 'text.pdf', bytes: makePdf(text.split('\n').slice(0, 60)) },
    // The report's text in Chinese, laid out on pages: read as a report (its tables by their lines), not refused.
    { format: 'pdf', name: 'published.pdf', bytes: makeCjkPdf(layOutText(text)) },
  ];
}

function write(workbook: XLSX.WorkBook, bookType: XLSX.BookType): Buffer {
  return XLSX.write(workbook, { type: 'buffer', bookType }) as Buffer;
}

/** A one-page PDF whose text (ASCII only, the Chinese dropped) is drawn by a flate-compressed content stream. */
export function makePdf(lines: readonly string[], options: { image?: boolean } = {}): Buffer {
  const ascii = lines.map((line) =>
    line
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/[()\\]/g, ' ')
      .slice(0, 90),
  );
  const drawing = options.image
    ? 'q 200 0 0 200 100 500 cm /Im1 Do Q'
    : `BT /F1 10 Tf 40 800 Td 12 TL ${ascii.map((line) => `(${line}) '`).join(' ')} ET`;
  return makePdfDrawing(drawing);
}

/**
 * A PDF whose page draws `drawing` (Helvetica as /F1, a small grey image as /Im1), flate-compressed; with `pages`,
 * that many pages share the one content stream.
 */
export function makePdfDrawing(drawing: string, options: { pages?: number } = {}): Buffer {
  const content = deflateSync(Buffer.from(drawing, 'latin1'));
  const image = deflateSync(Buffer.alloc(16 * 16 * 3, 0x80));
  const page =
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>';
  // Page 1 is object 3; any more follow the image, from object 7 on.
  const more = Math.max(0, (options.pages ?? 1) - 1);
  const kids = ['3 0 R', ...Array.from({ length: more }, (_, i) => `${i + 7} 0 R`)].join(' ');
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${more + 1} >>`,
    page,
    Buffer.concat([
      Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
      content,
      Buffer.from('\nendstream', 'latin1'),
    ]),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length ${image.length} /Filter /FlateDecode >>\nstream\n`,
        'latin1',
      ),
      image,
      Buffer.from('\nendstream', 'latin1'),
    ]),
    ...Array.from({ length: more }, () => page),
  ]);
}
