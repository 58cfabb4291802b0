// The placement guarantee of SPEC §8 as a property: random valid reports rendered into every published shape
// (text copies, HTML with several headers and in GBK, hand-made workbooks, DOCX and PDF from LibreOffice, PDF printed by
// Chromium, and truncated or garbled copies) import with no wrong figure, every kept figure found, the right verdict.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Score } from '../scripts/published-corpus/import-corpus';
import { ROOT, toolAvailable } from './helpers';

const office = toolAvailable('soffice', 'DOCX and PDF renderings of generated reports (LibreOffice)');
const chromium = toolAvailable('/usr/bin/chromium', 'PDF renderings printed by Chromium');

describe('importing generated reports in every published shape', () => {
  type Sample = { name: string; cls: string; edition: string; truncated: boolean; garbled: boolean; kept: number };
  const run: { results: { sample: Sample; score: Score }[] } = { results: [] };

  beforeAll(() => {
    // In its own process: pdfjs is an ES module that Jest's runtime cannot load (the corpus script is built by npm test).
    const args = ['--json', '--seed', '20260801', '--per-class', '24', '--per-external', '3'];
    const result = spawnSync(
      process.execPath,
      [join(ROOT, 'dist', 'scripts', 'published-corpus', 'main.js'), ...args],
      {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        timeout: 300_000,
      },
    );
    if (result.status !== 0) throw new Error(`the corpus run failed: ${result.stderr}`);
    const { samples } = JSON.parse(result.stdout) as { samples: (Sample & Score)[] };
    run.results = samples.map((s) => ({ sample: s, score: s }));
  }, 300_000);

  it('never gives a wrong figure, nor one the rendering lost', () => {
    const wrong = run.results.filter(({ score }) => score.wrong + score.lostButFound > 0);
    expect(wrong.map(({ sample, score }) => `${sample.name}: ${score.wrongPointers.join('; ')}`)).toEqual([]);
    expect(run.results.length).toBeGreaterThanOrEqual(11 * 24);
  });

  it('finds every figure that text, HTML, workbooks and DOCX keep, and ≥ 98 % of what PDF keeps', () => {
    const exact = run.results.filter(({ sample }) => !sample.cls.startsWith('pdf'));
    expect(
      exact
        .filter(({ score }) => score.missing > 0)
        .map(({ sample, score }) => `${sample.name}: ${score.missingPointers.join(' ')}`),
    ).toEqual([]);
    const pdf = run.results.filter(({ sample }) => sample.cls.startsWith('pdf'));
    const kept = pdf.reduce((n, { sample }) => n + sample.kept, 0);
    const found = pdf.reduce((n, { score }) => n + score.right, 0);
    if (kept > 0) expect(found / kept).toBeGreaterThanOrEqual(0.98);
  });

  it('gives every import its verdict: a truncated copy is always incomplete, a whole one ok', () => {
    const truncated = run.results.filter(({ sample }) => sample.truncated);
    expect(truncated.length).toBeGreaterThan(10);
    expect(truncated.filter(({ score }) => score.status !== 'incomplete').map(({ sample }) => sample.name)).toEqual([]);
    const wrongVerdict = run.results.filter(
      ({ score }) => score.status !== (score.missing > 0 ? 'incomplete' : score.expected),
    );
    expect(
      wrongVerdict.map(({ sample, score }) => `${sample.name}: ${score.status}, expected ${score.expected}`),
    ).toEqual([]);
    expect(run.results.some(({ score }) => score.status === 'ok')).toBe(true);
  });

  it('covers every class, blanks, garbled copies and both editions', () => {
    const classes = new Set(run.results.map(({ sample }) => sample.cls));
    expect(classes.size).toBe(11 + (office ? 2 : 0) + (chromium ? 1 : 0));
    expect(run.results.some(({ sample }) => sample.garbled)).toBe(true);
    expect(new Set(run.results.map(({ sample }) => sample.edition))).toEqual(new Set(['2019', '2021']));
  });
});
