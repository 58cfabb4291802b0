// What a class makes: a draft (bytes, or a job for LibreOffice or Chromium and what to do with its output) with the
// truth a person reading the rendered document sees; and the finished sample that the harness imports and scores.
import { getEdition } from '../../src/editions';
import { fieldsOf } from '../../src/editions/fields';
import type { EditionId } from '../../src/editions/types';
import type { OfficeJob, PrintJob } from './external';
import type { Random, Report } from './random-report';

export interface Sample {
  name: string;
  cls: string;
  ext: string;
  bytes: Buffer;
  edition: EditionId;
  /** Every figure a person reading the rendered document sees, by JSON Pointer. */
  truth: Map<string, number>;
  /** Whether the rendering shows every figure of the edition. */
  complete: boolean;
  /** The agency a person would say the report is by (title, page title, ArticleTitle, 落款), or ''. */
  agency: string;
  /**
   * Figures the copy seems to show but that are another row's (a shuffled text copy): a reader cannot know, so a
   * figure read there is neither right nor wrong, and the verdict may be any but unreadable.
   */
  ambiguous?: Set<string>;
}

export interface Finished {
  bytes: Buffer;
  ext?: string;
  truth?: Map<string, number>;
  ambiguous?: Set<string>;
  complete?: boolean;
}

export interface Draft {
  ext: string;
  truth: Map<string, number>;
  agency: string;
  /** Forced incomplete (a cut page) even if the truth happened to hold every figure. */
  complete?: boolean;
  bytes?: Buffer;
  office?: OfficeJob;
  print?: PrintJob;
  /** Turns the external program's output into the sample's file, and may change what it shows. */
  finish?: (output: Buffer) => Finished;
}

export type Cost = 'cheap' | 'office' | 'browser' | 'office-read';

export interface WorldClass {
  name: string;
  /** One line: what it models and how its truth is decided. */
  about: string;
  cost: Cost;
  /** Editions the class makes (default both). */
  editions?: readonly EditionId[];
  make: (random: Random, report: Report) => Draft;
}

export function isComplete(edition: EditionId, truth: ReadonlyMap<string, number>): boolean {
  return fieldsOf(getEdition(edition)).numeric.every((field) => truth.has(field.pointer));
}
