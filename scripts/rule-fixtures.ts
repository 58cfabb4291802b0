// Every rule's cases (src/validate/rules/<rule>.cases.ts, found by name) and the files a case stands for: its report
// as JSON or as a filled workbook, and last year's report. `npm run generate` writes each rule's first valid and first
// invalid case to fixtures/rules/<id>/ (pass, fail); test/rule-cases.test.ts runs every case in process.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { getEdition, isEditionId } from '../src/editions';
import { writeTemplate } from '../src/template/write-template';
import { applyPatch, type CaseBase, type RuleCase, type RuleCases } from '../src/validate/rule-cases';
import { ruleCatalog } from '../src/validate/rules';
import { fillByNames } from './fill-workbook';

/** The project root: the nearest folder above this file that holds package.json (works from dist/ and under ts-jest). */
export const ROOT = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
})();

/** The folder of the rules and their cases, beside this script (src/ under ts-jest, dist/src/ when built). */
const RULES_DIR = join(__dirname, '..', 'src', 'validate', 'rules');

export interface LoadedCases extends RuleCases {
  /** The cases' file, from the project root: src/validate/rules/<rule>.cases.ts. */
  file: string;
}

/** Every rule's cases, in the order of the catalog; a rule without cases, or cases of no rule, is an error. */
export function ruleCases(): LoadedCases[] {
  const loaded = readdirSync(RULES_DIR)
    .filter((name) => /\.cases\.(ts|js)$/.test(name))
    .map((name) => {
      const { cases } = require(join(RULES_DIR, name)) as { cases: RuleCases };
      return { ...cases, file: `src/validate/rules/${name.replace(/\.js$/, '.ts')}` };
    });
  const unknown = loaded.filter((cases) => !ruleCatalog.includes(cases.rule));
  if (unknown.length) throw new Error(`cases of no registered rule: ${unknown.map((c) => c.file).join(', ')}`);
  return ruleCatalog.map((rule) => {
    const cases = loaded.find((candidate) => candidate.rule === rule);
    if (!cases) throw new Error(`rule ${rule.id} has no cases: add src/validate/rules/<rule>.cases.ts`);
    return cases;
  });
}

const bases = new Map<CaseBase, Record<string, unknown>>();
export function readBase(base: CaseBase): Record<string, unknown> {
  let model = bases.get(base);
  if (!model) {
    model = JSON.parse(readFileSync(join(ROOT, 'fixtures', `${base}.json`), 'utf8')) as Record<string, unknown>;
    bases.set(base, model);
  }
  return structuredClone(model);
}

/** What a case stands for: its report (JSON text, or workbook bytes) and last year's report as JSON text. */
export interface CaseInput {
  extension: '.json' | '.xlsx';
  content: string | Buffer;
  previous?: string;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export async function caseInput(cases: RuleCases, kase: RuleCase): Promise<CaseInput> {
  const base = kase.base ?? cases.base;
  const model = applyPatch(readBase(base), kase.patch ?? {});
  const previous = kase.previous
    ? { previous: json(applyPatch(readBase(kase.previous.base ?? base), kase.previous.patch ?? {})) }
    : {};
  if (!kase.workbook) return { extension: '.json', content: json(model), ...previous };
  const edition = model.edition;
  if (!isEditionId(edition)) throw new Error(`case "${kase.name}": the base has no edition`);
  const template = await writeTemplate(getEdition(edition), { model });
  const content = Object.keys(kase.workbook).length ? await fillByNames(template, kase.workbook) : template;
  return { extension: '.xlsx', content: Buffer.from(content), ...previous };
}
