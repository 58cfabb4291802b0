// `report diff`: two reports of one body, year over year — every figure that changed, text carried over, cross-year rules.
import type { Diagnostic, Lang } from '../diagnostics/diagnostic';
import { defaultEditionId, getEdition, isEditionId } from '../editions';
import { fieldsOf, textSections } from '../editions/fields';
import type { TextSectionKey } from '../editions/types';
import { NUMBERED_HEADING } from '../model/label-text';
import { numberAt } from '../model/pointer';
import type { ReadReport } from '../model/read-report';
import { defaultThresholds, type Thresholds } from '../validate/rule';
import { checkAgainstPreviousYear, type RuleSetting } from '../validate/validate-report';

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

export interface RepeatedSentence {
  current: string;
  previous: string;
  /** Word for word the same sentence. */
  exact: boolean;
  /** 0.8–1 (bigrams, digits and punctuation ignored): 1 when only years, figures or punctuation changed. */
  similarity: number;
}

export interface TextReuse {
  section: TextSectionKey;
  /** The share of this year's sentences that repeat last year's, 0–1, two decimals. */
  reused: number;
  /** How many sentences this year's section has (headings and fragments under 8 characters not counted). */
  total: number;
  sentences: RepeatedSentence[];
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

/** Sentences this short are headings (（一）主动公开) or fragments: copying them says nothing. */
const MIN_SENTENCE = 8;
/** Two sentences this alike (character bigrams, digits ignored) are the same sentence reworded a little. */
export const NEARLY_SAME = 0.8;

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

const paragraphsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];

const HEADING = NUMBERED_HEADING;

export function sentencesOf(paragraphs: readonly string[]): string[] {
  return paragraphs
    .flatMap((paragraph) => paragraph.split(/(?<=[。！？；!?;])/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => comparable(sentence).length >= MIN_SENTENCE && !HEADING.test(sentence));
}

/** What is compared: no spaces or punctuation, and every run of digits one sign (2024 ≈ 2025, 47 件 ≈ 52 件). */
function comparable(sentence: string): string {
  return sentence.replace(/[\s\p{P}\p{S}]/gu, '').replace(/[0-9０-９]+/g, '#');
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const chars = [...text];
  for (let i = 0; i < chars.length - 1; i++) {
    const gram = `${chars[i]}${chars[i + 1]}`;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Dice's coefficient over character bigrams: 1 for the same text, near 0 for unrelated text. */
export function similarity(a: string, b: string): number {
  const x = bigrams(comparable(a));
  const y = bigrams(comparable(b));
  let shared = 0;
  let size = 0;
  for (const [gram, count] of x) {
    shared += Math.min(count, y.get(gram) ?? 0);
    size += count;
  }
  for (const count of y.values()) size += count;
  return size === 0 ? 0 : (2 * shared) / size;
}

function textReuse(section: TextSectionKey, before: unknown, now: unknown): TextReuse {
  const previousSentences = sentencesOf(paragraphsOf(before));
  const currentSentences = sentencesOf(paragraphsOf(now));
  const exact = new Map(previousSentences.map((sentence) => [comparable(sentence), sentence]));
  const sentences: RepeatedSentence[] = [];
  for (const sentence of currentSentences) {
    const same = exact.get(comparable(sentence));
    if (same !== undefined) {
      sentences.push({ current: sentence, previous: same, exact: same === sentence, similarity: 1 });
      continue;
    }
    let best: RepeatedSentence | undefined;
    for (const candidate of previousSentences) {
      const score = similarity(sentence, candidate);
      if (score >= NEARLY_SAME && score > (best?.similarity ?? 0))
        best = { current: sentence, previous: candidate, exact: false, similarity: Math.round(score * 100) / 100 };
    }
    if (best) sentences.push(best);
  }
  const total = currentSentences.length;
  return {
    section,
    reused: total === 0 ? 0 : Math.round((sentences.length / total) * 100) / 100,
    total,
    sentences,
  };
}
