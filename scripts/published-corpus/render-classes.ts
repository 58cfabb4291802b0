// Renders a plan into the shapes government sites really publish — text copied from a page (cell by cell, rows of
// fields, labels with figures on one line), HTML (several header structures, UTF-8 or GBK), hand-made workbooks —
// each with the truth: which figures the rendering keeps (a reader could recover them), and their values.
import * as XLSX from 'xlsx';
import { chance, pick, type Random } from './random-model';
import type { Plan, PlanCell, PlanItem, PlanRow } from './table-plan';

export type TextClass =
  | 'text-cells-terminated'
  | 'text-cells'
  | 'text-lines'
  | 'text-pipe'
  | 'text-bar'
  | 'text-tab'
  | 'text-spaces';
export const textClasses: readonly TextClass[] = [
  'text-cells-terminated',
  'text-cells',
  'text-lines',
  'text-pipe',
  'text-bar',
  'text-tab',
  'text-spaces',
];
/** Classes whose blank cells stay in place (so blanks and unprinted totals may be rendered). */
export const keepsPlaces = (cls: string) =>
  !['text-cells', 'text-lines', 'text-spaces'].includes(cls) && !cls.startsWith('pdf');

/** A piece of the output, and the figures a reader has in full once it is read (the row it completes). */
interface Piece {
  text: string;
  completes: readonly PlanCell[];
  /** Inside the tables of 三 or 四: where a truncated copy may be cut. */
  cuttable: boolean;
}

export interface Rendered {
  text: string;
  /** Figures the rendering keeps: pointer → value. */
  kept: Map<string, number>;
  truncated: boolean;
}

/** Which figures of a row a reader can recover when its cells lost their places (grid-alignment's rules). */
function keptOfFlattened(cells: readonly PlanCell[], terminated: boolean): PlanCell[] {
  if (cells.some((c) => c.garbled)) return [];
  const written = cells.filter((c) => c.text !== '');
  if (written.length === cells.length) return [...cells];
  if (terminated && written.length > 0 && written.every((c) => /^0+$/.test(c.text))) return [...cells];
  return [];
}

/** Which figures of a row that kept its places a reader recovers: all but a blank total beside non-zero parts. */
function keptOfPlaced(cells: readonly PlanCell[]): PlanCell[] {
  return cells.filter((c) => !c.garbled && (c.text !== '' || c.value === 0));
}

function finish(pieces: Piece[], random: Random, truncate: boolean, joiner: string): Rendered {
  let end = pieces.length;
  if (truncate) {
    const cuttable = pieces.map((p, i) => (p.cuttable ? i : -1)).filter((i) => i >= 0);
    end = pick(random, cuttable.slice(1));
  }
  const kept = new Map<string, number>();
  for (const piece of pieces.slice(0, end)) for (const cell of piece.completes) kept.set(cell.pointer, cell.value);
  dropBlankTables(pieces.slice(0, end), kept);
  return {
    text: pieces
      .slice(0, end)
      .map((p) => p.text)
      .join(joiner),
    kept,
    truncated: end < pieces.length,
  };
}

/** A table with no figure written at all is an empty form: its figures are missing, not zeros. */
function dropBlankTables(pieces: readonly Piece[], kept: Map<string, number>): void {
  for (const section of ['proactive', 'requests', 'appeals']) {
    const cells = pieces
      .flatMap((p) => p.completes)
      .filter((c) => c.pointer.startsWith(`/${section}/`) && kept.has(c.pointer));
    if (cells.length && cells.every((c) => c.text === '')) for (const c of cells) kept.delete(c.pointer);
  }
}

export function renderText(plan: Plan, cls: TextClass, random: Random, truncate: boolean): Rendered {
  const pieces: Piece[] = [];
  const line = (text: string, completes: readonly PlanCell[] = [], cuttable = false) =>
    pieces.push({ text, completes, cuttable });
  for (const item of plan.items) {
    if (item.kind !== 'table') {
      line(item.text);
      continue;
    }
    const cuttable = item.section !== 'proactive';
    for (const row of item.rows) textRow(row, cls, random, cuttable, line);
  }
  return finish(pieces, random, truncate, '\n');
}

