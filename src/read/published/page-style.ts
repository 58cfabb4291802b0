// What a browser shows of a page, from its markup and its own style sheets: which elements are laid out (display), and
// which of them show their text (visibility and font size, both inherited and taken back by a descendant). A figure a
// page hides is not a figure of the report: the fuzzer's HTML oracle found the importer taking a 9 hidden by a
// selector (`td > .x`), a closed <details> or text drawn at 0 px, and leaving out a <button>'s shown label.
//
// The cascade as browsers apply it to these properties: a page's rules in the order of specificity then of source,
// the element's style attribute above them, !important above both. Rules under @media apply when the query can hold
// on a screen of any width (print-only rules do not). Left alone: linked style sheets (never fetched), scripts, and
// other ways to hide text (opacity, clipping, text moved off the page or coloured as its background).
import { type ChildNode, type Element, isTag, selectElements } from '../markup';

/** Elements whose content a browser does not show as text (or that hold controls, not text). */
const NOT_SHOWN = new Set([
  'script',
  'style',
  'head',
  'noscript',
  'template',
  'select',
  'option',
  'textarea',
  'input',
  'object',
  'iframe',
  'svg',
  'math',
  'datalist',
  'title',
  'meta',
  'link',
]);

/** Rules a page's style sheets may give that bear on what is shown; past this many the rest are not applied. */
const MAX_RULES = 200;

type Property = 'display' | 'visibility' | 'fontSize';

interface Declaration {
  property: Property;
  value: string;
  important: boolean;
}

/** A declaration's rank in the cascade: origin (normal, inline, important, inline important), specificity, order. */
type Rank = [origin: number, specificity: number, order: number];

interface Computed {
  displayed: boolean;
  visible: boolean;
  zeroFont: boolean;
  /** A closed <details>: its text outside the summary is not shown. */
  closedDetails?: true;
}

export class PageStyle {
  private readonly computed = new WeakMap<Element, Computed>();

  constructor(nodes: readonly ChildNode[]) {
    const fromSheets = sheetDeclarations(nodes);
    const walk: { node: ChildNode; parent: Computed }[] = nodes
      .map((node) => ({ node, parent: { displayed: true, visible: true, zeroFont: false } }))
      .reverse();
    for (let entry = walk.pop(); entry; entry = walk.pop()) {
      const { node, parent } = entry;
      if (!isTag(node)) continue;
      const own = resolve(fromSheets.get(node) ?? [], node.attribs.style);
      const visibility = own.visibility;
      const computed: Computed = {
        displayed:
          parent.displayed &&
          !NOT_SHOWN.has(node.name) &&
          (own.display === undefined ? node.attribs.hidden === undefined : own.display !== 'none'),
        visible:
          visibility === undefined || visibility === 'inherit'
            ? parent.visible
            : visibility !== 'hidden' && visibility !== 'collapse',
        zeroFont: own.fontSize === undefined ? parent.zeroFont : isZeroSize(own.fontSize, parent.zeroFont),
      };
      // A closed <details> shows its first <summary> only: its own text and its other children are not laid out.
      const closed = node.name === 'details' && node.attribs.open === undefined;
      this.computed.set(node, closed ? { ...computed, closedDetails: true } : computed);
      const summary = closed ? node.children.find((child) => isTag(child) && child.name === 'summary') : undefined;
      for (let i = node.children.length - 1; i >= 0; i--) {
        const child = node.children[i] as ChildNode;
        walk.push({ node: child, parent: closed && child !== summary ? { ...computed, displayed: false } : computed });
      }
    }
  }

  /** Whether the element is laid out (takes a place: a cell keeps its column even when its text is not shown). */
  displayed(element: Element): boolean {
    return this.computed.get(element)?.displayed ?? false;
  }

  /** Whether text directly inside the element is shown: laid out, visible, drawn at a size above 0. */
  showsText(element: Element): boolean {
    const computed = this.computed.get(element);
    return !!computed?.displayed && computed.visible && !computed.zeroFont && !computed.closedDetails;
  }

  /** Whether a row or a table is shown: laid out and visible (an invisible row leaves no row a reader can see). */
  shown(element: Element): boolean {
    const computed = this.computed.get(element);
    return !!computed?.displayed && computed.visible;
  }
}

/** Each element's declarations from the page's style sheets, with their rank. */
function sheetDeclarations(nodes: readonly ChildNode[]): Map<Element, { declaration: Declaration; rank: Rank }[]> {
  const found = new Map<Element, { declaration: Declaration; rank: Rank }[]>();
  let order = 0;
  let rules = 0;
  for (const style of styleElements(nodes)) {
    if (!mediaApplies(style.attribs.media ?? '')) continue;
    for (const rule of cssRules(textOf(style))) {
      const declarations = parseDeclarations(rule.body);
      if (declarations.length === 0) continue;
      if (++rules > MAX_RULES) return found;
      for (const selector of rule.selectors) {
        let elements: Element[];
        try {
          elements = selectElements(selector, nodes);
        } catch {
          continue; // A selector the matcher does not know (a pseudo-element, :hover): it selects nothing here.
        }
        const specificity = specificityOf(selector);
        order++;
        for (const element of elements) {
          const list = found.get(element) ?? [];
          for (const declaration of declarations)
            list.push({ declaration, rank: [declaration.important ? 2 : 0, specificity, order] });
          found.set(element, list);
        }
      }
    }
  }
  return found;
}

