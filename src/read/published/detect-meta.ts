// Finds agency and year in a published report: the title line, the page's <title>, the 落款 (the agency and date that
// sign the report off), and only then a full name the text keeps repeating — never a piece of a sentence.
import { isDateLine } from '../../model/calendar-date';
import { normaliseLabel, normaliseSpelling } from '../../model/label-text';

export interface DetectedMeta {
  agency?: string;
  year?: number;
  /** Where they were found, for the reader's message. */
  agencyFrom?: 'title' | 'page title' | 'page meta' | 'signature' | 'text' | 'file name';
  yearFrom?: 'title' | 'page title' | 'text' | 'file name';
}

export interface MetaSources {
  preamble: readonly string[];
  body: readonly string[];
  fileName: string;
  pageTitle?: string;
  /** A CMS's `<meta name="ArticleTitle">` and `<meta name="ContentSource">`. */
  articleTitle?: string;
  contentSource?: string;
}

const TITLE = /^(.{0,40}?)(\d{4})年度?政府信息公开(?:工作)?年度报告/;
const PLACE = '[\\u4e00-\\u9fa5]{2,8}?(?:省|市|县|区|自治州|州|盟|旗)';
const BODY =
  '[\\u4e00-\\u9fa5]{1,12}?(?:人民政府办公室|人民政府办公厅|人民政府|委员会|办公室|办公厅|局|委|厅|院|署|中心)';
const FULL_NAME = new RegExp(`(${PLACE})(${BODY})(?![\\u4e00-\\u9fa5]{0,1}(?:局|委|厅|院|署|室))`, 'g');

export function detectMeta(sources: MetaSources): DetectedMeta {
  const { preamble, body, fileName } = sources;
  const meta: DetectedMeta = {};
  // The title on a line of its own first; then a line with the next, for a long title broken after the agency.
  const candidates = [...preamble, ...preamble.slice(0, -1).map((line, index) => `${line}${preamble[index + 1]}`)];
  for (const line of candidates) {
    const title = titleOf(line);
    if (title?.agency) return { agency: title.agency, year: title.year, agencyFrom: 'title', yearFrom: 'title' };
    // A title without the agency (or with navigation before it) still gives the year.
    if (title && !meta.year) {
      meta.year = title.year;
      meta.yearFrom = 'title';
    }
  }
  for (const [text, from] of [
    [sources.articleTitle, 'page meta'],
    [sources.pageTitle, 'page title'],
  ] as const) {
    const fromPage = text ? titleOf(text) : undefined;
    if (!fromPage) continue;
    if (!meta.year) {
      meta.year = fromPage.year;
      meta.yearFrom = 'page title';
    }
    if (fromPage.agency && !meta.agency) {
      meta.agency = fromPage.agency;
      meta.agencyFrom = from;
    }
  }
  const source = sources.contentSource ? agencyName(sources.contentSource) : undefined;
  if (!meta.agency && source) {
    meta.agency = source;
    meta.agencyFrom = 'page meta';
  }
  const text = [...preamble, ...body].join('\n');
  const baseName = fileName.split(/[\\/]/).pop() ?? fileName;
  const fromName = titleOf(baseName.replace(/\.[a-z]+$/i, ''));
  const year = mostFrequentYear(text);
  if (meta.year) {
    // from a title
  } else if (year) {
    meta.year = year;
    meta.yearFrom = 'text';
  } else if (fromName) {
    meta.year = fromName.year;
    meta.yearFrom = 'file name';
  }
  if (meta.agency) return meta;
  const signed = signatureAgency(body.length ? body : preamble);
  if (signed) {
    meta.agency = signed;
    meta.agencyFrom = 'signature';
  } else if (fromName?.agency) {
    meta.agency = fromName.agency;
    meta.agencyFrom = 'file name';
  } else {
    const agency = mostLikelyAgency(text);
    if (agency) {
      meta.agency = agency;
      meta.agencyFrom = 'text';
    }
  }
  return meta;
}

/** Agency (empty when the title names none, or names it in no way an agency is named) and year of a title line. */
function titleOf(line: string): { agency: string; year: number } | undefined {
  const title = TITLE.exec(normaliseLabel(line));
  if (title?.[1] === undefined || !title[2]) return undefined;
  // The name as printed (Traditional characters kept): the spelling form is as long as the normalised one.
  const printed = normaliseSpelling(line).slice(0, title[1].length);
  return { agency: agencyName(printed) ?? '', year: Number(title[2]) };
}