function textRow(
  row: PlanRow,
  cls: TextClass,
  random: Random,
  cuttable: boolean,
  line: (text: string, completes?: readonly PlanCell[], cuttable?: boolean) => void,
): void {
  const labels = row.kind === 'data' ? row.labels : row.kind === 'item' ? [row.text] : row.texts;
  const cells = row.kind === 'data' ? row.cells : [];
  switch (cls) {
    case 'text-cells-terminated':
    case 'text-cells': {
      const terminated = cls === 'text-cells-terminated';
      const written = cells.filter((c) => c.text !== '');
      const parts = [...labels, ...written.map((c) => c.text)];
      const kept = keptOfFlattened(cells, terminated);
      parts.forEach((part, i) => {
        const last = i === parts.length - 1;
        line(`${part} |`, last && (!terminated || written.length === cells.length) ? kept : [], cuttable);
      });
      if (terminated) line('|'.repeat(cells.length - written.length + 1 + (cells.length ? 0 : 3)), kept, cuttable);
      return;
    }
    case 'text-lines': {
      const parts = [...labels, ...cells.map((c) => c.text)];
      parts.forEach((part, i) => {
        line(part, i === parts.length - 1 ? keptOfFlattened(cells, false) : [], cuttable);
      });
      return;
    }
    case 'text-spaces': {
      for (const label of labels.slice(0, -1)) line(label, [], cuttable);
      const own = labels[labels.length - 1];
      line(
        [...(own === undefined ? [] : [own]), ...cells.map((c) => c.text)].join(' '),
        keptOfFlattened(cells, false),
        cuttable,
      );
      return;
    }
    default: {
      const separator = cls === 'text-pipe' ? ' | ' : cls === 'text-bar' ? '|' : '\t';
      // A row under a group label printed above may start with the empty field of the merged cell.
      const lead = row.kind === 'data' && row.labels.length === 1 && chance(random, 0.3) ? [''] : [];
      const fields = [...lead, ...labels, ...cells.map((c) => c.text)];
      const tail = separator === '\t' || chance(random, 0.5) ? '' : separator.trim();
      // Copied text loses the blanks at a line's end: a last empty field survives only before a closing separator.
      const lastLost = separator !== '\t' && tail === '' && cells[cells.length - 1]?.text === '';
      line(fields.join(separator) + tail, lastLost ? [] : keptOfPlaced(cells), cuttable);
    }
  }
}

// ---------------------------------------------------------------- HTML

export type HeaderStyle = 'official' | 'simple';

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An HTML page as a site's CMS writes it: the official merged headers, or simpler one-line ones. */
export function renderHtml(
  plan: Plan,
  style: HeaderStyle,
  random: Random,
  truncate: boolean,
  charset = 'utf-8',
): Rendered {
  const pieces: Piece[] = [];
  const add = (text: string, completes: readonly PlanCell[] = [], cuttable = false) =>
    pieces.push({ text, completes, cuttable });
  add(
    `<!DOCTYPE html><html><head><meta charset="${charset}"><title>${escapeText(plan.pageTitle)}</title></head><body>`,
  );
  const cellTag = style === 'official' ? 'td' : 'th';
  for (const item of plan.items) {
    if (item.kind === 'heading') add(`<h2>${escapeText(item.text)}</h2>\n`);
    else if (item.kind === 'paragraph') add(`<p>${escapeText(item.text)}</p>\n`);
    else htmlTable(item, style, cellTag, add);
  }
  add('</body></html>');
  return finish(pieces, random, truncate, '');
}

