// A report as a list of blocks in reading order: title, the six sections with their tables, the 落款. Classes change
// the list (cut it, put a table in a picture, add stray lines) before a renderer draws it.
import { getEdition } from '../../src/editions';
import type { Block, Grid } from './grid';
import { dateText, type Report, titleOf } from './random-report';

export interface ReportTables {
  proactive: Grid[];
  requests: Grid[];
  appeals: Grid[];
}

export interface BlockOptions {
  /** The title line; null for none (the page shows it elsewhere, or not at all). */
  title?: string | null;
  /** Section headings as this publisher words them. */
  headings?: Partial<Record<'overview' | 'proactive' | 'requests' | 'appeals' | 'problems' | 'otherMatters', string>>;
  /** The 落款 (agency over date); null for none. */
  signature?: { agency: string; date: string } | null;
}

export function reportBlocks(report: Report, tables: ReportTables, options: BlockOptions = {}): Block[] {
  const sections = getEdition(report.edition).sections;
  const heading = (key: keyof typeof sections) => options.headings?.[key] ?? sections[key].title.zh;
  const blocks: Block[] = [];
  const title = options.title === undefined ? titleOf(report) : options.title;
  if (title) blocks.push({ kind: 'title', text: title });
  blocks.push({ kind: 'heading', text: heading('overview') });
  for (const text of report.overview) blocks.push({ kind: 'paragraph', text });
  blocks.push({ kind: 'heading', text: heading('proactive') });
  for (const grid of tables.proactive) blocks.push({ kind: 'table', grid });
  blocks.push({ kind: 'heading', text: heading('requests') });
  for (const grid of tables.requests) blocks.push({ kind: 'table', grid });
  blocks.push({ kind: 'heading', text: heading('appeals') });
  for (const grid of tables.appeals) blocks.push({ kind: 'table', grid });
  blocks.push({ kind: 'heading', text: heading('problems') });
  for (const text of report.problems) blocks.push({ kind: 'paragraph', text });
  blocks.push({ kind: 'heading', text: heading('otherMatters') });
  for (const text of report.otherMatters) blocks.push({ kind: 'paragraph', text });
  const signature =
    options.signature === undefined ? { agency: report.agency, date: dateText(report) } : options.signature;
  if (signature) {
    blocks.push({ kind: 'paragraph', text: signature.agency, align: 'right' });
    blocks.push({ kind: 'paragraph', text: signature.date, align: 'right' });
  }
  return blocks;
}

/**
 * The blocks up to a row of a table (that table's rows before `row`, and `cells` leading cells of row `row`), as a
 * page cut off there shows them. Returns the kept blocks; everything after the cut is gone.
 */
export function cutBlocks(
  blocks: readonly Block[],
  table: Grid['table'],
  nth: number,
  row: number,
  cells = 0,
): Block[] {
  const kept: Block[] = [];
  let seen = 0;
  for (const block of blocks) {
    if (block.kind === 'table' && block.grid.table === table) {
      if (seen === nth) {
        const rows = block.grid.rows.slice(0, row).map((r) => r.map((c) => ({ ...c })));
        const partial = block.grid.rows[row];
        if (partial && cells > 0) rows.push(partial.slice(0, cells).map((c) => ({ ...c })));
        // Spans that ran into the cut rows now end at the cut.
        rows.forEach((r, index) => {
          for (const c of r) c.rowspan = Math.min(c.rowspan, rows.length - index);
        });
        kept.push({ ...block, grid: { ...block.grid, rows } });
        return kept;
      }
      seen++;
    }
    kept.push(block);
  }
  return kept;
}
