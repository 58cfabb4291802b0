// The generated corpus of the import property tests and `npm run bench:import`: random valid reports rendered into
// every published shape (and truncated or garbled copies), each imported and scored against what it keeps.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countBySeverity } from '../../src/diagnostics/diagnostic';
import { getEdition } from '../../src/editions';
import { fieldsOf } from '../../src/editions/fields';
import type { EditionId } from '../../src/editions/types';
import { numberAt } from '../../src/model/pointer';
import { ReadError } from '../../src/model/read-report';
import { readInput } from '../../src/read/read-input.node';
import { type ImportStatus, importVerdict } from '../../src/validate/import-verdict';
import { validateReport } from '../../src/validate/validate-report';
import { chance, pick, randomModel, seededRandom } from './random-model';
import {
  encodeGbk,
  type HeaderStyle,
  keepsPlaces,
  type Rendered,
  renderHtml,
  renderText,
  renderWorkbook,
  type TextClass,
  textClasses,
} from './render-classes';
import { type Plan, type PlanOptions, planReport } from './table-plan';

export interface Sample {
  name: string;
  /** The shape class, for per-class figures. */
  cls: string;
  ext: string;
  bytes: Buffer;
  edition: EditionId;
  kept: Map<string, number>;
  truncated: boolean;
  garbled: boolean;
  /** The HTML a PDF or DOCX sample is made from (by LibreOffice or Chromium), before conversion. */
  sourceHtml?: string;
}

const inPlaceClasses = ['html-official', 'html-simple', 'html-gbk', 'workbook'] as const;
export const directClasses: readonly string[] = [...textClasses, ...inPlaceClasses];

function options(random: () => number, cls: string): PlanOptions {
  const places = keepsPlaces(cls);
  return {
    blanks: places,
    omittedTotals: places,
    units: !cls.startsWith('pdf') && !cls.startsWith('docx'),
    agencyIn:
      cls === 'workbook'
        ? 'title'
        : cls.startsWith('html')
          ? pick(random, ['title', 'page title', 'signature'] as const)
          : pick(random, ['title', 'signature'] as const),
  };
}

/** One rendering of a random report in class `cls`, from `seed`; text and HTML copies may be truncated or garbled. */
export function makeSample(seed: number, cls: string): Sample {
  const random = seededRandom(seed);
  const edition: EditionId = chance(random, 0.5) ? '2021' : '2019';
  const model = randomModel(random, edition);
  const plan = planReport(random, model, options(random, cls));
  const damage =
    cls.startsWith('pdf') || cls.startsWith('docx') || cls === 'workbook'
      ? 'none'
      : pick(random, ['none', 'none', 'none', 'truncated', 'garbled'] as const);
  const garbled = damage === 'garbled' && garble(random, plan);
  const base = { name: `${cls}-${seed}`, cls, edition, garbled };
  if (cls === 'workbook') {
    const { bytes, kept } = renderWorkbook(plan);
    return { ...base, ext: 'xlsx', bytes, kept, truncated: false };
  }
  const truncate = damage === 'truncated';
  if ((textClasses as readonly string[]).includes(cls)) {
    const rendered = renderText(plan, cls as TextClass, random, truncate);
    return {
      ...base,
      ext: 'txt',
      bytes: Buffer.from(rendered.text, 'utf8'),
      kept: rendered.kept,
      truncated: rendered.truncated,
    };
  }
  const style: HeaderStyle =
    cls === 'html-simple' || (cls !== 'html-official' && chance(random, 0.5)) ? 'simple' : 'official';
  const rendered: Rendered = renderHtml(plan, style, random, truncate, cls === 'html-gbk' ? 'gbk' : 'utf-8');
  const bytes = cls === 'html-gbk' ? encodeGbk(rendered.text) : Buffer.from(rendered.text, 'utf8');
  if (cls.startsWith('pdf') || cls.startsWith('docx')) {
    const ext = cls.startsWith('pdf') ? 'pdf' : 'docx';
    return { ...base, ext, bytes: Buffer.alloc(0), kept: rendered.kept, truncated: false, sourceHtml: rendered.text };
  }
  return { ...base, ext: 'html', bytes, kept: rendered.kept, truncated: rendered.truncated };
}

/**
 * A figure of 三 misread by a copy (OCR, a typing slip): 2 printed as 二. Where places are kept only that cell is
 * lost; where they are not, its whole row is (render-classes knows which).
 */
function garble(random: () => number, plan: Plan): boolean {
  const cells = plan.items.flatMap((item) =>
    item.kind === 'table' && item.section === 'requests'
      ? item.rows.flatMap((row) => (row.kind === 'data' ? row.cells : []))
      : [],
  );
  const candidates = cells.filter((cell) => cell.value > 0 && cell.value < 10 && cell.text === String(cell.value));
  if (candidates.length === 0) return false;
  const cell = pick(random, candidates);
  cell.text = '一二三四五六七八九'[cell.value - 1] as string;
  cell.garbled = true;
  return true;
}

export interface Score {
  right: number;
  wrong: number;
  missing: number;
  /** Figures the rendering lost that the import still reported (it should have said missing). */
  lostButFound: number;
  expected: ImportStatus;
  status: ImportStatus;
  wrongPointers: string[];
  missingPointers: string[];
}

/** Imports a sample from `dir` and compares every figure with what the rendering keeps. */
export async function scoreSample(
  sample: Sample,
  dir: string,
  truth: Map<string, number> = sample.kept,
): Promise<Score> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${sample.name}.${sample.ext}`);
  if (sample.bytes.length) writeFileSync(path, sample.bytes);
  const fields = fieldsOf(getEdition(sample.edition)).numeric;
  const expectedStatus: ImportStatus = sample.truncated || truth.size < fields.length ? 'incomplete' : 'ok';
  let report: Awaited<ReturnType<typeof readInput>>;
  try {
    report = await readInput(path, { lenient: true });
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    return {
      right: 0,
      wrong: 0,
      missing: truth.size,
      lostButFound: 0,
      expected: expectedStatus,
      status: 'unreadable',
      wrongPointers: [],
      missingPointers: [...truth.keys()],
    };
  }
  const { edition, diagnostics } = validateReport(report, { lang: 'en' });
  const verdict = importVerdict(report.model, edition, countBySeverity(diagnostics).errors, report.findings);
  const score: Score = {
    right: 0,
    wrong: 0,
    missing: 0,
    lostButFound: 0,
    expected: expectedStatus,
    status: verdict.status,
    wrongPointers: [],
    missingPointers: [],
  };
  for (const field of fields) {
    const found = numberAt(report.model, field.pointer);
    const want = truth.get(field.pointer);
    if (want === undefined) {
      if (found !== undefined) {
        score.lostButFound++;
        score.wrongPointers.push(`${field.pointer} (lost, read ${found})`);
      }
    } else if (found === undefined) {
      score.missing++;
      score.missingPointers.push(field.pointer);
    } else if (Math.abs(found - want) > 1e-9) {
      score.wrong++;
      score.wrongPointers.push(`${field.pointer}: ${found} ≠ ${want}`);
    } else score.right++;
  }
  return score;
}
