// The 落款 (the agency and the date that sign a report off) where a report's text still carries it: N004 checks it,
// N008 dates the report by it when nothing else does.
import { chineseNumber } from '../model/calendar-date';
import type { Model } from '../model/pointer';

/** 2025年1月20日 or 二〇二五年一月二十日, as year, month and day. */
const DATE =
  /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日$|([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$/;
/** A date left for the hand: 年　月　日 (blanks removed), or with only the year written. */
const BLANK_DATE = /^((?:19|20)\d{2}|[_＿]*)年[_＿]*月[_＿]*日$/;
/** An agency's name: Chinese characters and brackets, no sentence's punctuation. */
const AGENCY = /^[\u4e00-\u9fa5（）()]{2,30}$/;

export interface Signature {
  index: number;
  text: string;
  agency?: string;
  date?: { year: number; month: number; day: number };
}

/** The 落款 among the last paragraphs: agency and date on one line, or a date line with the agency line before it. */
export function signatureOf(paragraphs: readonly string[]): Signature | undefined {
  const start = Math.max(0, paragraphs.length - 3);
  for (let index = paragraphs.length - 1; index >= start; index--) {
    const text = (paragraphs[index] ?? '').replace(/\s+/g, '');
    const previous = (paragraphs[index - 1] ?? '').replace(/\s+/g, '');
    const agencyBefore = AGENCY.test(previous) ? previous : undefined;
    if (BLANK_DATE.test(text)) return { index, text, ...(agencyBefore ? { agency: agencyBefore } : {}) };
    const match = DATE.exec(text);
    if (!match) continue;
    const before = text.slice(0, match.index);
    if (before !== '' && !AGENCY.test(before)) continue; // a sentence that ends with a date is no 落款
    const agency = before || agencyBefore;
    const date = match[1]
      ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
      : {
          year: chineseNumber(match[4] as string),
          month: chineseNumber(match[5] as string),
          day: chineseNumber(match[6] as string),
        };
    return { index, text, date, ...(agency ? { agency } : {}) };
  }
  return undefined;
}

/** Names compared as a reader compares them: 某市人民政府 and 某市政府 are one; a longer name holds the shorter. */
export const sameBody = (a: string, b: string) => {
  const [x, y] = [a, b].map((name) => name.replace(/[\s（）()]/g, '').replace(/人民政府/g, '政府')) as [string, string];
  return x.includes(y) || y.includes(x);
};

/** The 落款 left at the end of 六 (五 when 六 is empty), with its paragraph's pointer. */
export function textSignature(model: Model): { signature: Signature; pointer: string } | undefined {
  const section = (['otherMatters', 'problems'] as const).find((key) => {
    const texts = model[key];
    return Array.isArray(texts) && texts.some((text) => typeof text === 'string' && text.trim() !== '');
  });
  if (!section) return undefined;
  const paragraphs = (model[section] as unknown[]).map((text) => (typeof text === 'string' ? text : ''));
  const signature = signatureOf(paragraphs);
  return signature ? { signature, pointer: `/${section}/${signature.index}` } : undefined;
}

/** A model's date field when it is one (YYYY-MM-DD); what the schema refused is left to it. */
export const dateIn = (value: unknown): string | undefined =>
  typeof value === 'string' && /^(19|20)\d{2}-\d{2}-\d{2}$/.test(value) ? value : undefined;
