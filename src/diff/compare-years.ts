// `report diff`: two reports of one body, year over year — every figure that changed, text carried over, cross-year rules.
import type { Diagnostic, Lang } from '../diagnostics/diagnostic';
import { defaultEditionId, getEdition, isEditionId } from '../editions';
import { fieldsOf, textSections } from '../editions/fields';
import { numberAt } from '../model/pointer';
import type { ReadReport } from '../model/read-report';
import { defaultThresholds, type Thresholds } from '../validate/rule';
import { type RepeatedSentence, similarity, type TextReuse, textReuse } from '../validate/text-reuse';
import { checkAgainstPreviousYear, type RuleSetting } from '../validate/validate-report';

export { type RepeatedSentence, similarity, type TextReuse };

export interface FigureChange {
  pointer: string;
  /** Official labels, e.g. `三 › 一、本年新收政府信息公开申请数量 › 总计`. */
  label: string;
  previous: number;
  current: number;
  /** current − previous. */
  change: number;
  /** current ÷ previous, two decimals; null when last year's figure was 0. */
  ratio: number | null;
  /** A jump in Q101's sense: more than `factor` times, or below 1/`factor`, from at least `minimum`. */
  jump: boolean;
}

export interface ReportSide {
  file: string;
  agency?: string;
  year?: number;
  edition?: string;
}

export interface YearDiff {
  previous: ReportSide;
  current: ReportSide;
  figures: FigureChange[];
  text: TextReuse[];
  diagnostics: Diagnostic[];
}

export interface DiffOptions {
  lang: Lang;
  rules?: Readonly<Record<string, RuleSetting>>;
  thresholds?: Thresholds;
}

export function compareYears(previous: ReadReport, current: ReadReport, options: DiffOptions): YearDiff {
  const thresholds = options.thresholds ?? defaultThresholds;
  return {
    previous: side(previous),
    current: side(current),
    figures: changedFigures(previous, current, thresholds),
    text: textSections.map((section) => textReuse(section, previous.model[section], current.model[section])),
    diagnostics: checkAgainstPreviousYear(current, previous, {
      lang: options.lang,
      ...(options.rules ? { rules: options.rules } : {}),
      thresholds,
    }),
  };
}

function side(report: ReadReport): ReportSide {
  const { agency, year, edition } = report.model;
  return {
    file: report.file,
    ...(typeof agency === 'string' ? { agency } : {}),
    ...(typeof year === 'number' ? { year } : {}),
    ...(typeof edition === 'string' ? { edition } : {}),
  };
}

/** Every numeric cell both reports hold (by pointer: 三 and 四 are alike in both editions) whose figure changed. */
function changedFigures(previous: ReadReport, current: ReadReport, thresholds: Thresholds): FigureChange[] {
  const editionId = isEditionId(current.model.edition) ? current.model.edition : defaultEditionId;
  const fields = fieldsOf(getEdition(editionId));
  const { factor, minimum } = thresholds.jump;
  const changes: FigureChange[] = [];
  for (const field of fields.numeric) {
    const before = numberAt(previous.model, field.pointer);
    const now = numberAt(current.model, field.pointer);
    if (before === undefined || now === undefined || before === now) continue;
    const ratio = before === 0 ? null : Math.round((now / before) * 100) / 100;
    changes.push({
      pointer: field.pointer,
      label: fields.labelOf(field.pointer, 'zh') ?? field.pointer,
      previous: before,
      current: now,
      change: Math.round((now - before) * 10000) / 10000,
      ratio,
      jump: before >= minimum && (now > before * factor || now * factor < before),
    });
  }
  return changes;
}
