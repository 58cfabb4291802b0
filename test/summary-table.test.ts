// The table convert ends with: within the terminal's width for any names (CJK two columns), the reason of every
// unreadable file, a totals line; COLUMNS honoured. Properties over generated batches, then the real command.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commonFolder, cutTo, displayWidth, shortenPaths, wrapTo } from '../src/convert/display-text';
import type { InputRecord, InputStatus } from '../src/convert/run-convert';
import { summaryTable } from '../src/convert/summary-table';
import { fixture, runCli, scratch } from './helpers';

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HAN = '某市县区人民政府办公室商务局教育卫生健康委员会自然资源和规划生态环境住房城乡建设交通运输';
const LATIN = 'abcdefghijklmnopqrstuvwxyz-_0123456789';

function text(next: () => number, alphabet: string, max: number): string {
  const length = 1 + Math.floor(next() * max);
  return Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
}

function batch(seed: number): InputRecord[] {
  const next = random(seed);
  const root = `/srv/${text(next, LATIN, 20)}/${text(next, HAN, 12)}/`;
  const statuses: InputStatus[] = ['ok', 'incomplete', 'invalid', 'unreadable'];
  return Array.from({ length: 1 + Math.floor(next() * 12) }, () => {
    const status = statuses[Math.floor(next() * statuses.length)] as InputStatus;
    const name = `${next() < 0.5 ? text(next, HAN, 40) : text(next, LATIN, 60)}.${next() < 0.5 ? 'pdf' : 'xlsx'}`;
    const path = `${root}${next() < 0.5 ? `${text(next, HAN, 8)}/` : ''}${name}`;
    return {
      path,
      status,
      ...(status === 'unreadable'
        ? { error: `${path} ${text(next, `${HAN} ${LATIN}`, 120)}` }
        : { agency: text(next, HAN, 30), year: 2019 + Math.floor(next() * 8), edition: '2021' }),
      figures:
        status === 'unreadable'
          ? { expected: 0, found: 0 }
          : { expected: 200, found: status === 'incomplete' ? Math.floor(next() * 200) : 200 },
      errors: Math.floor(next() * 10000),
      warnings: Math.floor(next() * 300),
      rules: {},
      outputs: [],
      diagnostics: [],
      trend: {},
    };
  });
}

describe('the closing table of convert', () => {
  it('fits every width from 40 to 160 columns, for 300 generated batches of CJK and Latin names', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const records = batch(seed);
      const width = 40 + (seed % 121);
      for (const lang of ['zh', 'en'] as const) {
        const lines = summaryTable(records, lang, width).trimEnd().split('\n');
        for (const line of lines) expect([seed, width, displayWidth(line) <= width]).toEqual([seed, width, true]);
        // Every unreadable file's reason, whole, on the lines under its row.
        const joined = lines.join('').replace(/\s+/g, '');
        for (const record of records.filter((r) => r.status === 'unreadable')) {
          expect(joined).toContain((record.error as string).replace(/\s+/g, ''));
        }
        const errors = records.reduce((n, r) => n + r.errors, 0);
        // The totals line (wrapped on a narrow screen) ends the table.
        const totals = lines.slice(-3).join('');
        expect(totals).toContain(`${records.length}`);
        expect(totals).toContain(`${errors}`);
      }
    }
  });

  it('cuts with … and counts CJK as two columns; shortens paths from their common folder', () => {
    expect(displayWidth('淮安市 2024')).toBe(11);
    expect(cutTo('某县人民政府办公室', 11)).toBe('某县人民政…');
    expect(displayWidth(cutTo('某县人民政府办公室', 10))).toBeLessThanOrEqual(10);
    expect(wrapTo('a damaged file that cannot be read', 12)).toEqual(['a damaged', 'file that', 'cannot be', 'read']);
    // A Latin word among Chinese is kept whole (it was 「…网页、Wo」/「rd 或 PDF 版本」 at 80 columns); one longer than the
    // line is still cut.
    expect(wrapTo('请找到报告的网页、Word 或 PDF 版本', 20)).toEqual(['请找到报告的网页、', 'Word 或 PDF 版本']);
    expect(wrapTo('ABCDEFGHIJKL', 5)).toEqual(['ABCDE', 'FGHIJ', 'KL']);
    expect(commonFolder(['/a/b/c.pdf', '/a/b/d/e.pdf'])).toBe('/a/b/');
    expect(shortenPaths(['/a/b/c.pdf', '/a/b/d/e.pdf'])).toEqual(['c.pdf', 'd/e.pdf']);
  });

  it('on the real command: COLUMNS=80 with long folders and Chinese names, the reason of each unreadable file', () => {
    const dir = scratch('report-table-');
    const deep = join(dir, '政务公开办', '2025年度各单位年度报告汇总（第一批）', '市直部门');
    mkdirSync(deep, { recursive: true });
    copyFileSync(fixture('example-2021.xlsx'), join(deep, '某市商务局2025年政府信息公开工作年度报告（定稿）.xlsx'));
    copyFileSync(fixture('example-2019.json'), join(deep, '某县人民政府办公室2020年政府信息公开工作年度报告.json'));
    writeFileSync(join(deep, '某市教育局2025年政府信息公开工作年度报告（扫描件，已损坏）.xlsx'), 'PK\u0003\u0004');
    for (const columns of ['80', '60']) {
      const run = runCli(['convert', deep, '-o', join(dir, `out-${columns}`), '--to', 'json'], {
        env: { COLUMNS: columns },
      });
      const table = run.stdout.trimEnd().split('\n');
      expect(Math.max(...table.slice(0, -1).map(displayWidth))).toBeLessThanOrEqual(Number(columns));
      expect(run.stdout).toContain('…');
      expect(run.stdout.replace(/\s+/g, '')).toContain('不是有效的工作簿');
      expect(table[table.length - 2]).toMatch(/^共 3 个文件：通过 2，无法读取 1；错误 0 个，警告 \d+ 个$/);
    }
  });
});