function styleElements(nodes: readonly ChildNode[]): Element[] {
  const styles: Element[] = [];
  const stack: ChildNode[] = [...nodes].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!isTag(node)) continue;
    if (node.name === 'style') styles.push(node);
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ChildNode);
  }
  return styles;
}

function textOf(node: Element): string {
  return node.children.map((child) => ('data' in child && typeof child.data === 'string' ? child.data : '')).join('');
}

/** The winning value of each property for one element: sheet declarations by rank, then its style attribute. */
function resolve(
  fromSheets: readonly { declaration: Declaration; rank: Rank }[],
  inline: string | undefined,
): Partial<Record<Property, string>> {
  const best = new Map<Property, { value: string; rank: Rank }>();
  const offer = (declaration: Declaration, rank: Rank) => {
    const current = best.get(declaration.property);
    if (!current || compareRank(rank, current.rank) >= 0)
      best.set(declaration.property, { value: declaration.value, rank });
  };
  for (const { declaration, rank } of fromSheets) offer(declaration, rank);
  if (inline)
    parseDeclarations(inline).forEach((declaration, index) => {
      offer(declaration, [declaration.important ? 3 : 1, 0, index]);
    });
  const values: Partial<Record<Property, string>> = {};
  for (const [property, { value }] of best) values[property] = value;
  return values;
}

function compareRank(a: Rank, b: Rank): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The declarations of a rule body or style attribute that bear on what is shown, in order (the last one wins). */
export function parseDeclarations(body: string): Declaration[] {
  const declarations: Declaration[] = [];
  for (const part of body.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const name = part.slice(0, colon).trim().toLowerCase();
    let value = part
      .slice(colon + 1)
      .trim()
      .toLowerCase();
    const important = /!\s*important$/.test(value);
    if (important) value = value.replace(/!\s*important$/, '').trim();
    if (name === 'display' || name === 'visibility') declarations.push({ property: name, value, important });
    else if (name === 'font-size') declarations.push({ property: 'fontSize', value, important });
    else if (name === 'font') {
      // The shorthand's size: the length before an optional /line-height and the family (`font: 0/0 a`).
      const size = /(?:^|\s)((?:\d*\.)?\d+[a-z%]*)(?:\s*\/\s*\S+)?\s+\S/.exec(value)?.[1];
      if (size) declarations.push({ property: 'fontSize', value: size, important });
    }
  }
  return declarations;
}

/** Whether a font size draws text at 0 px: 0 in any unit, or a relative size of a parent already at 0. */
function isZeroSize(value: string, parentZero: boolean): boolean {
  if (value === 'inherit') return parentZero;
  const number = /^((?:\d*\.)?\d+)([a-z%]*)$/.exec(value);
  if (!number) return false;
  if (Number(number[1]) === 0) return true;
  return parentZero && /^(em|%|ex|ch)$/.test(number[2] ?? '');
}

/** A selector's specificity as one number: ids, then classes, attributes and pseudo-classes, then element names. */
function specificityOf(selector: string): number {
  const ids = selector.match(/#[\w-]+/g)?.length ?? 0;
  const classes = selector.match(/\.[\w-]+|\[[^\]]*\]|:(?!:)[\w-]+/g)?.length ?? 0;
  const names = selector.replace(/\[[^\]]*\]|[#.:][\w-]+/g, ' ').match(/(?:^|[\s>+~])[a-z][\w-]*/gi)?.length ?? 0;
  return ids * 1_000_000 + classes * 1_000 + names;
}

/** Whether a media query can hold on a screen (of some width): not print-only, not `not screen`. */
function mediaApplies(query: string): boolean {
  const text = query.trim().toLowerCase();
  if (text === '' || /\b(all|screen)\b/.test(text)) return !/\bnot\s+(all|screen)\b/.test(text);
  // A query of features alone ((min-width: 600px)) holds on some screen; one naming print, speech… does not.
  return !/\b(print|speech|aural|braille|embossed|handheld|projection|tty|tv)\b/.test(text);
}

/** The style rules of a style sheet, with those inside @media that applies and @supports; other at-rules skipped. */
export function cssRules(css: string): { selectors: string[]; body: string }[] {
  const rules: { selectors: string[]; body: string }[] = [];
  const text = css.replace(/\/\*[\s\S]*?(\*\/|$)/g, ' ');
  // Each open block: whether rules inside it apply.
  const blocks: boolean[] = [];
  let prelude = '';
  let at = 0;
  while (at < text.length) {
    const ch = text[at] as string;
    if (ch === '{') {
      const head = prelude.trim();
      prelude = '';
      const applies = blocks.every(Boolean);
      if (head.startsWith('@')) {
        const media = /^@media\b([\s\S]*)$/i.exec(head);
        blocks.push(applies && (media ? mediaApplies(media[1] ?? '') : /^@supports\b/i.test(head)));
        at++;
        continue;
      }
      const close = text.indexOf('}', at + 1);
      const end = close < 0 ? text.length : close;
      if (applies && head)
        rules.push({
          selectors: head
            .split(',')
            .map((selector) => selector.trim())
            .filter(Boolean),
          body: text.slice(at + 1, end),
        });
      at = end + 1;
      continue;
    }
    if (ch === '}') {
      blocks.pop();
      prelude = '';
    } else if (ch === ';' && prelude.trim().startsWith('@')) prelude = '';
    else prelude += ch;
    at++;
  }
  return rules;
}
