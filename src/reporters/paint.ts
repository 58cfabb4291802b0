// Terminal colours, the one place that calls util.styleText. Whether to colour is decided by the caller (--no-color,
// NO_COLOR, a terminal); Node 22.13+ would otherwise decide again from process.stdout, which may not be where we write.
import { styleText } from 'node:util';

export type Style = Parameters<typeof styleText>[0];

// Node 20's styleText takes no options and ignores the third argument.
const styleTextUnchecked = styleText as (style: Style, text: string, options?: { validateStream?: boolean }) => string;

export function painter(color: boolean): (style: Style, text: string) => string {
  return color ? (style, text) => styleTextUnchecked(style, text, { validateStream: false }) : (_style, text) => text;
}
