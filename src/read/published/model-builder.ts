// Step 4 of reading a published report: the model as the alignment fills it, with where each figure came from and
// what reading found. What is not placed stays missing and is reported; nothing is filled in afterwards.

import type { Finding } from '../../diagnostics/diagnostic';
import { fieldsOf } from '../../editions/fields';
import type { Edition, ValueKind } from '../../editions/types';
import { normaliseLabel } from '../../model/label-text';
import { appendAll } from '../../model/many-values';
import { ensureParents, setAt, valueAt } from '../../model/pointer';
import { type ReadingMode, readNumberCell } from '../cell-value';
import type { FlowCell, SourceRef } from './flow-document';

export class ModelBuilder {
  readonly model: Record<string, unknown> = {};
  readonly sources = new Map<string, SourceRef>();
  readonly findings: Finding[] = [];
  readonly unreadable = new Set<string>();
  private readonly placed = new Set<string>();
  /** Notes of rows left out, with the cells they left missing. */
  private readonly unplacedRows = new Map<Finding, readonly string[]>();
  /** Pointers read as 0 from a blank cell, by table section, to tell a blank form from a table of zeros. */
  private readonly blanks = new Set<string>();

  constructor(
    readonly edition: Edition,
    readonly mode: ReadingMode,
  ) {}

  note(
    messageId: string,
    pointer: string,
    params: Record<string, string | number>,
    source?: SourceRef,
    severity?: 'warning',
  ): void {
    this.findings.push({
      ruleId: 'input',
      messageId,
      pointer,
      params,
      ...(source ? { source } : {}),
      ...(severity ? { severity } : {}),
    });
  }

  /** Reads one cell into the model at `pointer`, unless a figure was placed there already. */
  value(pointer: string, kind: ValueKind, cell: FlowCell | undefined): void {
    if (this.placed.has(pointer)) return;
    this.placed.add(pointer);
    if (!cell) return; // reported as missing at the end
    this.sources.set(pointer, cell.source);
    const reading = readNumberCell(cell.text, kind, this.mode);
    if (reading.kind === 'blank') {
      if (this.mode.lenient) {
        setAt(this.model, pointer, 0);
        this.blanks.add(pointer);
        this.note('blankAsZero', pointer, {}, undefined, 'warning');
      }
      return;
    }
    if (reading.kind === 'invalid') {
      this.note(reading.messageId, pointer, { text: reading.text });
      this.unreadable.add(pointer);
      return;
    }
    setAt(this.model, pointer, reading.value);
    if (reading.note) {
      const { messageId, text, value } = reading.note;
      this.note(messageId, pointer, { text, value }, undefined, 'warning');
    } else if (kind === 'amount' && /万元$/.test(normaliseLabel(cell.text))) {
      this.note('unitStated', pointer, { text: cell.text.trim(), value: reading.value }, undefined, 'warning');
    }
  }

  /** A row whose figures cannot be matched to its columns: said once, its cells left missing. */
  unplaced(
    pointers: readonly string[],
    messageId: string,
    params: { text: string; values: string },
    source: SourceRef,
  ): void {
    const open = pointers.filter((pointer) => !this.placed.has(pointer));
    if (open.length === 0) return;
    // The row is not claimed: the same row found again where it can be placed (a table repeated, a copy of it in
    // the text) fills it, and this note is then dropped at the end.
    this.note(messageId, open[0]?.replace(/\/[^/]+$/, '') ?? '', params, source, 'warning');
    this.unplacedRows.set(this.findings[this.findings.length - 1] as Finding, open);
  }

  /** A 总计 left blank beside parts that are not all zero: the total was not printed. */
  blankTotal(pointer: string, cell: FlowCell): void {
    if (this.placed.has(pointer)) return;
    this.placed.add(pointer);
    this.sources.set(pointer, cell.source);
    this.note('blankTotal', pointer, {}, cell.source, 'warning');
  }

  /**
   * Ends the reading: a table whose every placed cell was blank is an empty form, not a table of zeros (the official
   * template's own tables); then every figure not found is reported missing.
   */
  finish(): void {
    for (const [finding, pointers] of this.unplacedRows) {
      if (pointers.every((pointer) => this.placed.has(pointer)))
        this.findings.splice(this.findings.indexOf(finding), 1);
    }
    const blankSections = new Set<string>();
    for (const section of ['proactive', 'requests', 'appeals'] as const) {
      const placed = [...this.placed].filter(
        (p) => p.startsWith(`/${section}/`) && valueAt(this.model, p) !== undefined,
      );
      if (placed.length === 0 || !placed.every((p) => this.blanks.has(p))) continue;
      for (const pointer of placed)
        delete ensureParents(this.model, pointer)[pointer.slice(pointer.lastIndexOf('/') + 1)];
      delete this.model[section];
      const dropped = new Set(placed);
      const kept = this.findings.filter((f) => !(f.messageId === 'blankAsZero' && dropped.has(f.pointer)));
      this.findings.length = 0;
      appendAll(this.findings, kept);
      this.note('blankTable', `/${section}`, {}, undefined, 'warning');
      blankSections.add(section);
    }
    // Every figure not found stays missing, each one (the verdict counts figures); what is said is said per row.
    const missing = new Map<string, string[]>();
    const rowSize = new Map<string, number>();
    for (const field of fieldsOf(this.edition).numeric) {
      const row = rowOf(field.pointer);
      rowSize.set(row, (rowSize.get(row) ?? 0) + 1);
      if (this.unreadable.has(field.pointer) || valueAt(this.model, field.pointer) !== undefined) continue;
      this.unreadable.add(field.pointer);
      // A blank form was said once for its whole table.
      if (blankSections.has(field.section)) continue;
      const pointers = missing.get(row) ?? [];
      pointers.push(field.pointer);
      missing.set(row, pointers);
    }
    for (const [row, pointers] of missing) this.notFound(row, pointers, pointers.length === rowSize.get(row));
  }

  /**
   * The figures of one row not found: one note for the row (a page cut off, or a row left out, lacks all seven figures
   * of each row after it — seven notes a row drowned everything else), naming the columns when not the whole row.
   */
  private notFound(row: string, pointers: readonly string[], wholeRow: boolean): void {
    const severity = this.mode.lenient ? ('warning' as const) : undefined;
    const [only] = pointers;
    if (pointers.length === 1 && only !== undefined) {
      this.note('notFound', only, {}, undefined, severity);
      return;
    }
    this.findings.push({
      ruleId: 'input',
      messageId: wholeRow ? 'rowNotFound' : 'figuresNotFound',
      pointer: row,
      params: { count: pointers.length },
      related: [...pointers],
      ...(severity ? { severity } : {}),
    });
  }
}

/** The row of a figure: its pointer without the column. */
const rowOf = (pointer: string) => pointer.slice(0, pointer.lastIndexOf('/'));
