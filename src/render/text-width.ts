// How wide a text sets, in em of its font: what column widths and line breaks are computed from.

/**
 * The width of `text` in em: Chinese characters, full-width punctuation and the curly quotes a Chinese font sets
 * full-width take one em; ASCII letters, digits and points half an em (Times New Roman's digits are 0.5 em).
 */
export function textEm(text: string): number {
  let em = 0;
  for (const ch of text) em += (ch.codePointAt(0) ?? 0) < 0x2000 ? 0.5 : 1;
  return em;
}

/**
 * The space Word and LibreOffice add where Chinese characters meet Latin letters or digits (Word's 自动调整中文与
 * 西文/数字的间距, on by default): a fifth of an em in LibreOffice, about a quarter in Word; the wider is counted.
 */
export const AUTOSPACE_EM = 0.25;

const LATIN = /[0-9A-Za-z]/;
/** Ideographs (and the rest of CJK but its punctuation and full-width forms), which autospace sets apart from Latin. */
const isIdeographic = (code: number) =>
  code >= 0x2e80 && !(code >= 0x3000 && code <= 0x303f) && !(code >= 0xff00 && code <= 0xffef);

/** The width of `text` in em as Word and LibreOffice set it on one line: `textEm` and the autospace it gets. */
export function setEm(text: string): number {
  let em = 0;
  let previous: 'latin' | 'ideographic' | undefined;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const kind = LATIN.test(ch) ? 'latin' : isIdeographic(code) ? 'ideographic' : undefined;
    if (kind && previous && kind !== previous) em += AUTOSPACE_EM;
    em += code < 0x2000 ? 0.5 : 1;
    previous = kind;
  }
  return em;
}
