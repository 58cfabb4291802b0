// Versions of one report in a batch: the draft (errors) and the final report (clean) of one agency and year. The final
// one is used for the cross-year checks and the charts whatever their order, the choice and its reason are said in
// the terminal, summary.json and index.html, and the figures in which the draft differs are listed; the config can
// name the version to use.
import { copyFileSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, lastYearOfExample, readJsonFixture, runCli, scratch } from './helpers';

interface SummaryInput {
  path: string;
  status: string;
  duplicateOf?: string;
  duplicateReason?: string;
  chosenBecause?: string;
  differences?: { count: number; figures: { pointer: string; used?: number; this?: number }[] };
  rules: Record<string, number>;
}

const summaryOf = (out: string) => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));

describe('two versions of one report', () => {
  const dir = scratch('report-versions-');
  const batch = join(dir, 'batch');
  mkdirSync(batch);
  // First by path: the draft, whose 新收 total says 48 where the final report says 47.
  const draft = readJsonFixture('example-2021') as { requests: { newReceived: { total: number } } };
  draft.requests.newReceived.total = 48;
  writeFileSync(join(batch, 'a-draft.json'), JSON.stringify(draft));
  copyFileSync(fixture('example-2021.xlsx'), join(batch, 'b-final.xlsx'));
  writeFileSync(join(batch, 'last-year.json'), JSON.stringify(lastYearOfExample()));
  // The draft is the newer file: validity comes before the date.
  const now = Date.now() / 1000;
  utimesSync(join(batch, 'b-final.xlsx'), now - 3600, now - 3600);

  test('the clean one is used, the draft points at it with the reason and the figures that differ', () => {
    const out = join(dir, 'out');
    const run = runCli(['convert', batch, '-o', out, '--to', 'json', '--lang', 'en'], { env: { COLUMNS: '200' } });
    const inputs: SummaryInput[] = summaryOf(out).inputs;
    const byName = (name: string) => inputs.find((input) => input.path.endsWith(name)) as SummaryInput;
    expect(byName('b-final.xlsx').duplicateOf).toBeUndefined();
    expect(byName('a-draft.json')).toMatchObject({
      duplicateOf: join(batch, 'b-final.xlsx'),
      duplicateReason: 'sameAgencyYear',
      chosenBecause: 'valid',
      differences: { count: 1, figures: [{ pointer: '/requests/newReceived/total', used: 47, this: 48 }] },
    });
    // The cross-year check ran on the version used: the final report, whose carry-over X301 compares.
    expect(byName('b-final.xlsx').rules.X301).toBeGreaterThan(0);
    expect(byName('a-draft.json').rules.X301).toBeUndefined();
    expect(run.stdout).toMatch(
      /a-draft\.json .*\n\s+another version: b-final\.xlsx is used \(it has no errors\); 1 figure differs, e\.g\. .*: 48 here, 47 in the one used/,
    );
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    expect(page).toContain('<ul class="versions">');
    expect(page).toContain('another version: b-final.xlsx is used (it has no errors)');
  });

  test('the config names the version to use', () => {
    const out = join(dir, 'out-config');
    const config = join(dir, 'report.config.json');
    writeFileSync(config, JSON.stringify({ versions: ['batch/a-draft.json'] }));
    runCli(['convert', batch, '-o', out, '--to', 'json', '--config', config]);
    const inputs: SummaryInput[] = summaryOf(out).inputs;
    expect(inputs.find((input) => input.path.endsWith('b-final.xlsx'))).toMatchObject({
      duplicateOf: join(batch, 'a-draft.json'),
      chosenBecause: 'config',
    });
  });

  test('the same bytes twice are copies, not versions', () => {
    const copies = join(dir, 'copies');
    mkdirSync(copies);
    copyFileSync(fixture('example-2021.json'), join(copies, 'one.json'));
    copyFileSync(fixture('example-2021.json'), join(copies, 'two.json'));
    const out = join(dir, 'out-copies');
    runCli(['convert', copies, '-o', out, '--to', 'json']);
    const [, two] = summaryOf(out).inputs as SummaryInput[];
    expect(two).toMatchObject({ duplicateOf: join(copies, 'one.json'), duplicateReason: 'sameBytes' });
    expect(two?.chosenBecause).toBeUndefined();
  });
});
