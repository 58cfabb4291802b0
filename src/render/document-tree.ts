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
  /** Per column, what its text needs and how it shares the width the page leaves over. */
  columns: readonly ColumnWidth[];
  /** Header rows, repeated on every printed page. */
  head: TableCell[][];
  body: TableCell[][];
}

export interface ColumnWidth {
  /** Width in em of the table's font that the column's text needs on one line, cell padding excluded. */
  em: number;
  /** Share of the spare width of the page the column takes (0: none). */
  grow: number;
  /** Width in em at which the column's text would not wrap at all, granted before `grow` shares the rest. */
  wish?: number;
}

/** The 落款 closing a document for signature: the agency, and the date or a blank 年 月 日 line to write by hand. */
export interface SignatureBlock {
  kind: 'signature';
  agency: string;
  /** `2026年1月20日`; absent when no date was given. */
  date?: string;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  | TableBlock
  | SignatureBlock;

export interface ReportDocument {
  /** `<agency><year>年政府信息公开工作年度报告`. */
  title: string;
  edition: EditionId;
  /** Built with --force from a report that did not pass validation. */
  notValidated: boolean;
  blocks: Block[];
}
