// What every published-report source (text, HTML, DOCX, PDF, a hand-made workbook) becomes before extraction:
// paragraphs and tables of cells, each remembering where it came from.
import type { SourceRef } from '../../diagnostics/diagnostic';

export type { SourceRef };

export interface FlowCell {
  text: string;
  source: SourceRef;
  /** A copy placed in a position covered by a merged (spanned) cell. */
  spanned?: boolean;
  /** The cell a spanned copy copies: a merged cell counts once however many positions it covers. */
  origin?: FlowCell;
  /** A copy of a cell merged down from a row above: no label this row prints itself. */
  fromAbove?: boolean;
  /** No cell of the source stands here: a row shorter than the table, filled so positions stay positions. */
  hole?: boolean;
  /** PDF text: the middle of the cell's text across the page, in points. */
  x?: number;
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
  /**
   * A stream whose copy marks where rows end (a line of pipes, as the seed report's page gives), and whose last row
   * lacks that mark because the next heading follows: the blank cells that end a table were trimmed by the copy.
   */
  lastRowOpen?: boolean;
}

export interface FlowParagraph {
  kind: 'paragraph';
  text: string;
  source: SourceRef;
  /** Plain text: the blanks before the line's text, which in a PDF viewer's layout copy are its place across the page. */
  indent?: number;
}

export type FlowItem = FlowParagraph | FlowTable;

/** What a web page says about itself beside its text: its <title> and the meta tags government CMSs fill. */
export interface PageMeta {
  title?: string;
  /** `<meta name="ArticleTitle">`: the article's title as the CMS stores it. */
  articleTitle?: string;
  /** `<meta name="ContentSource">`: the body that published it (信息来源). */
  contentSource?: string;
  /** `<meta name="PubDate">`: when it was published. */
  pubDate?: string;
}

export interface FlowDocument {
  items: FlowItem[];
  /** The page's own title (HTML <title>), which often names the agency when the body does not. */
  pageTitle?: string;
  meta?: PageMeta;
}
