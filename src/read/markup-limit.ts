// The error a parse past the markup limits ends with, apart from the parser: catching it must not load htmlparser2.

/** Markup past a limit; the reader that parsed it names the file. */
export class MarkupLimit extends Error {
  override name = 'MarkupLimit';
  constructor(
    readonly messageId: 'tooDeep' | 'tooManyElements' | 'tooManyCells',
    readonly limit: number,
  ) {
    super(messageId);
  }
}

/**
 * Table cells a document may lay out, spans copied into every position they cover and short rows padded: a report's
 * three tables hold about 600, a portal page's layout a few thousand. Spans multiply what the markup limits bound —
 * a 3 MB DOCX of rows spanning 200 columns would otherwise lay out millions of cells, and hundreds of MB.
 */
export const MAX_GRID_CELLS = 200_000;

/** The cells one document has laid out so far; past MAX_GRID_CELLS its reading stops with tooManyCells. */
export class CellBudget {
  private used = 0;

  take(count: number): void {
    this.used += count;
    if (this.used > MAX_GRID_CELLS) throw new MarkupLimit('tooManyCells', MAX_GRID_CELLS);
  }
}
