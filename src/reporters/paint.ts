// Terminal colours as plain ANSI codes: the same bytes Node's util.styleText writes for these styles, with no Node
// built-in, so the core runs in a browser too. Whether to colour is decided by the caller (--no-color, NO_COLOR, a
// terminal), never here from process.stdout, which may not be where we write.

/** Open and close codes of each style, as Node's util.inspect.colors has them. */
const CODES = {
  bold: [1, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  gray: [90, 39],
} as const satisfies Record<string, readonly [number, number]>;

export type StyleName = keyof typeof CODES;
/** A style, or several applied together (the first outermost), as styleText takes them. */
export type Style = StyleName | readonly StyleName[];

const sgr = (code: number) => `\u001b[${code}m`;

/** `text` in `style`: every opening code, the text, then the closing codes in reverse order. */
function paint(style: Style, text: string): string {
  let left = '';
  let right = '';
  for (const name of typeof style === 'string' ? [style] : style) {
    const [open, close] = CODES[name];
    left += sgr(open);
    right = sgr(close) + right;
  }
  return left + text + right;
}

export function painter(color: boolean): (style: Style, text: string) => string {
  return color ? paint : (_style, text) => text;
}
