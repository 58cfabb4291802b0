// Plain text as copied from a report's web page: paragraphs, and tables flattened to cells — one per line ending in
// `|` (a line of only pipes ends a row, its pipes are the row's empty cells), or rows of ` | `- or TAB-separated
// fields whose empty fields keep the places of blank cells.
import { appendAll } from '../../model/many-values';
import type { FlowCell, FlowDocument, FlowItem, FlowParagraph, TableLayout } from './flow-document';
import { looksLikeValue } from './flow-sections';

/**
 * Paragraphs of a page or document that are rows of a table typed as text (a Markdown table pasted into a CMS editor,
 * `| 规章 | 0 | 9 | 0 |` one paragraph a row): read as the text copy they are, their fields keeping their places.
 */
export function tablesInParagraphs(items: readonly FlowItem[]): FlowItem[] {
  const result: FlowItem[] = [];
  let run: FlowParagraph[] = [];
  const flush = () => {
    if (run.length >= 2) {
      // Each line of the text is a paragraph of the page: its cells are where that paragraph is.
      const at = (source: { line?: number }) => run[(source.line ?? 1) - 1]?.source ?? {};
      for (const item of textToFlow(run.map((p) => p.text).join('\n')).items) {
        if (item.kind === 'paragraph') result.push({ ...item, source: at(item.source) });
        else
          result.push({
            ...item,
            rows: item.rows.map((row) => row.map((cell) => ({ ...cell, source: at(cell.source) }))),
          });
      }
    } else for (const paragraph of run) result.push(paragraph);
    run = [];
  };
  for (const item of items) {
    if (item.kind === 'paragraph' && /^\|.*\|.*\|\s*$/.test(item.text.trim())) run.push(item);
    else {
      flush();
      result.push(item);
    }
  }
  flush();
  return result;
}

export function textToFlow(text: string): FlowDocument {
  const items: FlowItem[] = [];
  let table: { layout: TableLayout; rows: FlowCell[][]; rowEnds: boolean } | undefined;
  let row: FlowCell[] = [];
  const endRow = () => {
    if (row.length && table) table.rows.push(row);
    row = [];
  };
  const endTable = () => {
    // A stream whose rows end in a line of pipes, its last row without one: the copy trimmed the table's last blanks.
    const lastRowOpen = table?.layout === 'stream' && table.rowEnds && row.length > 0;
    endRow();
    if (table?.rows.length)
      items.push({ kind: 'table', rows: table.rows, layout: table.layout, ...(lastRowOpen ? { lastRowOpen } : {}) });
    table = undefined;
  };
  // A change from cells-one-per-line to rows of fields (or back) starts another table: they place figures differently.
  const tableOf = (layout: TableLayout) => {
    if (table && table.layout !== layout) endTable();
    table ??= { layout, rows: [], rowEnds: false };
    return table;
  };

  text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      const trimmed = raw.trim();
      if (trimmed === '') return;
      // A Markdown table's rule under its header (|---|:---:|) is no row: its dashes are no figures.
      if (/^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/.test(trimmed)) return;
      const separator = trimmed.includes('|') ? '|' : raw.includes('\t') ? '\t' : undefined;
      if (separator === undefined) {
        endTable();
        const indent = raw.length - raw.trimStart().length;
        items.push({ kind: 'paragraph', text: trimmed, source: { line }, ...(indent ? { indent } : {}) });
        return;
      }
      const parts = (separator === '\t' ? raw.replace(/^[ \u3000]+|[ \u3000]+$/g, '') : trimmed).split(separator);
      // A `|` closes the cell before it: text after the last one (rare) is a cell of its own.
      if (separator === '|' && parts[parts.length - 1]?.trim() === '') parts.pop();
      const cells = parts.map((part) => ({ text: part.trim(), source: { line } }));
      const written = cells.filter((cell) => cell.text !== '').length;
      if (written === 0) {
        // A line of only pipes ends the row; its pipes are the row's empty cells.
        const ended = tableOf(table?.layout ?? 'stream');
        appendAll(row, cells);
        endRow();
        ended.rowEnds = true;
        return;
      }
      // A figure followed by empty cells ("0 | ||||") is the last cell of a row copied cell by cell; a label followed
      // by empty fields ("行政许可 | |") is a row of fields whose figures are blank.
      const first = cells[0]?.text ?? '';
      const rowOfFields = written >= 2 || first === '' || (cells.length >= 2 && !looksLikeValue(first));
      if (separator === '\t' || rowOfFields) {
        // A whole row on one line: its fields keep their places.
        tableOf('fields');
        endRow();
        row = cells;
        endRow();
        return;
      }
      // "X |" is one cell of a row copied cell by cell.
      tableOf('stream');
      appendAll(row, cells);
      if (cells.length > 1) endRow();
    });
  endTable();
  return { items };
}
