// Text measured as a terminal draws it (CJK two columns), cut with …, and paths shortened from their common folder.
import { sep } from 'node:path';

/** East Asian wide and full-width characters: two columns on a terminal. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** The text cut to `width` columns, ending in … when cut. */
export function cutTo(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const size = WIDE.test(ch) ? 2 : 1;
    if (used + size > width - 1) break;
    out += ch;
    used += size;
  }
  return `${out}…`;
}

/**
 * A path cut to `width` columns in its middle, its start and its end kept (`archive/某市…/2024年报告（终稿）.pdf`): two
 * paths that differ only at the end (a draft and the final report) stay two different lines, as they would not cut at
 * the end.
 */
export function cutMiddle(text: string, width: number, keepEnd = 0): string {
  if (displayWidth(text) <= width) return text;
  const characters = [...text];
  // Most of the room to the end, where names differ; more when `keepEnd` columns are needed to tell it from another.
  const tailWidth = Math.max(1, Math.min(width - 2, Math.max(Math.ceil((width - 1) * 0.6), keepEnd)));
  let tail = '';
  let used = 0;
  for (let i = characters.length - 1; i >= 0; i--) {
    const ch = characters[i] as string;
    const size = WIDE.test(ch) ? 2 : 1;
    if (used + size > tailWidth) break;
    tail = ch + tail;
    used += size;
  }
  const head = cutTo(text, width - used);
  return `${head.endsWith('…') ? head : `${head}…`}${tail}`;
}

/**
 * For each text, the columns of its end that tell it from every other text: one character more than the longest end
 * it shares with another (found between neighbours once the texts are sorted by their reversed characters).
 */
export function distinguishingEnds(texts: readonly string[]): number[] {
  const reversed = texts.map((text, index) => ({ index, characters: [...text].reverse() }));
  const order = [...reversed].sort((a, b) => compareCharacters(a.characters, b.characters));
  const ends = texts.map(() => 0);
  const shared = (a: readonly string[], b: readonly string[]) => {
    let length = 0;
    while (length < a.length && length < b.length && a[length] === b[length]) length++;
    return length;
  };
  for (let i = 1; i < order.length; i++) {
    const a = order[i - 1] as (typeof order)[number];
    const b = order[i] as (typeof order)[number];
    const length = shared(a.characters, b.characters);
    for (const { index, characters } of [a, b]) {
      const end = characters
        .slice(0, Math.min(characters.length, length + 1))
        .reverse()
        .join('');
      ends[index] = Math.max(ends[index] ?? 0, displayWidth(end));
    }
  }
  return ends;
}

function compareCharacters(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length && i < b.length; i++)
    if (a[i] !== b[i]) return (a[i] as string) < (b[i] as string) ? -1 : 1;
  return a.length - b.length;
}

/** The text padded with spaces to `width` columns. */
export function padTo(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Leading white space, as String.prototype.trimStart removes it (`\s` is the same set), from `lastIndex`. */
const LEADING_SPACE = /\s*/y;

/** A letter or digit of a Latin word, which a line is not broken inside. */
const LATIN = /^[A-Za-z0-9]$/;

/** The text broken into lines of at most `width` columns: at a space when the line has one (English), anywhere
 * otherwise (Chinese has no spaces to break at) but inside a Latin word. Linear in the text: each line is measured
 * once, from where the last one ended, so a reason of 300,000 characters wraps as fast as it is read. */
export function wrapTo(text: string, width: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    // The longest head from `start` that fits; `end` is where it stops, or the text's end when the rest fits.
    let end = start;
    let used = 0;
    let overflows = false;
    while (end < text.length) {
      const code = text.codePointAt(end) ?? 0;
      const size = WIDE.test(String.fromCodePoint(code)) ? 2 : 1;
      if (used + size > width) {
        overflows = true;
        break;
      }
      used += size;
      end += code > 0xffff ? 2 : 1;
    }
    if (!overflows) {
      lines.push(text.slice(start));
      break;
    }
    const head = text.slice(start, end);
    const space = head.lastIndexOf(' ');
    // A head with no room for even one character still takes one, whole (a surrogate pair is not split).
    const first = (text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1;
    let take = space > head.length / 2 ? space : Math.max(first, head.length);
    // A Latin word is not cut (Wo|rd at 80 columns): the line ends before it, unless it is all the line holds.
    if (take === head.length && LATIN.test(text[start + take - 1] ?? '') && LATIN.test(text[start + take] ?? '')) {
      let wordStart = take;
      while (wordStart > 0 && LATIN.test(head[wordStart - 1] ?? '')) wordStart--;
      if (wordStart > 0) take = wordStart;
    }
    lines.push(text.slice(start, start + take).trimEnd());
    LEADING_SPACE.lastIndex = start + take;
    LEADING_SPACE.exec(text);
    start = LEADING_SPACE.lastIndex;
  }
  return lines;
}

/** The folder every path lies in (with its trailing separator), or '' when they share none. */
export function commonFolder(paths: readonly string[]): string {
  if (paths.length === 0) return '';
  const split = paths.map((path) => path.split(sep).slice(0, -1));
  const first = split[0] ?? [];
  let length = 0;
  while (length < first.length && split.every((parts) => parts[length] === first[length])) length++;
  const folder = first.slice(0, length).join(sep);
  return length === 0 ? '' : `${folder}${sep}`;
}

/** Each path without the folder all of them share. */
export function shortenPaths(paths: readonly string[]): string[] {
  const folder = commonFolder(paths);
  return paths.map((path) => (folder && path.startsWith(folder) ? path.slice(folder.length) : path));
}
