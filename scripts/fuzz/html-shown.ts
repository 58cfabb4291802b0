// Mutations of a report's page that keep it a readable report but play with what a browser shows of a figure's cell:
// text hidden by an attribute, an inline style, a class (simple or not), a closed <details>, a control whose label is
// shown, a cell kept in its place but invisible or drawn at 0 px, a figure split by markup a reader must see through.
// Most keep the verdict `ok`, so the HTML oracle (html-oracle.ts) compares every figure with what Chromium shows.
import type { Random } from '../seeded-random';

const int = (random: Random, below: number) => Math.floor(random() * below);
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)] as T;

/** What is done to one figure cell: its opening tag and its digits in, the new markup out; a rule for <style> or not. */
type Edit = (cell: { open: string; digits: string }, random: Random) => { markup: string; css?: string };

const withStyle = (open: string, style: string) =>
  /style="/.test(open) ? open.replace(/style="/, `style="${style};`) : open.replace(/>$/, ` style="${style}">`);

const EDITS: Record<string, Edit> = {
  // Hidden text a reader must leave out (both sides agree when it does).
  'hidden-span': ({ open, digits }) => ({ markup: `${open}<span style="display:none">9</span>${digits}` }),
  'hidden-attribute': ({ open, digits }) => ({ markup: `${open}<span hidden>9</span>${digits}` }),
  'hidden-class': ({ open, digits }) => ({
    markup: `${open}<span class="zz">9</span>${digits}`,
    css: '.zz{display:none}',
  }),
  'hidden-selector': ({ open, digits }, random) => ({
    markup: `${open}<span class="zy" id="zy">9</span>${digits}`,
    css: `${pick(random, ['td .zy', 'span.zy', '#zy', '.zy:first-child', 'td > .zy'])}{display:none}`,
  }),
  'hidden-style-overridden': ({ open, digits }) => ({
    // The last declaration wins: this span is shown.
    markup: `${open}<span style="display:none;display:inline">1</span>${digits}`,
  }),
  'visible-inside-hidden': ({ open, digits }) => ({
    // visibility is inherited, and a child may take it back: the 1 is shown.
    markup: `${open}<span style="visibility:hidden"><span style="visibility:visible">1</span></span>${digits}`,
  }),
  'closed-details': ({ open, digits }) => ({ markup: `${open}<details><summary></summary>9</details>${digits}` }),
  'button-label': ({ open, digits }) => ({ markup: `${open}<button>1</button>${digits}` }),
  'zero-font': ({ open, digits }) => ({ markup: `${open}<span style="font-size:0px">9</span>${digits}` }),
  'noscript-template': ({ open, digits }, random) => ({
    markup: `${open}${pick(random, ['<noscript>9</noscript>', '<template>9</template>', '<!-- 9 -->'])}${digits}`,
  }),
  // The cell itself: kept in its place but not seen, or taken out of the table's grid.
  'cell-invisible': ({ open, digits }) => ({ markup: `${withStyle(open, 'visibility:hidden')}${digits}` }),
  'cell-zero-font': ({ open, digits }) => ({ markup: `${withStyle(open, 'font-size:0')}${digits}` }),
  'cell-display-none': ({ open, digits }) => ({
    markup: `${withStyle(open, 'display:none')}${digits}</td><td>${digits}`,
  }),
  'cell-hidden-attribute': ({ open, digits }) => ({
    markup: `${open.replace(/>$/, ' hidden>')}${digits}</td><td>${digits}`,
  }),
  // A figure split or dressed by markup that shows as the same digits.
  'split-by-markup': ({ open, digits }, random) => {
    if (digits.length < 2) return { markup: `${open}<b>${digits}</b>` };
    const cut = 1 + int(random, digits.length - 1);
    const join = pick(random, ['<!-- -->', '<wbr>', '<span></span>', '</b><b>', '&#8203;', '\u00ad']);
    return { markup: `${open}<b>${digits.slice(0, cut)}${join}${digits.slice(cut)}</b>` };
  },
  'entities-and-spaces': ({ open, digits }, random) => ({
    markup: `${open}${pick(random, ['&nbsp;', ' ', '\u3000', '\n'])}${[...digits].map((digit) => (random() < 0.5 ? `&#${digit.charCodeAt(0)};` : digit)).join('')}${pick(random, ['&nbsp;', '', ' '])}`,
  }),
  'line-break': ({ open, digits }) => ({ markup: `${open}<br>${digits}<br>` }),
  'off-screen-text': ({ open, digits }) => ({
    markup: `${open}${digits}<span style="position:absolute;left:-9999px">件</span>`,
  }),
};

export const SHOWN_EDITS = Object.keys(EDITS);

/** 1–3 edits on figure cells (`<td …>digits</td>`), most often in the first table, whose figures no sum ties. */
export function mutateShown(bytes: Buffer, random: Random): { kind: string; bytes: Buffer } {
  let page = bytes.toString('utf8');
  const names: string[] = [];
  const rules: string[] = [];
  const edits = 1 + int(random, 3);
  for (let i = 0; i < edits; i++) {
    const cells = [...page.matchAll(/(<td\b[^>]*>)(\d+(?:\.\d+)?)(?=<\/td>)/g)];
    if (!cells.length) break;
    const firstTable = page.indexOf('</table>');
    const early = cells.filter((cell) => (cell.index ?? 0) < firstTable);
    const cell = pick(random, early.length && random() < 0.6 ? early : cells);
    const name = pick(random, SHOWN_EDITS);
    const edit = EDITS[name] as Edit;
    const { markup, css } = edit({ open: cell[1] ?? '<td>', digits: cell[2] ?? '' }, random);
    const at = cell.index ?? 0;
    page = page.slice(0, at) + markup + page.slice(at + cell[0].length);
    names.push(name);
    if (css) rules.push(css);
  }
  if (rules.length) {
    const style = `<style>${rules.join('\n')}</style>`;
    page = /<\/head>/i.test(page) ? page.replace(/<\/head>/i, `${style}</head>`) : style + page;
  }
  return { kind: `shown-${names.join('+')}`, bytes: Buffer.from(page) };
}
