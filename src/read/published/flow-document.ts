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

export interface FlowTable {
  kind: 'table';
  rows: FlowCell[][];
  /**
   * Whether a cell's index is its column in the table (spans expanded, as in HTML, DOCX, workbooks and PDF).
   * Text copied from a web page loses the spans: its rows are only sequences of cells.
   */
  positioned: boolean;
}

export interface FlowParagraph {
  kind: 'paragraph';
  text: string;
  source: SourceRef;
}

export type FlowItem = FlowParagraph | FlowTable;

export interface FlowDocument {
  items: FlowItem[];
}