/** Words of navigation (当前位置：首页>…) and of sentences (根据…要求，特编制…) that no agency's name holds. */
const NOT_A_NAME =
  /当前位置|您的位置|现在的位置|首页|主页|栏目|年度报告|根据|按照|依据|要求|编制|特此|本报告|现将|公布|发布|如下|信息来源|来源/;

/**
 * The text before a title's year as an agency's name, or undefined: after navigation (当前位置：首页 > … >) only its last
 * step counts, and a name is Chinese characters (brackets, digits and a middle dot aside) with no word of a sentence.
 */
export function agencyName(text: string): string | undefined {
  const segments = normaliseSpelling(text).split(/[>＞›»/|｜]/);
  const last = segments.pop() ?? '';
  // Navigation's last step glued to the title (…>年度报告某县交通运输局2025年…) is no part of the name.
  const step = segments.length
    ? last.replace(/^(政府信息公[开開]|政务公[开開])?(工作)?(年度[报報]告|年[报報])/, '')
    : last;
  const name = step
    .replace(/^关于/, '')
    .replace(/[:：_\-—]+$/, '')
    .replace(/^[:：_\-—]+/, '');
  if (name.length < 2 || name.length > 40) return undefined;
  if (!/^[\u4e00-\u9fa5()·\d]+$/.test(name) || NOT_A_NAME.test(normaliseLabel(name))) return undefined;
  return name;
}

const AGENCY_LINE = new RegExp(`^[\\u4e00-\\u9fa5（）()]{2,30}${BODY.slice(BODY.indexOf('(?:'))}$`);

/** The 落款: a line that is only an agency's name, next to the date line that closes the report. */
function signatureAgency(lines: readonly string[]): string | undefined {
  const tail = lines.slice(-6).map(normaliseLabel);
  for (let i = tail.length - 1; i >= 0; i--) {
    if (!isDateLine(tail[i] as string)) continue;
    const before = tail[i - 1];
    if (before && AGENCY_LINE.test(before)) return before;
    const after = tail[i + 1];
    if (after && AGENCY_LINE.test(after)) return after;
  }
  return undefined;
}

/**
 * How many lines at the end of `lines` are the 落款 — the agency and the date (or a blank 年 月 日 to fill by hand),
 * in either order, or the report's own agency alone (a page published undated) — and so not text of the last section.
 */
export function signatureLength(lines: readonly string[], agency?: string): number {
  const [second, last] = lines.slice(-2).map(normaliseLabel);
  if (last === undefined) return 0;
  if (agency && last === normaliseLabel(agency)) return 1;
  if (isDateLine(last)) return second !== undefined && AGENCY_LINE.test(second) ? 2 : 1;
  if (second !== undefined && isDateLine(second) && AGENCY_LINE.test(last)) return 2;
  return 0;
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
function mostLikelyAgency(allText: string): string | undefined {
  // Navigation (当前位置：首页 > … > 某局 > 年报) names pages, not the report's author.
  const text = allText
    .split('\n')
    .filter((line) => !/当前位置|您的位置|现在的位置|首页\s*[>＞›»/]/.test(line))
    .join('\n');
  let best: { name: string; score: number } | undefined;
  for (const match of text.matchAll(FULL_NAME)) {
    const [name, place, body] = match;
    if (!name || !place || !body || /政府信息|政务公开/.test(body)) continue;
    // A place name has no words of a sentence in it (我局将根据我区…, 本市各…).
    if (/[我本该各全将据的在对按为和与及等了把要由向从]/.test(place) || !agencyName(name)) continue;
    const level = place.slice(-1);
    const shortForm = `${level}${body}`;
    const fullNames = count(text, name);
    // The report speaks of itself by the short form (市商务局领导重视…): a name only mentioned in passing
    // (本报告由某局办公室负责编制) is not certain, and is left out.
    const ownMentions = count(text, shortForm) - fullNames;
    if (ownMentions < 1) continue;
    const score = fullNames * 3 + ownMentions;
    if (!best || score > best.score) best = { name, score };
  }
  return best?.name;
}

function count(text: string, part: string): number {
  let n = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) n++;
  return n;
}
