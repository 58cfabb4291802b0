// Mutations by what they attack: raw bytes, the entries of a zip, the XML inside them, a workbook's cells, a JSON
// model's shape and depth, a page's structure, a PDF's streams. Each takes a seeded random source: a case is
// reproduced by its seed and number.
import { deflateSync, inflateSync } from 'node:zlib';
import * as XLSX from 'xlsx';
import { isZip, openZip } from '../../src/read/zip-container';
import type { Random } from '../seeded-random';
import { mutateShown } from './html-shown';
import { mutateScale, type ScaleContext, scaleFamilies } from './scale';
import type { Seed } from './seeds';
import { writeZip } from './zip-writer';

const int = (random: Random, below: number) => Math.floor(random() * below);
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)] as T;

export interface Mutation {
  kind: string;
  bytes: Buffer;
}

export function mutate(seed: Seed, random: Random, context: ScaleContext = { text: '' }): Mutation {
  const zip = isZip(seed.bytes);
  type Strategy = [string, (bytes: Buffer, random: Random) => Buffer];
  const when = (condition: boolean, ...strategies: Strategy[]) => (condition ? strategies : []);
  const strategies: Strategy[] = [
    ['bytes', mutateBytes],
    ['truncate', truncate],
    ...when(zip, ['zip-entries', mutateZipEntries], ['zip-xml', mutateZipXml]),
    ...when(seed.format === 'xlsx' || seed.format === 'ods', ['cells', mutateCells(seed.format as 'xlsx' | 'ods')]),
    ...when(seed.format === 'json', ['json', mutateJson]),
    ...when(seed.format === 'html', ['html', mutateMarkup]),
    ...when(seed.format === 'txt', ['text', mutateText]),
    ...when(seed.format === 'pdf', ['pdf-stream', mutatePdf]),
  ];
  // A list or string grown to 10³…10⁶ (scale.ts); for pages, what a browser shows of a figure (html-shown.ts).
  const scale = scaleFamilies(seed.format).length > 0;
  const shown = seed.format === 'html';
  const choice = int(random, strategies.length + (scale ? 1 : 0) + (shown ? 1 : 0));
  if (scale && choice === strategies.length) {
    const scaled = mutateScale(seed, random, context);
    if (scaled) return scaled;
  }
  if (shown && choice === strategies.length + (scale ? 1 : 0)) return mutateShown(seed.bytes, random);
  const [kind, apply] = strategies[Math.min(choice, strategies.length - 1)] as Strategy;
  return { kind, bytes: apply(seed.bytes, random) };
}

/** Bit flips, overwritten and inserted runs, duplicated regions. */
export function mutateBytes(bytes: Buffer, random: Random): Buffer {
  let out = Buffer.from(bytes);
  const edits = 1 + int(random, 8);
  for (let i = 0; i < edits && out.length > 0; i++) {
    const at = int(random, out.length);
    switch (int(random, 4)) {
      case 0:
        out[at] = (out[at] as number) ^ (1 << int(random, 8));
        break;
      case 1:
        out.fill(pick(random, [0, 0xff, 0x20, 0x3c]), at, at + 1 + int(random, 64));
        break;
      case 2: {
        const run = Buffer.alloc(1 + int(random, 32));
        for (let j = 0; j < run.length; j++) run[j] = int(random, 256);
        out = Buffer.concat([out.subarray(0, at), run, out.subarray(at)]);
        break;
      }
      default: {
        const length = 1 + int(random, 256);
        out = Buffer.concat([out.subarray(0, at), out.subarray(at, at + length), out.subarray(at)]);
      }
    }
  }
  return out;
}

export function truncate(bytes: Buffer, random: Random): Buffer {
  // Some short (the 409-byte class), some nearly whole.
  const length = random() < 0.3 ? int(random, Math.min(1024, bytes.length)) : int(random, bytes.length);
  return Buffer.from(bytes.subarray(0, length));
}

type Entries = { name: string; content: Buffer }[];

function entriesOf(bytes: Buffer): Entries {
  return [...openZip(bytes, 'seed')].map(([name, content]) => ({ name, content: content as Buffer }));
}

