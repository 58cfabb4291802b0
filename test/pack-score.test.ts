// Rule packs in process (docs/packs.md): the scoring of one report and the ranking of a year, and the shipped packs
// read by the pack reader and by their JSON Schema alike.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { loadPack } from '../src/cli/pack';
import { packSchema } from '../src/cli/pack-schema';
import type { BatchRecord } from '../src/convert/input-record';
import { isScored, rankYears, type Scoring, scoreBatch, scoreReport } from '../src/convert/pack-score';
import { ROOT } from './helpers';

const suqian: Scoring = {
  base: 100,
  perFinding: { X100: { points: 0.5, max: 0.5 }, N001: { points: 0.1 } },
  perCount: { reviewCorrected: { points: 2 }, litigationLost: { points: 2 } },
  minimumBodies: 3,
};

function record(agency: string, year: number, extra: Partial<BatchRecord> = {}): BatchRecord {
  return {
    path: `${agency}-${year}.json`,
    status: 'ok',
    figures: { expected: 200, found: 200 },
    agency,
    year,
    errors: 0,
    warnings: 0,
    rules: {},
    outputs: [],
    trend: { reviewCorrected: 0, litigationLost: 0 },
    ...extra,
  };
}

describe('a report’s score', () => {
  test('each rule’s findings and each count’s cases, itemised; a rule’s max caps its points', () => {
    const score = scoreReport(
      { rules: { X100: 2, N001: 3, R301: 4 }, trend: { reviewCorrected: 1, litigationLost: 2 } },
      suqian,
    );
    expect(score).toEqual({
      score: 93.2,
      base: 100,
      deductions: [
        { rule: 'X100', times: 2, each: 0.5, points: 0.5, capped: true },
        { rule: 'N001', times: 3, each: 0.1, points: 0.3 },
        { count: 'reviewCorrected', times: 1, each: 2, points: 2 },
        { count: 'litigationLost', times: 2, each: 2, points: 4 },
      ],
    });
  });

  test('nothing found, nothing taken; a count the report does not give is named, not guessed', () => {
    expect(scoreReport({ rules: {}, trend: { reviewCorrected: 0 } }, suqian)).toEqual({
      score: 100,
      base: 100,
      deductions: [],
      unknownCounts: ['litigationLost'],
    });
  });

  test('a score never goes below 0', () => {
    expect(scoreReport({ rules: {}, trend: { reviewCorrected: 80, litigationLost: 0 } }, suqian).score).toBe(0);
  });
});

describe('a year’s ranking', () => {
  test('best first; equal scores share a rank (1, 1, 3) and are listed by agency; latest year first', () => {
    const ranking = rankYears(
      [
        { agency: '某市财政局', year: 2025, path: 'c', score: 94 },
        { agency: '某市教育局', year: 2025, path: 'a', score: 100 },
        { agency: '某市民政局', year: 2025, path: 'b', score: 100 },
        { agency: '某市商务局', year: 2024, path: 'd', score: 99 },
      ],
      3,
    );
    expect(ranking).toEqual([
      {
        year: 2025,
        bodies: 3,
        minimumBodies: 3,
        ranked: true,
        places: [
          { rank: 1, agency: '某市教育局', path: 'a', score: 100 },
          { rank: 1, agency: '某市民政局', path: 'b', score: 100 },
          { rank: 3, agency: '某市财政局', path: 'c', score: 94 },
        ],
      },
      { year: 2024, bodies: 1, minimumBodies: 3, ranked: false, reason: 'tooFewBodies' },
    ]);
  });

  test('one score per body and year: copies, other versions and unread inputs are not scored', () => {
    const records = [
      record('某市教育局', 2025),
      record('某市教育局', 2025, { path: 'draft.json', duplicateOf: '某市教育局-2025.json' }),
      record('某市民政局', 2025, { status: 'unreadable' }),
      record('', 2025, { agency: undefined }),
      record('某市财政局', 2025, { status: 'invalid', errors: 2, rules: { R301: 2 } }),
    ];
    expect(records.map(isScored)).toEqual([true, false, false, false, true]);
    const ranking = scoreBatch(records, { ...suqian, minimumBodies: 2 });
    expect(records.map((r) => r.score?.score)).toEqual([100, undefined, undefined, undefined, 100]);
    expect(ranking).toMatchObject([{ year: 2025, bodies: 2, ranked: true }]);
  });
});

describe('the shipped packs', () => {
  const folder = join(ROOT, 'packs');
  const names = readdirSync(folder).map((name) => name.replace(/\.json$/, ''));
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(packSchema());

  test.each(names)('%s is read by the pack reader and matches schemas/pack.schema.json', (name) => {
    const pack = loadPack(name, 'en');
    expect(pack.info.name).toBe(name);
    expect(pack.info.source?.citation).toEqual(expect.any(String));
    expect(pack.info.file).toBeUndefined();
    const json = JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8'));
    expect(validate(json) ? [] : validate.errors).toEqual([]);
  });

  test('national scores nothing; suqian-departments deducts as its source says', () => {
    expect(loadPack('national', 'zh')).toEqual(expect.objectContaining({ rules: {}, thresholds: {} }));
    expect(loadPack('national', 'zh').info.scoring).toBeUndefined();
    expect(loadPack('suqian-departments', 'zh')).toMatchObject({
      rules: { X100: 'warning' },
      thresholds: { copied: { share: 0.5 } },
      info: {
        scoring: {
          base: 100,
          perFinding: { X100: { points: 0.5, max: 0.5 } },
          perCount: { reviewCorrected: { points: 2 }, litigationLost: { points: 2 } },
          minimumBodies: 3,
        },
      },
    });
  });

  test('the schema knows every rule by id and name, as the reader does', () => {
    const rules = (packSchema().properties as Record<string, { propertyNames?: { enum: string[] } }>).rules;
    expect(rules?.propertyNames?.enum).toEqual(expect.arrayContaining(['X100', 'text-copied-from-last-year', 'R301']));
    expect(validate({ name: 'x', rules: { R999: 'off' } })).toBe(false);
    expect(validate({ name: 'x', scoring: { perCount: { newReceived: 1 } } })).toBe(false);
  });
});
