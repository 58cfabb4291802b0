// How people print a figure in a published report, and what a reader should take the printed text for: thousands
// separators, full-width digits, units, dashes and blanks for zero (SPEC §2 lenient reading: blank, —, -, /, 无,
// 不适用 read as 0), 2019's signed 本年增/减 written as 减4, and a 总计 left blank beside parts that are not all zero
// (not printed, so not a figure anyone can read).
import type { ValueKind } from '../../src/editions/types';
import { chance, pick, type Random } from './random-report';

export interface FigureContext {
  pointer: string;
  kind: ValueKind;
  /** A row's or group's 总计. */
  total: boolean;
  /** For a total: whether every part beside it is 0. */
  partsZero: boolean;
}

export interface Printed {
  text: string;
  /** What the printed text states; undefined when it states nothing (a total that was not printed). */
  value: number | undefined;
}

export type NumberStyle = (value: number, context: FigureContext) => Printed;

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
export const fullWidth = (text: string): string =>
  text.replace(/[0-9]/g, (digit) => FULL_WIDTH_DIGITS[Number(digit)] ?? digit).replace(/\./g, '．');

export const plain: NumberStyle = (value) => ({ text: String(value), value });

export const grouped =
  (separator: string): NumberStyle =>
  (value) => {
    const [whole = '', fraction] = String(Math.abs(value)).split('.');
    const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
    return { text: `${value < 0 ? '-' : ''}${digits}${fraction ? `.${fraction}` : ''}`, value };
  };

/** Zero as people mark it in a cell: the printed mark, read as 0. */
export const ZERO_MARKS = ['—', '-', '/', '无', '', '不适用', '－', '——'] as const;

/**
 * A mix of the ways people print figures, chosen per cell. `marks` are the ways zero may be printed; a total left
 * blank beside non-zero parts is not a figure (value undefined), and happens only when `blankTotals` is set.
 */
export function mixedStyle(
  random: Random,
  options: {
    marks?: readonly string[];
    units?: boolean;
    fullWidth?: boolean;
    separators?: boolean;
    blankTotals?: number;
  },
): NumberStyle {
  const marks = options.marks ?? [];
  return (value, context) => {
    if (context.total && !context.partsZero && options.blankTotals && chance(random, options.blankTotals)) {
      return { text: '', value: undefined };
    }
    if (value === 0 && marks.length && chance(random, 0.7)) return { text: pick(random, marks), value: 0 };
    let text = String(value);
    if (options.separators && Math.abs(value) >= 1000 && chance(random, 0.8)) {
      text = grouped(pick(random, [',', ' ', '，']))(value, context).text;
    }
    if (context.kind === 'signedCount' && value < 0 && chance(random, 0.5)) text = `减${-value}`;
    else if (context.kind === 'signedCount' && value > 0 && chance(random, 0.3)) text = `增${value}`;
    if (options.fullWidth && chance(random, 0.3)) text = fullWidth(text);
    if (options.units && chance(random, 0.3)) text = `${text}${context.kind === 'amount' ? '万元' : '件'}`;
    return { text, value };
  };
}