describe('findings first', () => {
  const record = (path: string, status: InputStatus, errors = 0): InputRecord => ({
    path,
    status,
    figures: { expected: 200, found: status === 'incomplete' ? 150 : 200 },
    agency: '某市商务局',
    year: 2025,
    errors,
    warnings: 0,
    rules: {},
    outputs: [],
    diagnostics: [],
    trend: {},
  });
  // 2,000 inputs, 40 of them with problems, scattered.
  const records = Array.from({ length: 2000 }, (_, i) =>
    record(`/srv/a/r${String(i).padStart(4, '0')}.json`, i % 50 === 7 ? 'invalid' : 'ok', i % 50 === 7 ? 2 : 0),
  );
  const rowsOf = (table: string) => table.split('\n').filter((line) => /^r\d{4}\.json/.test(line));

  test('past a screenful, the inputs that need a look come first', () => {
    const rows = rowsOf(summaryTable(records, 'en', 120));
    expect(rows).toHaveLength(2000);
    expect(rows.slice(0, 40).every((row) => row.includes('invalid'))).toBe(true);
    expect(rows.slice(40).some((row) => row.includes('invalid'))).toBe(false);
  });

  test('a report found invalid whose every error a reviewer decided says so beside its 0 errors', () => {
    const decided = { ...record('/srv/a/r9999.json', 'invalid'), decided: 2 };
    expect(rowsOf(summaryTable([decided], 'en', 120))[0]).toMatch(/^r9999\.json +invalid \(2 decided\) +某市商务局/);
    expect(rowsOf(summaryTable([decided], 'zh', 120))[0]).toContain('有错误（2 个已决定）');
  });

  test('within a screenful, the order given', () => {
    const few = records.slice(0, 20);
    expect(rowsOf(summaryTable(few, 'en', 120)).map((row) => row.split(' ')[0])).toEqual(
      few.map((r) => r.path.split('/').pop()),
    );
  });

  test('--quiet: only those, a line for the rest, and totals over every input', () => {
    const table = summaryTable(records, 'en', 120, { quiet: true });
    expect(rowsOf(table)).toHaveLength(40);
    expect(table).toContain('1960 more files need no look (ok, no errors): not listed');
    expect(table.trimEnd().split('\n').pop()).toBe('2000 files: 1960 ok, 40 invalid; 80 errors, 0 warnings');
  });

  test('convert --quiet prints the progress and the rows of problems only', () => {
    const dir = scratch('report-quiet-');
    mkdirSync(join(dir, 'in'));
    copyFileSync(fixture('example-2021.json'), join(dir, 'in', 'good.json'));
    copyFileSync(fixture('rules', 'R301', 'fail.json'), join(dir, 'in', 'bad.json'));
    writeFileSync(join(dir, 'in', 'scan.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    const run = runCli(['convert', join(dir, 'in'), '-o', join(dir, 'out'), '--to', 'json', '--quiet', '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('good.json');
    expect(run.stderr).toContain('bad.json');
    expect(run.stdout).not.toMatch(/^good\.json/m);
    expect(run.stdout).toMatch(/^bad\.json/m);
    expect(run.stdout).toMatch(/^scan\.png/m);
    expect(run.stdout).toContain('1 more file needs no look');
  });
});
