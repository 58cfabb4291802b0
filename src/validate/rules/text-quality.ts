// N007: the text as a reader meets it: no word typed twice (资金资金, 的的), no half-width punctuation among Chinese
// characters where the report otherwise writes the full-width mark, no quote or bracket left without its partner.
import { textSections } from '../../editions/fields';
import { defineRule } from '../rule';

const CJK = '\\u3400-\\u9fff';
const isCjk = (char: string | undefined) => char !== undefined && /[\u3400-\u9fff]/.test(char);

/** A word of two to four characters typed twice in a row. */
const REPEATED_WORD = new RegExp(`([${CJK}]{2,4})\\1`, 'g');
/** Doublings that are words: verbs tried out (研究研究), and 一X一X (一个一个, 一步一步) below. */
const WORD_DOUBLINGS = new Set(['研究研究', '学习学习', '商量商量', '考虑考虑', '讨论讨论', '检查检查', '了解了解']);
/** Numerals: 二〇二〇 is a year, not 二〇 twice. */
const NUMERALS = /^[〇零一二三四五六七八九十百千万两]+$/;
/**
 * Particles that are never doubled: 的的, 了了, 在在 … A character doubled inside AABB (实实在在, 的的确确, 是是非非,
 * 和和美美), after 一 (一对对), or in 不甚了了 / 了了分明 is a word, and 常常, 人人, 天天 are no particles.
 */
const PARTICLE = /([的了在和与及是并为也都就从向于以被将])\1/g;

/** A half-width mark and its full-width form. */
const MARKS: readonly { half: string; full: readonly string[] }[] = [
  { half: ',', full: ['，'] },
  { half: ';', full: ['；'] },
  { half: ':', full: ['：'] },
  { half: '()', full: ['（', '）'] },
];
/** Characters that stand for Chinese text either side of a mark: characters, and full-width quotes and brackets. */
const CHINESE_SIDE = /[\u3400-\u9fff“”‘’（）《》【】、。]/;

const PAIRS: readonly [string, string][] = [
  ['“', '”'],
  ['‘', '’'],
  ['（', '）'],
  ['【', '】'],
  ['《', '》'],
];

