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

/** The text padded with spaces to `width` columns. */
export function padTo(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** The text broken into lines of at most `width` columns: at a space when the line has one (English), anywhere
 * otherwise (Chinese has no spaces to break at). */
export function wrapTo(text: string, width: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (displayWidth(rest) > width) {
    const head = cutTo(rest, width + 1).slice(0, -1);
    const space = head.lastIndexOf(' ');
    const take = space > head.length / 2 ? space : Math.max(1, head.length);
    lines.push(rest.slice(0, take).trimEnd());
    rest = rest.slice(take).trimStart();
  }
  if (rest) lines.push(rest);
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
