// Plain text as copied from a report's web page: paragraphs, and tables flattened to cells — one per line ending in
// `|` (a line of only pipes ends a row), ` | `-separated rows, or TAB-separated rows.
import type { FlowCell, FlowDocument, FlowItem } from './flow-document';

export function textToFlow(text: string): FlowDocument {
  const items: FlowItem[] = [];
  let rows: FlowCell[][] | undefined;
  let row: FlowCell[] = [];
  const endRow = () => {
    if (row.length && rows) rows.push(row);
    row = [];
  };
  const endTable = () => {
    endRow();
    if (rows?.length) items.push({ kind: 'table', rows, positioned: false });
    rows = undefined;
  };

  text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      const trimmed = raw.trim();
      if (trimmed === '') return;
      if (trimmed.includes('|')) {
        rows ??= [];
        const parts = trimmed.split('|');
        // Every `|` closes a cell; text after the last one (rare) is a cell of its own.
        const cells = (parts[parts.length - 1]?.trim() === '' ? parts.slice(0, -1) : parts).map((part) => ({
          text: part.trim(),
          source: { line },
        }));
        const hasContent = cells.some((cell) => cell.text !== '');
        row.push(...cells);
        // "X |" continues the row; a line of only pipes, or of several cells, closes it.
        if (!hasContent || cells.length > 1) endRow();
        return;
      }
      if (trimmed.includes('\t')) {
        rows ??= [];
        endRow();
        row = raw.split('\t').map((part) => ({ text: part.trim(), source: { line } }));
        endRow();
        return;
      }
      endTable();
      items.push({ kind: 'paragraph', text: trimmed, source: { line } });
    });
  endTable();
  return { items };
}
