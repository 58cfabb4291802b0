// What every published-report source (text, HTML, DOCX, PDF, a hand-made workbook) becomes before extraction:
// paragraphs and tables of cells, each remembering where it came from.
import type { SourceRef } from '../../diagnostics/diagnostic';

export type { SourceRef };

export interface FlowCell {
  text: string;
  source: SourceRef;
  /** A copy placed in a position covered by a merged (spanned) cell. */
  spanned?: boolean;
}

/**
 * How far a table's cells keep their places, which decides how its figures may be placed (SPEC §8):
 * - `grid`: a cell's index is its column (spans expanded): HTML, DOCX, workbooks;
 * - `fields`: each row is one line of separated fields (TAB, `|`) whose blank fields stay empty fields: after the
 *   row's label, the n-th field is the n-th column;
 * - `rows`: each row holds its labels and its figures, but blank cells left no trace (PDF text);
 * - `stream`: cells in reading order, one per line; rows are only where labels start (text copied cell by cell).
 */
export type TableLayout = 'grid' | 'fields' | 'rows' | 'stream';

export interface FlowTable {
  kind: 'table';
  rows: FlowCell[][];
  layout: TableLayout;
}

export interface FlowParagraph {
  kind: 'paragraph';
  text: string;
  source: SourceRef;
}

export type FlowItem = FlowParagraph | FlowTable;

export interface FlowDocument {
  items: FlowItem[];
  /** The page's own title (HTML <title>), which often names the agency when the body does not. */
  pageTitle?: string;
}