/** Dropped, renamed, duplicated, emptied entries; lying declared sizes; stored instead of deflated. */
function mutateZipEntries(bytes: Buffer, random: Random): Buffer {
  const entries: (Entries[number] & { stored?: boolean; declaredSize?: number })[] = entriesOf(bytes);
  const index = int(random, entries.length);
  const entry = entries[index];
  if (!entry) return bytes;
  switch (int(random, 6)) {
    case 0:
      entries.splice(index, 1);
      break;
    case 1:
      entry.name = pick(random, ['', '/', '../x.xml', entry.name.toUpperCase(), `${entry.name}/`, 'a'.repeat(300)]);
      break;
    case 2:
      entries.push({ ...entry });
      break;
    case 3:
      entry.content = Buffer.alloc(0);
      break;
    case 4:
      entry.declaredSize = pick(random, [0, 1, Math.floor(entry.content.length / 2), entry.content.length * 1000]);
      break;
    default:
      entry.stored = true;
  }
  return writeZip(entries);
}

/** The XML inside one entry: tags removed or duplicated, text replaced, deep nesting, entity tricks. */
function mutateZipXml(bytes: Buffer, random: Random): Buffer {
  const entries = entriesOf(bytes);
  const xml = entries.filter((entry) => /\.(xml|rels)$/.test(entry.name));
  const entry = xml.length ? pick(random, xml) : undefined;
  if (!entry) return bytes;
  entry.content = Buffer.from(mutateMarkupText(entry.content.toString('utf8'), random));
  return writeZip(entries);
}

function mutateMarkup(bytes: Buffer, random: Random): Buffer {
  return Buffer.from(mutateMarkupText(bytes.toString('utf8'), random));
}

const TAG = /<[^<>]{1,200}>/g;

function mutateMarkupText(text: string, random: Random): string {
  const tags = [...text.matchAll(TAG)];
  const tag = tags.length ? pick(random, tags) : undefined;
  const at = tag?.index ?? int(random, text.length);
  const end = at + (tag?.[0].length ?? 0);
  switch (int(random, 9)) {
    case 0: // a tag removed (unbalanced structure)
      return text.slice(0, at) + text.slice(end);
    case 1: // a tag repeated many times
      return text.slice(0, end) + (tag?.[0] ?? '<x>').repeat(1 + int(random, 2000)) + text.slice(end);
    case 2: {
      // deep nesting
      const depth = pick(random, [100, 1000, 10_000, 80_000]);
      const name = pick(random, ['div', 'td', 'w:p', 'row', 'table:table-row']);
      return `${text.slice(0, at)}${`<${name}>`.repeat(depth)}x${`</${name}>`.repeat(depth)}${text.slice(at)}`;
    }
    case 3: // numbers become words, signs, huge or odd values
      return text.replace(/>(\d+)</g, (whole) =>
        random() < 0.2
          ? `>${pick(random, ['12件', '一', '—', '-5', '1e308', '99999999999999999999', '１２', 'NaN', ''])}<`
          : whole,
      );
    case 4: // spans and merges out of range
      return text.replace(
        /(rowspan|colspan|gridSpan w:val|number-columns-spanned|number-rows-spanned)="?\d+"?/gi,
        (match) => (random() < 0.5 ? match.replace(/\d+/, String(pick(random, [0, 1000, 99999, 2147483647]))) : match),
      );
    case 5: // entity expansion attempt and unknown entities
      return `<!DOCTYPE x [<!ENTITY a "${'A'.repeat(1000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>${text.replace(/>([^<]{1,20})</, '>&b;&b;&zz;&#xFFFFFF;<')}`;
    case 6: // cut inside a tag
      return text.slice(0, at + int(random, Math.max(1, end - at)));
    case 7: {
      // one huge text node or attribute
      const filler = pick(random, ['本年新收', 'x', '<', '&amp;', '\u202e', '\u0000']).repeat(1 + int(random, 200_000));
      return text.slice(0, at) + filler + text.slice(at);
    }
    default: // element shuffled to elsewhere
      return text.slice(0, at) + text.slice(end, end + int(random, 2000)) + text.slice(at);
  }
}

function mutateText(bytes: Buffer, random: Random): Buffer {
  const lines = bytes.toString('utf8').split('\n');
  const at = int(random, lines.length);
  switch (int(random, 4)) {
    case 0:
      lines.splice(at, 1 + int(random, 10));
      break;
    case 1:
      lines.splice(at, 0, ...Array<string>(1 + int(random, 5000)).fill(lines[at] ?? ''));
      break;
    case 2:
      lines[at] = (lines[at] ?? '').replace(/\d+/g, () => pick(random, ['12件', '一', '-3', '1e400', '']));
      break;
    default:
      return Buffer.from(bytes.toString('latin1'), 'utf16le');
  }
  return Buffer.from(lines.join('\n'));
}

