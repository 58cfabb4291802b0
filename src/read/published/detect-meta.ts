// Finds agency, year and edition in a published report: the title line first, then what the text says most often.
import { normaliseLabel } from './label-text';

export interface DetectedMeta {
  agency?: string;
  year?: number;
  /** Where they were found, for the reader's message. */
  agencyFrom?: 'title' | 'text' | 'file name';
  yearFrom?: 'title' | 'text' | 'file name';
}

const TITLE = /^(.{2,40}?)(\d{4})年度?政府信息公开(?:工作)?年度报告/;
const PLACE = '[\\u4e00-\\u9fa5]{2,8}?(?:省|市|县|区|自治州|州|盟|旗)';
const BODY =
  '[\\u4e00-\\u9fa5]{1,12}?(?:人民政府办公室|人民政府办公厅|人民政府|委员会|办公室|办公厅|局|委|厅|院|署|中心)';
const FULL_NAME = new RegExp(`(${PLACE})(${BODY})(?![\\u4e00-\\u9fa5]{0,1}(?:局|委|厅|院|署|室))`, 'g');

export function detectMeta(preamble: readonly string[], body: readonly string[], fileName: string): DetectedMeta {
  const meta: DetectedMeta = {};
  // A long title is often broken after the agency: try each line, and each line with the next.
  const candidates = preamble.flatMap((line, index) => [line, `${line}${preamble[index + 1] ?? ''}`]);
  for (const line of candidates) {
    const title = TITLE.exec(normaliseLabel(line));
    if (title?.[1] && title[2]) {
      meta.agency = title[1].replace(/^关于/, '');
      meta.agencyFrom = 'title';
      meta.year = Number(title[2]);
      meta.yearFrom = 'title';
      return meta;
    }
  }
  const text = [...preamble, ...body].join('\n');
  const baseName = fileName.split(/[\\/]/).pop() ?? fileName;
  const fromName = TITLE.exec(normaliseLabel(baseName.replace(/\.[a-z]+$/i, '')));
  const year = mostFrequentYear(text);
  if (year) {
    meta.year = year;
    meta.yearFrom = 'text';
  } else if (fromName?.[2]) {
    meta.year = Number(fromName[2]);
    meta.yearFrom = 'file name';
  }
  const agency = fromName?.[1] ? undefined : mostLikelyAgency(text);
  if (fromName?.[1]) {
    meta.agency = fromName[1];
    meta.agencyFrom = 'file name';
  } else if (agency) {
    meta.agency = agency;
    meta.agencyFrom = 'text';
  }
  return meta;
}

/** The year the text names most often as 20xx年 (ties: the latest). */
function mostFrequentYear(text: string): number | undefined {
  const counts = new Map<number, number>();
  for (const match of text.matchAll(/(20\d{2})\s*年/g)) {
    const year = Number(match[1]);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [year, count] of counts) {
    if (best === undefined || count > (counts.get(best) ?? 0) || (count === counts.get(best) && year > best))
      best = year;
  }
  return best;
}

/**
 * A full name (place + body, e.g. 石家庄市商务局) whose body the text keeps referring to (市商务局, 本局…):
 * reports name themselves in full once and by the short form everywhere else.
 */
function mostLikelyAgency(text: string): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const match of text.matchAll(FULL_NAME)) {
    const [name, place, body] = match;
    if (!name || !place || !body || /政府信息|政务公开/.test(body)) continue;
    const level = place.slice(-1);
    const shortForm = `${level}${body}`;
    const score = count(text, name) * 3 + count(text, shortForm);
    if (!best || score > best.score) best = { name, score };
  }
  return best && best.score >= 2 ? best.name : undefined;
}

function count(text: string, part: string): number {
  let n = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) n++;
  return n;
}
