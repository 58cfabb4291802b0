// One wrong cell is named as the cell to look at: for every single-cell typo in a filled workbook of each edition
// (each figure of 三 and 四 in turn), the first diagnostic names that cell, and no message tells the user to change a
// cell that was right. Then the cases no single cell explains: they say which sum disagrees and by how much.
import * as XLSX from 'xlsx';
import { getEdition } from '../src/editions';
import { renderOutputs } from '../src/output/render-outputs';
import { readBytes } from '../src/read/read-input.node';
import { validateReport } from '../src/validate/validate-report';
import { readJsonFixture } from './helpers';

async function filledWorkbook(example: string): Promise<Buffer> {
  const model = readJsonFixture(example);
  const edition = getEdition(String(model.edition) as '2019' | '2021');
  const [xlsx] = await renderOutputs(model, edition, ['xlsx'], {
    docxStyle: 'gbt9704',
    notValidated: false,
    generator: 'test',
  });
  return xlsx?.bytes as Buffer;
}

describe.each(['example-2021', 'example-2019'])(
  'a typo in one cell of %s, each figure of 三 and 四 in turn',
  (example) => {
    let original: Buffer;
    let cells: [pointer: string, sheet: string, cell: string][];
    beforeAll(async () => {
      original = await filledWorkbook(example);
      const report = readBytes(original, 'filled.xlsx', '.xlsx', { lenient: false });
      expect(validateReport(report, { lang: 'zh' }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      cells = [...report.sources]
        .filter(([pointer]) => pointer.startsWith('/requests/') || pointer.startsWith('/appeals/'))
        .map(([pointer, source]) => [pointer, source.sheet as string, source.cell as string]);
    });

    test('the first error names the cell; no message says a right cell "should be" anything', () => {
      expect(cells.length).toBeGreaterThan(150);
      const misses: string[] = [];
      for (const [pointer, sheet, cell] of cells) {
        const workbook = XLSX.read(original);
        const worksheet = workbook.Sheets[sheet] as XLSX.WorkSheet;
        const value = (worksheet[cell] as XLSX.CellObject).v as number;
        worksheet[cell] = { t: 'n', v: value + 3 };
        const typo = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
        const diagnostics = validateReport(readBytes(typo, 'typo.xlsx', '.xlsx', { lenient: false }), {
          lang: 'zh',
        }).diagnostics;
        const first = diagnostics.find((d) => d.severity === 'error');
        // In 三 every figure lies in two or three sums, so the one cell is found (likelyCell at it, its value given);
        // in 四 each lies in its group's sum only, and the message lists the group's five cells.
        const named =
          first !== undefined &&
          ((first.messageId === 'likelyCell' && first.pointer === pointer && first.expected === value) ||
            (first.messageId === 'groupTotal' && String(first.params.cells).includes(`（${cell}）`)));
        const advice = diagnostics.some((d) => d.pointer !== pointer && /应为/.test(d.message));
        if (!named || advice) misses.push(`${cell} ${pointer}: ${diagnostics.map((d) => d.message).join(' | ')}`);
      }
      expect(misses).toEqual([]);
    });
  },
);

describe('failures no single cell explains', () => {
  const model = () => readJsonFixture('example-2021') as { requests: Record<string, Record<string, number>> };
  const check = (changed: ReturnType<typeof model>) =>
    validateReport(
      {
        file: 'x.json',
        format: 'json',
        readAs: 'model',
        model: changed,
        sources: new Map(),
        findings: [],
        unreadable: new Set(),
      },
      { lang: 'zh' },
    ).diagnostics.filter((d) => d.severity === 'error');

  test('two typos in one row: the three sums that fail are said, with their differences, and nothing "should be"', () => {
    const changed = model();
    const row = changed.requests.newReceived as Record<string, number>;
    row.natural = (row.natural ?? 0) + 2;
    row.commercial = (row.commercial ?? 0) + 5;
    const errors = check(changed);
    expect(errors.map((d) => [d.ruleId, d.messageId])).toEqual([
      ['R301', 'rowTotal'],
      ['R303', 'balance'],
      ['R303', 'balance'],
    ]);
    expect(errors[0]?.params).toMatchObject({ difference: 7 });
    for (const d of errors) expect(d.message).not.toMatch(/应为/);
  });

  test('a typo that would need a negative figure to explain it is not blamed on that cell', () => {
    const changed = model();
    const row = changed.requests.carriedForward as Record<string, number>;
    // 四 总计 lowered below its parts: only raising it explains the row; lowering a part below 0 is no explanation.
    row.total = 0;
    const errors = check(changed);
    expect(errors[0]).toMatchObject({ messageId: 'likelyCell', pointer: '/requests/carriedForward/total' });
  });

  test('two independent typos are each named', () => {
    const changed = model();
    const row = changed.requests.newReceived as Record<string, number>;
    row.natural = (row.natural ?? 0) + 1;
    const results = changed.requests.results as unknown as Record<string, Record<string, number>>;
    const published = results.granted as Record<string, number>;
    published.research = (published.research ?? 0) + 4;
    const errors = check(changed);
    expect(errors.map((d) => [d.messageId, d.pointer])).toEqual([
      ['likelyCell', '/requests/newReceived/natural'],
      ['likelyCell', '/requests/results/granted/research'],
    ]);
  });
});
