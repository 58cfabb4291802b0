// The error a parse past the markup limits ends with, apart from the parser: catching it must not load htmlparser2.

/** Markup past a limit; the reader that parsed it names the file. */
export class MarkupLimit extends Error {
  override name = 'MarkupLimit';
  constructor(
    readonly messageId: 'tooDeep' | 'tooManyElements',
    readonly limit: number,
  ) {
    super(messageId);
  }
}
