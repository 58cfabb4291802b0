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
