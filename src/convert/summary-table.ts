// The table a batch ends with on the terminal: fits the width (COLUMNS), each unreadable file's reason, a totals line.
// Every text from an input (paths, agencies, reasons) is made inert before it is measured, so a row stays one line and
// no input acts on the terminal; and the work is linear in the text, however long a name or a reason is.

import type { Lang } from '../diagnostics/diagnostic';
import { inert } from '../diagnostics/inert-text';
import { defineWords, languageWords } from '../diagnostics/words';
import { appendAll, maxOf } from '../model/many-values';
import {
  commonFolder,
  cutMiddle,
  cutTo,
  displayWidth,
  distinguishingEnds,
  padTo,
  shortenPaths,
  wrapTo,
} from './display-text';
import type { BatchRecord } from './run-convert';
import { allDecided, duplicateNote, needsLook, statusOrder, statusWords } from './status-words';

const words = defineWords({
  zh: {
    head: ['文件', '状态', '机关', '年度', '错误', '警告'],
    folder: (folder: string) => `文件位于 ${folder}`,
    total: (inputs: number, parts: string, errors: number, warnings: number) =>
      `共 ${inputs} 个文件：${parts}；错误 ${errors} 个，警告 ${warnings} 个`,
    part: (word: string, count: number) => `${word} ${count}`,
    allDecided: (word: string, decided: number) => `${word}（${decided} 个已决定）`,
    hidden: (count: number) => `另有 ${count} 个文件无需查看（通过、无错误），未列出`,
  },
  en: {
    head: ['file', 'status', 'agency', 'year', 'errors', 'warnings'],
    folder: (folder: string) => `files in ${folder}`,
    total: (inputs: number, parts: string, errors: number, warnings: number) =>
      `${inputs} files: ${parts}; ${errors} errors, ${warnings} warnings`,
    part: (word: string, count: number) => `${count} ${word}`,
    allDecided: (word: string, decided: number) => `${word} (${decided} decided)`,
    hidden: (count: number) =>
      `${count} more ${count === 1 ? 'file needs' : 'files need'} no look (ok, no errors): not listed`,
  },
});

/** Columns that may be cut when the screen is narrow: the file and the agency. */
const FLEXIBLE = [0, 2];
const GAP = 2;

/** Past this many inputs the table lists the ones that need a look first: a batch's problems are not lost below. */
export const SCREENFUL = 30;

export interface TableOptions {
  /** Only the inputs that need a look (and the totals): `--quiet`. */
  quiet?: boolean;
}