function mutateCells(format: 'xlsx' | 'ods') {
  return (bytes: Buffer, random: Random): Buffer => {
    const workbook = XLSX.read(bytes, { type: 'buffer', cellFormula: true });
    for (let i = 0; i < 1 + int(random, 10); i++) {
      const sheet = workbook.Sheets[pick(random, workbook.SheetNames)];
      if (!sheet) continue;
      const address = XLSX.utils.encode_cell({ r: int(random, 60), c: int(random, 12) });
      sheet[address] = pick<XLSX.CellObject>(random, [
        { t: 's', v: pick(random, ['12件', '一', '—', '', '１２', '=1+1', '\u202e2021', 'x'.repeat(40000)]) },
        { t: 'n', v: pick(random, [-1, 0.5, 1e308, Number.MAX_SAFE_INTEGER * 4, 2021, 1e-300]) },
        { t: 'b', v: true },
        { t: 'e', v: 7 },
        { t: 'n', f: 'SUM(A1:A3)' },
        { t: 'z' },
      ]);
      // A claimed range far beyond the cells (SheetJS would write every cell of a whole-sheet range).
      if (random() < 0.1) sheet['!ref'] = 'A1:AZ20000';
      if (random() < 0.1) sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 1_000_000, c: 16_000 } }];
    }
    if (random() < 0.1 && workbook.Workbook?.Names)
      workbook.Workbook.Names = workbook.Workbook.Names.map((name) => ({
        ...name,
        Ref: pick(random, ['#REF!', 'x!A1', name.Ref]),
      }));
    return XLSX.write(workbook, { type: 'buffer', bookType: format }) as Buffer;
  };
}

/** Values of another type, removed keys, deep nesting, huge arrays, prototype keys. */
function mutateJson(bytes: Buffer, random: Random): Buffer {
  let model: unknown;
  try {
    model = JSON.parse(bytes.toString('utf8'));
  } catch {
    return mutateBytes(bytes, random);
  }
  const containers: Record<string, unknown>[] = [];
  const stack: unknown[] = [model];
  for (let node = stack.pop(); node !== undefined; node = stack.pop())
    if (node && typeof node === 'object') {
      containers.push(node as Record<string, unknown>);
      stack.push(...Object.values(node));
    }
  for (let i = 0; i < 1 + int(random, 6); i++) {
    const target = pick(random, containers);
    const keys = Object.keys(target);
    const key = keys.length ? pick(random, keys) : 'x';
    const deep = (depth: number) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown;
    switch (int(random, 6)) {
      case 0:
        delete target[key];
        break;
      case 1:
        target[key] = pick<unknown>(random, [
          null,
          '12件',
          -1,
          0.5,
          1e308,
          true,
          [],
          {},
          'x'.repeat(100_000),
          '\u202e',
        ]);
        break;
      case 2:
        target[key] = deep(pick(random, [10, 100, 10_000]));
        break;
      case 3:
        target[key] = Array.from({ length: pick(random, [1000, 100_000]) }, (_, n) => n);
        break;
      case 4:
        return Buffer.from(
          JSON.stringify(model).replace(
            /"edition":/,
            '"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}},"edition":',
          ),
        );
      default:
        return Buffer.from(`${'['.repeat(pick(random, [1000, 100_000]))}${JSON.stringify(model)}`);
    }
  }
  return Buffer.from(JSON.stringify(model));
}

/** A damaged or inflated content stream, a wrong /Length, a broken xref. */
function mutatePdf(bytes: Buffer, random: Random): Buffer {
  const text = bytes.toString('latin1');
  const streams = [...text.matchAll(/stream\n([\s\S]*?)\nendstream/g)];
  const stream = streams.length ? pick(random, streams) : undefined;
  if (!stream || stream.index === undefined) return mutateBytes(bytes, random);
  const start = stream.index + 'stream\n'.length;
  const data = Buffer.from(stream[1] ?? '', 'latin1');
  let replacement: Buffer;
  switch (int(random, 4)) {
    case 0:
      replacement = mutateBytes(data, random); // "Bad encoding in flate stream"
      break;
    case 1:
      replacement = data.subarray(0, int(random, data.length));
      break;
    case 2: {
      // The drawing repeated many times: a long page of text.
      let drawn = '';
      try {
        drawn = inflateSync(data).toString('latin1');
      } catch {}
      replacement = deflateSync(Buffer.from(drawn.repeat(1 + int(random, 500)), 'latin1'));
      break;
    }
    default:
      return Buffer.from(
        text
          .replace(/\/Length \d+/, `/Length ${pick(random, [0, 1, 99999999])}`)
          .replace(/startxref\n\d+/, 'startxref\n7'),
        'latin1',
      );
  }
  return Buffer.concat([bytes.subarray(0, start), replacement, bytes.subarray(start + data.length)]);
}
