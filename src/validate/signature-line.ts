// The 落款 (the agency and the date that sign a report off) where a report's text still carries it: N004 checks it,
// N008 dates the report by it when nothing else does.
import { BLANK_DATE, type CalendarDate, firstDate, WRITTEN_DATE_AT_END } from '../model/calendar-date';
import type { Model } from '../model/pointer';

/** An agency's name: Chinese characters and brackets, no sentence's punctuation. */
const AGENCY = /^[\u4e00-\u9fa5（）()]{2,30}$/;

export interface Signature {
  index: number;
  text: string;
  agency?: string;
  date?: CalendarDate;
}

/** The 落款 among the last paragraphs: agency and date on one line, or a date line with the agency line before it. */
export function signatureOf(paragraphs: readonly string[]): Signature | undefined {
  const start = Math.max(0, paragraphs.length - 3);
  for (let index = paragraphs.length - 1; index >= start; index--) {
    const text = (paragraphs[index] ?? '').replace(/\s+/g, '');
    const previous = (paragraphs[index - 1] ?? '').replace(/\s+/g, '');
    const agencyBefore = AGENCY.test(previous) ? previous : undefined;
    if (BLANK_DATE.test(text)) return { index, text, ...(agencyBefore ? { agency: agencyBefore } : {}) };
    const match = WRITTEN_DATE_AT_END.exec(text);
    // A date no calendar has (2月30日) is no 落款's.
    const date = match ? firstDate(match[0]) : undefined;
    if (!match || !date) continue;
    const before = text.slice(0, match.index);
    if (before !== '' && !AGENCY.test(before)) continue; // a sentence that ends with a date is no 落款
    const agency = before || agencyBefore;
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