/** A short excerpt of the paragraph around a place, cut with … where the paragraph goes on. */
function excerpt(text: string, from: number, to: number = from + 1): string {
  const start = Math.max(0, from - 8);
  const end = Math.min(text.length, to + 8);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/** The words typed twice in a paragraph, each with where it is, in the order of the text. */
function repeatedWords(text: string): { word: string; index: number; length: number }[] {
  const found: { word: string; index: number; length: number }[] = [];
  for (const match of text.matchAll(REPEATED_WORD)) {
    const unit = match[1] as string;
    const whole = match[0];
    if (new Set(unit).size === 1 || NUMERALS.test(unit) || WORD_DOUBLINGS.has(whole) || unit.startsWith('一')) continue;
    found.push({ word: whole, index: match.index ?? 0, length: whole.length });
  }
  for (const match of text.matchAll(PARTICLE)) {
    const index = match.index ?? 0;
    const [before2, before1] = [text[index - 2], text[index - 1]];
    const [after1, after2] = [text[index + 2], text[index + 3]];
    if (before1 !== undefined && before1 === before2 && isCjk(before1)) continue; // 实实在在
    if (after1 !== undefined && after1 === after2 && isCjk(after1)) continue; // 的的确确
    if (before1 === '一') continue; // 一对对
    if (match[1] === '了' && (before1 === '甚' || text.startsWith('分明', index + 2))) continue;
    // Inside a word already found (的的 of 目的的目的的) it is said once.
    if (found.some((word) => index >= word.index && index < word.index + word.length)) continue;
    found.push({ word: match[0], index, length: 2 });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The places of a half-width mark among Chinese text in a paragraph. */
function halfWidthPlaces(text: string, half: string): number[] {
  const places: number[] = [];
  if (half === '()') {
    for (const match of text.matchAll(/\(([^()]*)\)/g))
      if ([...(match[1] ?? '')].some((char) => isCjk(char))) places.push(match.index ?? 0);
    return places;
  }
  for (let index = text.indexOf(half); index >= 0; index = text.indexOf(half, index + 1)) {
    // Half-width brackets next to the mark are looked through: 视频);加强 is Chinese text on both sides.
    const before = text
      .slice(0, index)
      .replace(/[\s()]+$/, '')
      .at(-1);
    const after = text.slice(index + 1).replace(/^[\s()]+/, '')[0];
    if (before && after && CHINESE_SIDE.test(before) && CHINESE_SIDE.test(after)) places.push(index);
  }
  return places;
}

/** The first quote or bracket of a pair left without its partner: where, which mark, and the one it lacks. */
function unbalanced(
  text: string,
  [open, close]: [string, string],
): { index: number; mark: string; partner: string } | undefined {
  const opened: number[] = [];
  for (let index = 0; index < text.length; index++) {
    if (text[index] === open) opened.push(index);
    else if (text[index] === close) {
      if (opened.pop() === undefined) return { index, mark: close, partner: open };
    }
  }
  const first = opened[0];
  return first === undefined ? undefined : { index: first, mark: open, partner: close };
}

export const textQuality = defineRule({
  id: 'N007',
  name: 'text-quality',
  severity: 'warning',
  description: {
    zh: '正文没有重复输入的词（资金资金、的的），中文中没有混用的半角标点，引号和括号成对',
    en: 'The text has no word typed twice (资金资金, 的的), no half-width punctuation mixed into Chinese text, and quotes and brackets in pairs',
  },
  details: {
    zh: '本规则读“一、总体情况”“五、存在的主要问题及改进情况”“六、其他需要报告的事项”的每一段，指出段落和原文片段：（1）两到四个字的词连写两次（资金资金、政务公开政务公开），或“的、了、在、和、是”等虚词连写（的的、了了）；叠词不算：单字叠用（常常、人人、天天、年年）、AABB（实实在在、的的确确）、“一个一个”“一对对”、“研究研究”之类以及汉字数字（二〇二〇）。（2）中文之间的半角逗号、分号、冒号和含中文的半角括号，数字（1,234）、网址和外文中的不算；全文一律用半角的（多为网站或转换工具所致）不逐处提示，只有同一报告中也用了对应的全角标点时才指出混用之处，每段每种标点一次。（3）同一段内的引号“”‘’和括号（）【】《》不成对。一至六的章节顺序和编号由报告格式固定，模型不记录各章标题，本规则不检查；“一”中小标题的编号也不检查。',
    en: 'The rule reads every paragraph of sections 一, 五 and 六 and names the paragraph with an excerpt: (1) a word of two to four characters typed twice (资金资金) or a particle doubled (的的, 了了) — reduplications are words and are not flagged: single characters (常常, 人人, 天天), AABB (实实在在, 的的确确), 一个一个 and 一对对, verbs tried out (研究研究), Chinese numerals (二〇二〇); (2) a half-width comma, semicolon or colon between Chinese characters, or half-width brackets around Chinese text — not in numbers (1,234), addresses or foreign words; a text written wholly in half-width marks (often a site’s or a converter’s doing) is not flagged place by place: only where the report also uses the full-width mark is the mix pointed out, once a paragraph and mark; (3) quotes “” ‘’ and brackets （） 【】 《》 without their partner in the same paragraph. The order and numbering of the six sections are fixed by the format and the model keeps no section headings, so they are not checked; nor is the numbering of 一’s sub-headings.',
  },
  messages: {
    repeatedWord: {
      zh: '{label}：“{word}”可能重复输入：“{excerpt}”',
      en: '{label}: "{word}" looks typed twice: "{excerpt}"',
    },
    halfWidth: {
      zh: '{label}：中文之间用了半角“{mark}”（本段 {count} 处，报告别处用全角“{full}”）：“{excerpt}”',
      en: '{label}: half-width "{mark}" among Chinese text ({count} in this paragraph; the report elsewhere writes "{full}"): "{excerpt}"',
    },
    unbalanced: {
      zh: '{label}：“{mark}”没有配对的“{partner}”：“{excerpt}”',
      en: '{label}: "{mark}" has no matching "{partner}": "{excerpt}"',
    },
  },
  check(context) {
    const paragraphs = textSections.flatMap((section) => {
      const texts = context.model[section];
      return Array.isArray(texts)
        ? texts.flatMap((text, index) => (typeof text === 'string' ? [{ text, pointer: `/${section}/${index}` }] : []))
        : [];
    });
    // The full-width marks the report writes anywhere: a half-width one among them is a slip, not the copy's habit.
    const written = MARKS.filter(({ full }) => paragraphs.some(({ text }) => full.some((mark) => text.includes(mark))));
    for (const { text, pointer } of paragraphs) {
      for (const repeated of repeatedWords(text))
        context.report({
          messageId: 'repeatedWord',
          pointer,
          params: { word: repeated.word, excerpt: excerpt(text, repeated.index, repeated.index + repeated.length) },
        });
      for (const { half, full } of written) {
        const places = halfWidthPlaces(text, half);
        const first = places[0];
        if (first === undefined) continue;
        context.report({
          messageId: 'halfWidth',
          pointer,
          params: { mark: half, count: places.length, full: full.join(''), excerpt: excerpt(text, first) },
        });
      }
      for (const pair of PAIRS) {
        const found = unbalanced(text, pair);
        if (found)
          context.report({
            messageId: 'unbalanced',
            pointer,
            params: { mark: found.mark, partner: found.partner, excerpt: excerpt(text, found.index) },
          });
      }
    }
  },
});
