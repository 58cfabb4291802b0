// Turns what people type into a number cell into a number, or says precisely why it cannot.
import type { ValueKind } from '../editions/types';
import { withinBounds } from '../schema/limits';

export type CellReading =
  | { kind: 'blank' }
  | { kind: 'number'; value: number /** a normalisation worth a warning */; note?: CellNote }
  | { kind: 'invalid'; messageId: 'notANumber' | 'placeholder' | 'beyondLimit'; text: string };

export interface CellNote {
  messageId: 'fullWidthDigits' | 'wordSign' | 'yuanConverted' | 'placeholderAsZero' | 'unitDropped';
  text: string;
  value: number;
}

export interface ReadingMode {
  /** Prior years: placeholders (—, /, 无 …) read as 0 with a warning instead of an error. */
  lenient: boolean;
}

// Written for "none" or "not applicable" in published reports; only lenient reading takes them as 0.
const PLACEHOLDERS = new Set(['—', '——', '–', '-', '--', '－', '/', '／', '\\', '无', '不适用', '空', '×']);
const BLANKS = /[\s\u3000\u00a0\u200b\ufeff]+/g;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** Full-width digits and signs (０–９, ．, －, ＋, ，) to ASCII. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff0e\uff0d\uff0b\uff0c]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

export function readNumberCell(raw: unknown, kind: ValueKind, mode: ReadingMode = { lenient: false }): CellReading {
  if (raw === undefined || raw === null) return { kind: 'blank' };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return invalid(String(raw));
    return withinBounds(raw, kind) ? { kind: 'number', value: raw } : beyondLimit(String(raw));
  }
  if (typeof raw === 'boolean') return invalid(raw ? 'TRUE' : 'FALSE');
  const original = String(raw);
  const compact = original.replace(BLANKS, '');
  if (compact === '') return { kind: 'blank' };
  if (PLACEHOLDERS.has(compact)) {
    return mode.lenient
      ? { kind: 'number', value: 0, note: { messageId: 'placeholderAsZero', text: original.trim(), value: 0 } }
      : { kind: 'invalid', messageId: 'placeholder', text: original.trim() };
  }
  const halfWidth = toHalfWidth(compact);
  const fullWidthNote = halfWidth !== compact;
  let text = halfWidth;
  let sign = 1;
  let signWord = false;
  if (kind === 'signedCount') {
    // 2019 edition 本年增/减 is sometimes written 减4 or 增3.
    const word = /^(增加|增|减少|减)(.+)$/.exec(text);
    if (word?.[1] && word[2]) {
      sign = word[1].startsWith('减') ? -1 : 1;
      text = word[2];
      signWord = true;
    }
  }
  // Published reports write a count with its unit (12件): prior years read it as the number, and say so.
  let unit = false;
  if (mode.lenient && kind !== 'amount') {
    const counted = /^(.*\d)(件|个|项|次|人次|宗|起)$/.exec(text);
    if (counted?.[1]) {
      text = counted[1];
      unit = true;
    }
  }
  let yuan = false;
  if (kind === 'amount') {
    if (text.endsWith('万元')) text = text.slice(0, -2);
    else if (text.endsWith('元')) {
      text = text.slice(0, -1);
      yuan = true;
    }
  }
  if (GROUPED_NUMBER.test(text)) text = text.replace(/,/g, '');
  if (!PLAIN_NUMBER.test(text)) return invalid(original.trim());
  let value = sign * Number(text);
  if (yuan) value = Math.round(value) / 10000;
  const shown = original.trim();
  // Past the bounds (and past 2^53, where the digits typed are no longer the number read): refused, quoting them.
  if (!withinBounds(value, kind)) return beyondLimit(shown);
  if (yuan) return { kind: 'number', value, note: { messageId: 'yuanConverted', text: shown, value } };
  if (signWord) return { kind: 'number', value, note: { messageId: 'wordSign', text: shown, value } };
  if (unit) return { kind: 'number', value, note: { messageId: 'unitDropped', text: shown, value } };
  if (fullWidthNote) return { kind: 'number', value, note: { messageId: 'fullWidthDigits', text: shown, value } };
  return { kind: 'number', value };
}

function invalid(text: string): CellReading {
  return { kind: 'invalid', messageId: 'notANumber', text };
}

function beyondLimit(text: string): CellReading {
  return { kind: 'invalid', messageId: 'beyondLimit', text };
}

/** The report year as typed: 2025, "2025", "2025年", "２０２５". */
export function readYearCell(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  const text = toHalfWidth(raw.replace(BLANKS, '')).replace(/年度?$/, '');
  return /^\d{4}$/.test(text) ? Number(text) : raw;
}
