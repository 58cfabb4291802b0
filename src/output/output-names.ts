// Names of the files `build` and `convert` write: `<agency><year>年政府信息公开工作年度报告.<ext>`, safe on every file
// system: no control or bidirectional characters, none a file system refuses, and short enough for its 255 bytes.
import type { Model } from '../model/pointer';
import { reportTitle } from '../render/layout';

export type OutputFormat = 'docx' | 'html' | 'json' | 'pdf';
/** What `build` writes unless --to says otherwise; pdf needs LibreOffice, so it is asked for by name. */
export const defaultOutputFormats: readonly OutputFormat[] = ['docx', 'html', 'json'];
export const outputFormats: readonly OutputFormat[] = [...defaultOutputFormats, 'pdf'];

/**
 * Bytes a base name may take: 255 (the usual limit of a name) less what is added to it — `（99999）` when convert
 * tells two reports apart (13), `.docx` (5), and the temporary name's `.…​.<pid>.<random>.tmp` while it is written (~25).
 */
export const MAX_BASE_BYTES = 200;

const NOT_VALIDATED = '（未通过检查）';

/** The base name for a report's outputs; a forced build of a failing report says so in the name. */
export function outputBaseName(model: Model, inputPath: string, notValidated: boolean): string {
  const complete = typeof model.agency === 'string' && model.agency !== '' && typeof model.year === 'number';
  const suffix = notValidated ? NOT_VALIDATED : '';
  if (!complete) {
    // Without an agency or a year, the input's own name keeps outputs apart.
    return fitName(safeText(fileStem(inputPath)), suffix);
  }
  // The year and the words of the title stay whole; a long agency is shortened.
  const title = safeText(reportTitle({ ...model, agency: '' }));
  return fitName(safeText(String(model.agency)), title + suffix);
}

/**
 * The last part of a POSIX path without its extension: what Node's `path.basename(path, path.extname(path))` gives,
 * with no Node built-in. Trailing slashes are ignored; a dotfile (`.env`), `..` and a name with no dot keep their
 * whole name; `a.` and `...` lose only their last dot.
 */
export function fileStem(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  const name = path.slice(path.lastIndexOf('/', end - 1) + 1, end);
  const dot = name.lastIndexOf('.');
  return dot <= 0 || name === '..' ? name : name.slice(0, dot);
}

/** Characters no file name should hold removed (controls, bidirectional and other format characters) or replaced. */
export function safeText(text: string): string {
  return (
    text
      // Controls, format characters (U+202E and the other bidirectional controls, zero-width joiners) and lone surrogates.
      .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, '')
      .replace(/[\\/:*?"<>|]/g, '_')
      .replace(/[\s\u3000]+/g, '')
      // A leading dot would hide the file; trailing dots vanish on Windows.
      .replace(/^\.+/, '_')
      .replace(/\.+$/, '')
      // A leading hyphen would make the name an option to the next command it is given to (rm, cp, soffice).
      .replace(/^-+/, (hyphens) => '_'.repeat(hyphens.length))
  );
}

/** `head` shortened by whole characters until `head + tail` fits MAX_BASE_BYTES of UTF-8. */
function fitName(head: string, tail: string): string {
  const budget = MAX_BASE_BYTES - utf8Bytes(tail);
  let used = 0;
  let kept = '';
  for (const character of head) {
    used += utf8Bytes(character);
    if (used > budget) break;
    kept += character;
  }
  return (kept || (tail ? '' : '_')) + tail;
}

const encoder = new TextEncoder();
/** Bytes of `text` in UTF-8, a lone surrogate as the 3 of U+FFFD (as Buffer.byteLength counts it). */
const utf8Bytes = (text: string) => encoder.encode(text).length;
