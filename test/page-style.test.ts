// What the HTML reader takes from a page is what a browser shows (src/read/published/page-style.ts): each case is a
// way pages hide or show text, with the answer Chromium gives (the fuzzer's HTML oracle checks the same in a browser).
import { parsePage } from '../src/read/published/html-source';
import { cssRules, parseDeclarations } from '../src/read/published/page-style';

/** The texts of the first table's cells, row by row, of a page with this style sheet and these cells. */
function cells(row: string, css = '', head = ''): string[] {
  const page = `<html><head><style>${css}</style>${head}</head><body><table><tr><th>a</th><th>b</th><th>c</th></tr><tr>${row}</tr></table></body></html>`;
  const table = parsePage(page).flow.items.find((item) => item.kind === 'table');
  if (table?.kind !== 'table') throw new Error('no table read');
  return (table.rows[1] ?? []).map((cell) => cell.text);
}

describe('text a page hides is not read', () => {
  test.each([
    ['a class', '.x{display:none}'],
    ['a class on its element', 'span.x{display:none}'],
    ['an id', '#y{display:none}'],
    ['a child combinator', 'td > .x{display:none}'],
    ['a descendant combinator', 'td .x{display:none}'],
    ['a pseudo-class', '.x:first-child{display:none}'],
    ['a rule inside @media screen', '@media screen { .x{display:none} }'],
    ['a more specific rule over a later one', 'td span.x{display:none} span{display:inline}'],
    ['!important over a more specific rule', '.x{display:none!important} #y{display:inline}'],
    ['visibility', '.x{visibility:hidden}'],
    ['a font size of 0', '.x{font-size:0}'],
    ['the font shorthand at 0', '.x{font:0/0 a}'],
  ])('%s', (_name, css) => {
    expect(cells('<td><span class="x" id="y">9</span>1</td><td>2</td><td>3</td>', css)).toEqual(['1', '2', '3']);
  });

  test.each([
    ['the hidden attribute', '<td><span hidden>9</span>1</td><td>2</td><td>3</td>'],
    ['a closed <details>', '<td><details><summary></summary>9</details>1</td><td>2</td><td>3</td>'],
    ['a <noscript> and a <template>', '<td><noscript>9</noscript><template>9</template>1</td><td>2</td><td>3</td>'],
    ['an inline font size of 0 px', '<td><span style="font-size:0px">9</span>1</td><td>2</td><td>3</td>'],
  ])('%s', (_name, row) => {
    expect(cells(row)).toEqual(['1', '2', '3']);
  });
});

describe('text a page shows is read', () => {
  test.each([
    ['a later rule of the same weight', '.x{display:none} .x{display:inline}'],
    ['a rule for print only', '@media print { .x{display:none} }'],
    ['a rule the matcher cannot apply', '.x::before{display:none} .x:hover{display:none}'],
    ['a rule inside another at-rule', '@font-face { font-family: a } @keyframes k { from { display:none } }'],
  ])('%s', (_name, css) => {
    expect(cells('<td><span class="x">9</span>1</td><td>2</td><td>3</td>', css)).toEqual(['91', '2', '3']);
  });

  test.each([
    ['the last of two inline declarations', '<td><span style="display:none;display:inline">9</span>1</td>'],
    [
      'a visible child of a hidden parent',
      '<td><span style="visibility:hidden"><span style="visibility:visible">9</span></span>1</td>',
    ],
    [
      'a sized child of a 0-size parent',
      '<td><span style="font-size:0"><span style="font-size:12px">9</span></span>1</td>',
    ],
    ["a button's label", '<td><button>9</button>1</td>'],
    ['an open <details>', '<td><details open><summary></summary>9</details>1</td>'],
  ])('%s', (_name, cell) => {
    expect(cells(`${cell}<td>2</td><td>3</td>`).map((text) => text.replace(/\s/g, ''))).toEqual(['91', '2', '3']);
  });

  test('a style element for print applies to print only', () => {
    expect(
      cells(
        '<td><span class="x">9</span>1</td><td>2</td><td>3</td>',
        '',
        '<style media="print">.x{display:none}</style>',
      ),
    ).toEqual(['91', '2', '3']);
  });
});

describe('cells keep their columns as a browser lays them out', () => {
  test('a cell not laid out gives its column to the next; one laid out but unseen keeps it, empty', () => {
    expect(cells('<td style="display:none">9</td><td>1</td><td>2</td><td>3</td>')).toEqual(['1', '2', '3']);
    expect(cells('<td hidden>9</td><td>1</td><td>2</td><td>3</td>')).toEqual(['1', '2', '3']);
    expect(cells('<td style="visibility:hidden">9</td><td>2</td><td>3</td>')).toEqual(['', '2', '3']);
    expect(cells('<td style="font-size:0">9</td><td>2</td><td>3</td>')).toEqual(['', '2', '3']);
  });
});

describe('the style sheet as the reader sees it', () => {
  test('rules by media and at-rule; declarations with the last one and !important', () => {
    expect(
      cssRules(
        '/* a{} */ a, b {display:none} @media print { c{display:none} } @media (max-width: 600px) { d{x:y} }',
      ).map((rule) => rule.selectors),
    ).toEqual([['a', 'b'], ['d']]);
    expect(
      parseDeclarations('display: none; color: red; visibility: HIDDEN !important; font: italic 0/1 serif'),
    ).toEqual([
      { property: 'display', value: 'none', important: false },
      { property: 'visibility', value: 'hidden', important: true },
      { property: 'fontSize', value: '0', important: false },
    ]);
  });
});

describe('cells outside a row make a row of their own, as a browser parses them', () => {
  const rows = (body: string) => {
    const table = parsePage(`<html><body><table>${body}</table></body></html>`).flow.items.find(
      (item) => item.kind === 'table',
    );
    if (table?.kind !== 'table') throw new Error('no table read');
    return table.rows.map((row) => row.map((cell) => cell.text));
  };

  test('bare cells in a row group, and a damaged tag leaving its cells outside their row (fuzz seeds 41 and 42)', () => {
    expect(rows('<thead><tr><th>a</th><th>b</th></tr><td>1<td>2\n<tr><th>c</th><th>d</th></tr></thead>')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['c', 'd'],
    ]);
    expect(
      rows('<tbody><tr><th>x</th></tr><\0\0</th><th>h1</th><th>h2</th></tr><tr><th>r</th><td>0</td></tr></tbody>'),
    ).toEqual([
      ['x', ''],
      ['h1', 'h2'],
      ['r', '0'],
    ]);
  });
});
