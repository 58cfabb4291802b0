// The neutral document that both renderers translate: title, headings, paragraphs and tables with row and column spans.
import type { EditionId } from '../editions/types';

export interface TableCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  /** A header cell (HTML th) and what it heads; absent for a data cell. */
  header?: 'col' | 'colgroup' | 'row' | 'rowgroup';
  /** A figure: aligned as a number; its pointer names the model value it shows. */
  pointer?: string;
}

export interface TableBlock {
  kind: 'table';
  /** `proactive`, `requests` or `appeals`. */
  id: string;
  caption: string;
  columnCount: number;
  /** Relative widths of the columns (sum is arbitrary). */
  widths: readonly number[];
  /** Header rows, repeated on every printed page. */
  head: TableCell[][];
  body: TableCell[][];
}

export type Block = { kind: 'heading'; level: 1 | 2; text: string } | { kind: 'paragraph'; text: string } | TableBlock;

export interface ReportDocument {
  /** `<agency><year>年政府信息公开工作年度报告`. */
  title: string;
  edition: EditionId;
  /** Built with --force from a report that did not pass validation. */
  notValidated: boolean;
  blocks: Block[];
}