function htmlTable(
  item: Extract<PlanItem, { kind: 'table' }>,
  style: HeaderStyle,
  headTag: string,
  add: (text: string, completes?: readonly PlanCell[], cuttable?: boolean) => void,
): void {
  const cuttable = item.section !== 'proactive';
  const td = (text: string, attrs = '') => `<td${attrs}>${escapeText(text)}</td>`;
  add('<table border="1">');
  if (item.section === 'proactive') {
    for (const row of item.rows) {
      if (row.kind === 'item') add(`<tr>${td(row.text, ' colspan="4"')}</tr>`);
      else if (row.kind === 'header')
        add(`<tr>${row.texts.map((t) => `<${headTag}>${escapeText(t)}</${headTag}>`).join('')}</tr>`);
      else
        add(`<tr>${td(row.labels.join(''))}${row.cells.map((c) => td(c.text)).join('')}</tr>`, keptOfPlaced(row.cells));
    }
  } else if (item.section === 'requests') {
    const [note, , organisations] = item.rows as [PlanRow, PlanRow, PlanRow];
    const columns = organisations.kind === 'header' ? organisations.texts : [];
    if (style === 'official') {
      const texts = note.kind === 'header' ? note.texts : [];
      add(`<tr>${td(texts[0] ?? '', ' rowspan="3" colspan="3"')}${td(texts[1] ?? '', ' colspan="7"')}</tr>`);
      add(
        `<tr>${td('自然人', ' rowspan="2"')}${td('法人或其他组织', ' colspan="5"')}${td('总计', ' rowspan="2"')}</tr>`,
      );
      add(`<tr>${columns.map((t) => td(t)).join('')}</tr>`);
    } else {
      add(`<tr><th colspan="3">项目</th>${['自然人', ...columns, '总计'].map((t) => `<th>${t}</th>`).join('')}</tr>`);
    }
    const data = item.rows.filter((r): r is Extract<PlanRow, { kind: 'data' }> => r.kind === 'data');
    for (const row of data) {
      // Labels take three columns: each row's labels right-aligned, the first spanning what is left.
      const labels = row.labels;
      const span = 3 - labels.length + 1;
      const labelCells = labels.map((l, i) => td(l, i === 0 && span > 1 ? ` colspan="${span}"` : ''));
      add(
        `<tr>${labelCells.join('')}${row.cells.map((c) => td(c.text)).join('')}</tr>`,
        keptOfPlaced(row.cells),
        cuttable,
      );
    }
  } else {
    const row = item.rows.find((r): r is Extract<PlanRow, { kind: 'data' }> => r.kind === 'data');
    const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    if (style === 'official') {
      add(`<tr>${td('行政复议', ' colspan="5"')}${td('行政诉讼', ' colspan="10"')}</tr>`, [], cuttable);
      add(
        `<tr>${outcomes.map((o) => td(o, ' rowspan="2"')).join('')}${td('未经复议直接起诉', ' colspan="5"')}${td('复议后起诉', ' colspan="5"')}</tr>`,
        [],
        cuttable,
      );
      add(`<tr>${[...outcomes, ...outcomes].map((o) => td(o)).join('')}</tr>`, [], cuttable);
    } else {
      // The older drawing: 行政复议 two rows high over its outcomes.
      add(`<tr><th colspan="5" rowspan="2">行政复议</th><th colspan="10">行政诉讼</th></tr>`, [], cuttable);
      add(`<tr><th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>`, [], cuttable);
      add(`<tr>${[...outcomes, ...outcomes, ...outcomes].map((o) => `<th>${o}</th>`).join('')}</tr>`, [], cuttable);
    }
    if (row) add(`<tr>${row.cells.map((c) => td(c.text)).join('')}</tr>`, keptOfPlaced(row.cells), cuttable);
  }
  add('</table>\n');
}

// ---------------------------------------------------------------- GBK

let gbkTable: Map<string, number[]> | undefined;

/** GBK bytes of a text (Node has no GBK encoder: the table is the decoder's, inverted). */
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(gbkTable.get(ch) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}

// ---------------------------------------------------------------- workbooks

/** A workbook made by hand after the official tables: labels in the first columns, merged header cells. */
export function renderWorkbook(plan: Plan): { bytes: Buffer; kept: Map<string, number> } {
  const rows: (string | number | undefined)[][] = [];
  const merges: XLSX.Range[] = [];
  const merge = (r: number, c: number, rows = 1, cols = 1) =>
    merges.push({ s: { r, c }, e: { r: r + rows - 1, c: c + cols - 1 } });
  const completes: Piece[] = [];
  const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  for (const item of plan.items) {
    if (item.kind !== 'table') {
      rows.push([item.text]);
      continue;
    }
    rows.push([]);
    if (item.section === 'requests') {
      const at = rows.length;
      rows.push(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况']);
      rows.push(['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计']);
      rows.push(['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']);
      merge(at, 0, 3, 3);
      merge(at, 3, 1, 7);
      merge(at + 1, 3, 2, 1);
      merge(at + 1, 4, 1, 5);
      merge(at + 1, 9, 2, 1);
    } else if (item.section === 'appeals') {
      const at = rows.length;
      rows.push(['行政复议', '', '', '', '', '行政诉讼']);
      rows.push([...outcomes, '未经复议直接起诉', '', '', '', '', '复议后起诉']);
      rows.push(['', '', '', '', '', ...outcomes, ...outcomes]);
      merge(at, 0, 1, 5);
      merge(at, 5, 1, 10);
      for (let c = 0; c < 5; c++) merge(at + 1, c, 2, 1);
      merge(at + 1, 5, 1, 5);
      merge(at + 1, 10, 1, 5);
    }
    for (const row of item.rows) {
      if (row.kind === 'item') rows.push([row.text]);
      else if (row.kind === 'header') {
        if (item.section === 'proactive') rows.push(row.texts);
      } else {
        const labels =
          item.section === 'requests' ? [...Array(3 - row.labels.length).fill(''), ...row.labels] : row.labels;
        const values = row.cells.map((c) =>
          c.text === '' ? undefined : /^-?\d+(\.\d+)?$/.test(c.text) ? Number(c.text) : c.text,
        );
        rows.push([...labels, ...values]);
        completes.push({ text: '', completes: keptOfPlaced(row.cells), cuttable: false });
      }
    }
    rows.push([]);
  }
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!merges'] = merges;
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '年度报告');
  const kept = new Map<string, number>();
  for (const piece of completes) for (const cell of piece.completes) kept.set(cell.pointer, cell.value);
  dropBlankTables(completes, kept);
  return { bytes: XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer, kept };
}
