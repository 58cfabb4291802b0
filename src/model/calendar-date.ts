// Dates as reports and pages write them — 2026年1月20日, 二〇二六年一月二十日, 2026-01-20, 2026/1/20 10:30 — read as
// calendar dates and written YYYY-MM-DD (the 落款 checks, the importer's signedOn and publishedOn).

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 十 = 10, 二十 = 20, 二十一 = 21, 十五 = 15; digits one by one for a year. */
function chineseNumber(text: string): number {
  if (!text.includes('十')) return Number([...text].map((char) => DIGITS[char] ?? 0).join(''));
  const [tens, ones] = text.split('十');
  return (tens ? (DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (DIGITS[ones] ?? 0) : 0);
}

const ARABIC = /((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})/;
const CHINESE = /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日/;

/** A date as a 落款 writes it, closing its line: 2025年1月20日 or 二〇二五年一月二十日. */
export const WRITTEN_DATE_AT_END =
  /((?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$/;
/** A date left for the hand (年　月　日, blanks removed), or with only the year written. */
export const BLANK_DATE = /^(\d{2,4}|[_＿]*)年[_＿]*月[_＿]*日$/;

/** A line that is only a date, written or left blank: a 落款's date line. */
export const isDateLine = (line: string): boolean =>
  BLANK_DATE.test(line) || WRITTEN_DATE_AT_END.exec(line)?.index === 0;

/** The first date the text writes, if it is a day of the calendar (2026-02-30 is none). */
export function firstDate(text: string): CalendarDate | undefined {
  const arabic = ARABIC.exec(text);
  const chinese = CHINESE.exec(text);
  const date =
    arabic && (!chinese || arabic.index <= chinese.index)
      ? { year: Number(arabic[1]), month: Number(arabic[2]), day: Number(arabic[3]) }
      : chinese
        ? {
            year: chineseNumber(chinese[1] as string),
            month: chineseNumber(chinese[2] as string),
            day: chineseNumber(chinese[3] as string),
          }
        : undefined;
  return date && isCalendarDay(date) ? date : undefined;
}

function isCalendarDay({ year, month, day }: CalendarDate): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= days;
}

/** A date as YYYY-MM-DD. */
export const isoDate = (date: CalendarDate) =>
  `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