export function summaryTable(
  all: readonly BatchRecord[],
  lang: Lang,
  width: number,
  options: TableOptions = {},
): string {
  const w = words[lang];
  // Problems first past a screenful; only problems when quiet. The totals count every input.
  const problems = all.filter(needsLook);
  const records = options.quiet
    ? problems
    : all.length > SCREENFUL
      ? [...problems, ...all.filter((record) => !needsLook(record))]
      : all;
  const paths = records.map((record) => record.path);
  const short = shortenPaths(paths);
  const shortOf = new Map(paths.map((path, index) => [path, short[index] as string]));
  const rows = records.map((record, index) => [
    inert(short[index] as string),
    // An incomplete report says how much of it was found (SPEC §8).
    record.status === 'incomplete'
      ? `${statusWords[lang][record.status]} ${record.figures.found}/${record.figures.expected}`
      : // Found invalid, every error decided by a reviewer: its 0 errors are not a contradiction.
        allDecided(record)
        ? w.allDecided(statusWords[lang][record.status], record.decided ?? 0)
        : statusWords[lang][record.status],
    inert(record.agency ?? ''),
    record.year === undefined ? '' : String(record.year),
    String(record.errors),
    String(record.warnings),
  ]);
  // How much of each file's end tells it from the others, so that no two rows read the same when cut.
  const shownPaths = rows.map((row) => row[0] as string);
  const endWidths = distinguishingEnds(shownPaths);
  const ends = new Map(shownPaths.map((path, index) => [path, endWidths[index] ?? 0]));
  const sizes = w.head.map((_, column) => maxOf([w.head, ...rows].map((row) => displayWidth(row[column] ?? ''))));
  const fits = fitColumns(sizes, width);
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => {
        const size = sizes[column] ?? 0;
        // The file is cut in its middle: its end tells two versions of one report apart.
        const text = column === 0 ? cutMiddle(cell, size, ends.get(cell)) : cutTo(cell, size);
        // Numbers right-aligned, so the columns of counts read down.
        return column >= 4 ? ' '.repeat(Math.max(0, size - displayWidth(text))) + text : padTo(text, size);
      })
      .join(' '.repeat(GAP))
      .trimEnd();
  const out: string[] = [];
  const folder = commonFolder(paths);
  if (folder && records.length) appendAll(out, wrapTo(w.folder(inert(folder)), width));
  if (fits && records.length) out.push(line(w.head), sizes.map((size) => '-'.repeat(size)).join(' '.repeat(GAP)));
  records.forEach((record, index) => {
    const row = rows[index] as string[];
    if (fits) out.push(line(row));
    else {
      // Too narrow for columns: the file on one line, the rest below it.
      out.push(cutMiddle(row[0] ?? '', width, ends.get(row[0] ?? '')));
      // Each cell cut to what two lines hold (an agency longer than that ends in …), so a name of any length
      // takes a few lines at most.
      const rest = row
        .slice(1)
        .map((cell, column) => cutTo(column >= 3 ? `${w.head[column + 1]} ${cell}` : cell, 2 * (width - 2)));
      appendAll(
        out,
        wrapTo(rest.filter(Boolean).join(' · '), width - 2).map((part) => `  ${part}`),
      );
    }
    const note =
      record.error ??
      (record.duplicateOf
        ? duplicateNote(record, shortOf.get(record.duplicateOf) ?? record.duplicateOf, lang)
        : undefined);
    if (note)
      appendAll(
        out,
        wrapTo(inert(note), width - 4).map((part) => `    ${part}`),
      );
  });
  if (options.quiet && all.length > records.length)
    appendAll(out, wrapTo(w.hidden(all.length - records.length), width));
  const counts = statusOrder
    .map((status) => [status, all.filter((record) => record.status === status).length] as const)
    .filter(([status, count]) => count > 0 || status === 'ok')
    .map(([status, count]) => w.part(statusWords[lang][status], count))
    .join(languageWords[lang].listSeparator);
  const errors = all.reduce((n, record) => n + record.errors, 0);
  const warnings = all.reduce((n, record) => n + record.warnings, 0);
  appendAll(out, wrapTo(w.total(all.length, counts, errors, warnings), width));
  return `${out.join('\n')}\n`;
}

/** Shrinks the file and agency columns, widest first, until the table fits `width` (never below 8 columns); false
 * when even that is too wide. */
function fitColumns(sizes: number[], width: number): boolean {
  // No column is wider than the screen: the loop below would come to this too, one column at a time.
  for (const column of FLEXIBLE) sizes[column] = Math.min(sizes[column] ?? 0, width);
  const total = () => sizes.reduce((a, b) => a + b, 0) + GAP * (sizes.length - 1);
  while (total() > width) {
    const widest = FLEXIBLE.reduce((best, column) => ((sizes[column] ?? 0) > (sizes[best] ?? 0) ? column : best));
    if ((sizes[widest] ?? 0) <= 8) return false;
    sizes[widest] = (sizes[widest] ?? 0) - 1;
  }
  return true;
}

/** The terminal's width: COLUMNS when set, else the terminal's, else 80. */
export function terminalWidth(): number {
  const fromEnv = Number(process.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv >= 40) return fromEnv;
  return process.stdout.columns || 80;
}
