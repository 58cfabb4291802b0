// The words of the interface are kept in tables, one an area, each in every language; code looks a word up by the
// user's language and never tests the language itself. Where the languages differ in behaviour, not words (a
// separator, a date, a column's width), that is a table entry per language too.

/** The languages of the interface: Chinese by default, English with --lang en. */
export type Lang = 'zh' | 'en';

/**
 * An area's words in every language: `defineWords({ zh: { … }, en: { … } })`. The Chinese table sets the keys and
 * their types (a text, a number, or a function that words its params), and the English is checked against it, so a
 * language left out, a word missing from one, an extra word, or a function taking other params is a compile error.
 */
export function defineWords<W extends object>(words: {
  readonly zh: W;
  readonly en: NoInfer<W>;
}): Readonly<Record<Lang, W>> {
  return words;
}

/** What every area writes the same way in a language: a list, a remark after a text, the language of a page. */
export const languageWords = defineWords({
  zh: {
    /** Between the items of a list in running text. */
    listSeparator: '，',
    /** Between the items of an enumeration of names (cells, columns, rules): 自然人、总计. */
    enumeration: '、',
    /** A remark after a text: `（…）` right after it in Chinese, ` (…)` after a space in English. */
    aside: (text: string) => `（${text}）`,
    /** The `lang` attribute of an HTML page. */
    htmlLang: 'zh-CN',
  },
  en: {
    listSeparator: ', ',
    enumeration: ', ',
    aside: (text) => ` (${text})`,
    htmlLang: 'en',
  },
});
