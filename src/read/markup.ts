// The one way HTML and the XML inside Office files are parsed (htmlparser2): bounded in nesting depth and in element
// count while parsing, so no page or document can make a later tree walk overflow the stack or exhaust memory.
import { selectAll } from 'css-select';
import { type AnyNode, type Document, DomHandler, type Element } from 'domhandler';
import { Parser, type ParserOptions } from 'htmlparser2';
import { MarkupLimit } from './markup-limit';

// The tree's node types and tests, for the readers that walk it: htmlparser2's DOM (and css-select's matching on it)
// is used through this file only.
export { type ChildNode, type Element, isTag, isText } from 'domhandler';

/** Far beyond any report: published pages nest some 30 deep and hold a few thousand elements. */
export const MARKUP_LIMITS = { depth: 500, elements: 150_000 };

class BoundedHandler extends DomHandler {
  private depth = 0;
  private elements = 0;

  override onopentag(name: string, attribs: { [key: string]: string }): void {
    if (++this.depth > MARKUP_LIMITS.depth) throw new MarkupLimit('tooDeep', MARKUP_LIMITS.depth);
    if (++this.elements > MARKUP_LIMITS.elements) throw new MarkupLimit('tooManyElements', MARKUP_LIMITS.elements);
    super.onopentag(name, attribs);
  }

  override onclosetag(): void {
    this.depth--;
    super.onclosetag();
  }
}

export function parseMarkup(text: string, options: ParserOptions = {}): Document {
  const handler = new BoundedHandler(undefined, options);
  new Parser(handler, options).end(text);
  return handler.root;
}

/** The elements a CSS selector matches (css-select, on the same tree); throws on a selector it does not support. */
export function selectElements(selector: string, nodes: readonly AnyNode[]): Element[] {
  return selectAll(selector, nodes as AnyNode[]);
}
