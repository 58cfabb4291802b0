// Adding an edition is one file: an edition defined here — 2021's, one label renamed and one row added to 三 — with
// no other code changed, is followed by the grid, the JSON Schema, the template, the layout (HTML), the rules' sums
// and the importer's alignment. Each is handed the edition; none looks it up by id.
import * as XLSX from 'xlsx';
import { edition2021 } from '../src/editions/edition-2021';
import { fieldsOf } from '../src/editions/fields';
import { tableGrids } from '../src/editions/table-grid';
import type { Edition, EditionId, Label, RequestsRow } from '../src/editions/types';
import type { Model } from '../src/model/pointer';
import { alignSection } from '../src/read/published/align-table';
import { classifyTables, splitSections } from '../src/read/published/flow-sections';
import { parsePage } from '../src/read/published/html-source';
import { ModelBuilder } from '../src/read/published/model-builder';
import type { TableBlock } from '../src/render/document-tree';
import { renderHtml } from '../src/render/html';
import { layoutReport } from '../src/render/layout';
import { editionSchema } from '../src/schema/edition-schema';
import { writeTemplate } from '../src/template/write-template';
import { requestsResultsTotal } from '../src/validate/rules/requests-results-total';
import { requestsRowTotal } from '../src/validate/rules/requests-row-total';
import { readJsonFixture } from './helpers';

const renamed: Label = { zh: '行政处罚决定', en: 'administrative penalty decisions' };
const added: RequestsRow = { key: 'testMatter', label: { zh: '6.要求提供测试事项', en: 'asks for a test matter' } };

/** 2021's rows of 三 with `added` after 5. under （五）不予处理. */
const withAdded = (rows: readonly RequestsRow[]): RequestsRow[] =>
  rows.map((row) =>
    row.key === 'notProcessed' && row.children
      ? { ...row, children: [...row.children, added] }
      : row.children
        ? { ...row, children: withAdded(row.children) }
        : row,
  );

/** The test edition: one declarative object, as an edition file holds. (A real one also declares its id into `EditionIds`, in its own file.) */
const testEdition: Edition = {
  ...edition2021,
  id: 'test' as EditionId,
  name: { zh: '测试版', en: 'test edition' },
  proactive: edition2021.proactive.map((group) => ({
    ...group,
    rows: group.rows.map((row) => (row.key === 'penalty' ? { ...row, label: renamed } : row)),
  })),
  requests: { ...edition2021.requests, rows: withAdded(edition2021.requests.rows) },
};

const ADDED = '/requests/results/notProcessed/testMatter';
const addedFigures = {
  natural: 1,
  commercial: 2,
  research: 0,
  publicInterest: 0,
  legalService: 0,
  otherOrg: 0,
  total: 3,
};

/** 2021's example, filled in for the test edition. */
function testModel(): Model {
  const model = readJsonFixture('example-2021');
  model.edition = testEdition.id;
  const requests = model.requests as { results: { notProcessed: Record<string, unknown> } };
  requests.results.notProcessed.testMatter = { ...addedFigures };
  return model;
}

describe('an edition defined in a test, with no other code changed', () => {
  it('has its grid: the added row after 5., in its group, the results total and the balance', () => {
    const grid = tableGrids(testEdition).requests;
    const pointers = grid.rows.map((row) => row.pointer);
    const at = pointers.indexOf(ADDED);
    expect(pointers[at - 1]).toBe('/requests/results/notProcessed/confirmation');
    expect(grid.rows).toHaveLength(tableGrids(edition2021).requests.rows.length + 1);
    expect(grid.rows[at]?.labels.map((label) => label.zh)).toEqual([
      '三、本年度办理结果',
      '（五）不予处理',
      '6.要求提供测试事项',
    ]);
    // （七）总计 adds up the added row with the other results; 一 + 二 = 三's total + 四 still holds.
    const total = pointers.indexOf('/requests/results/total');
    expect(grid.columnSums).toEqual([{ total, parts: expect.arrayContaining([at]) }]);
    expect(grid.balance?.right).toEqual([total, pointers.indexOf('/requests/carriedForward')]);
    // Drawn: （五）不予处理 now spans six rows.
    const group = grid.drawing.body.flat().find((cell) => cell.text === '（五）不予处理');
    expect(group?.rowSpan).toBe(6);
  });

  it('has its JSON Schema', () => {
    type Node = { title?: string; $ref?: string; properties?: Record<string, Node>; required?: string[] };
    const schema = editionSchema(testEdition) as Node & { $id: string };
    const requests = schema.properties?.requests?.properties?.results?.properties?.notProcessed;
    expect(requests?.properties?.testMatter).toEqual({ title: '6.要求提供测试事项', $ref: '#/$defs/Cols' });
    expect(requests?.required?.at(-1)).toBe('testMatter');
    expect(schema.properties?.proactive?.properties?.penalty?.title).toBe('第二十条第（六）项 › 行政处罚决定');
    expect(schema.$id).toContain('report-test');
  });

  it('has its template: the row with its named inputs and its check, the column checks over it', async () => {
    const read = async (edition: Edition) =>
      XLSX.read(await writeTemplate(edition, { model: testModel() }), {
        type: 'buffer',
        cellFormula: true,
        sheetStubs: true,
      });
    const [ours, official] = await Promise.all([read(testEdition), read(edition2021)]);
    const rowOf = (workbook: XLSX.WorkBook, name: string) => {
      const ref = workbook.Workbook?.Names?.find((n) => n.Name === name)?.Ref ?? '';
      return Number(/\$(\d+)$/.exec(ref)?.[1]);
    };
    const sheet = ours.Sheets[testEdition.sections.requests.sheet] as XLSX.WorkSheet;
    const row = rowOf(ours, 'requests.results.notProcessed.testMatter.natural');
    expect(row).toBe(rowOf(official, 'requests.results.notProcessed.confirmation.natural') + 1);
    expect(sheet[`C${row}`]?.v).toBe('6.要求提供测试事项');
    expect(['D', 'E', 'J'].map((column) => sheet[`${column}${row}`]?.v)).toEqual([1, 2, 3]);
    expect(sheet[`K${row}`]?.f).toContain(`J${row}=SUM(D${row}:I${row})`);
    // Every row below moves down one; （七）总计's check adds up the results down to the added row.
    const total = rowOf(ours, 'requests.results.total.natural');
    expect(total).toBe(rowOf(official, 'requests.results.total.natural') + 1);
    const first = rowOf(ours, 'requests.results.granted.natural');
    const checks = Object.entries(sheet)
      .filter(([address]) => address.startsWith('D'))
      .map(([, cell]) => (cell as XLSX.CellObject).f ?? '');
    expect(checks).toContainEqual(expect.stringContaining(`D${total}=SUM(D${first}:D${total - 1})`));
    const proactive = ours.Sheets[testEdition.sections.proactive.sheet] as XLSX.WorkSheet;
    expect(Object.values(proactive).some((cell) => (cell as XLSX.CellObject).v === '行政处罚决定')).toBe(true);
  });

  it('has its layout: the DOCX and HTML tables show the added row and the renamed label', () => {
    const model = testModel();
    const document = layoutReport(model, testEdition);
    const requests = document.blocks.find(
      (block): block is TableBlock => block.kind === 'table' && block.id === 'requests',
    );
    const row = requests?.body.find((cells) => cells.some((cell) => cell.text === '6.要求提供测试事项'));
    expect(row?.filter((cell) => cell.pointer).map((cell) => [cell.pointer, cell.text])).toEqual(
      Object.entries(addedFigures).map(([key, value]) => [`${ADDED}/${key}`, String(value)]),
    );
    const html = renderHtml(document, model, 'test');
    expect(html).toContain('6.要求提供测试事项');
    expect(html).toContain('行政处罚决定');
  });

  it("has its arithmetic: the rules' sums are its grid's, the added row in its row total and in （七）总计", () => {
    const context = { edition: testEdition, fields: fieldsOf(testEdition), grids: tableGrids(testEdition) };
    const rowTotals = requestsRowTotal.equations?.(context) ?? [];
    expect(
      rowTotals.find((equation) => equation.total === `${ADDED}/total`)?.terms.map((term) => term.pointer),
    ).toEqual([
      `${ADDED}/total`,
      ...Object.keys(addedFigures)
        .slice(0, -1)
        .map((key) => `${ADDED}/${key}`),
    ]);
    const resultsTotals = requestsResultsTotal.equations?.(context) ?? [];
    expect(resultsTotals).toHaveLength(7);
    for (const equation of resultsTotals)
      expect(equation.terms.map((term) => term.pointer)).toContain(`${ADDED}/${equation.total.split('/').pop()}`);
    // 2021's own grid gives one row fewer to each column's total.
    const official = requestsResultsTotal.equations?.({
      edition: edition2021,
      fields: fieldsOf(edition2021),
      grids: tableGrids(edition2021),
    });
    expect(official?.[0]?.terms.length).toBe((resultsTotals[0]?.terms.length ?? 0) - 1);
  });

  it("has its importer's alignment: the page it lays out reads back whole, which 2021's grid cannot", () => {
    const model = testModel();
    const page = parsePage(renderHtml(layoutReport(model, testEdition), model, 'test'));
    const tables = classifyTables(splitSections(page.flow.items));
    const align = (edition: Edition) => {
      const builder = new ModelBuilder(edition, { lenient: false });
      const grids = tableGrids(edition);
      for (const section of ['proactive', 'requests', 'appeals'] as const)
        alignSection(builder, grids[section], tables[section]);
      builder.finish();
      return builder;
    };
    const ours = align(testEdition);
    for (const section of ['proactive', 'requests', 'appeals'] as const)
      expect(ours.model[section]).toEqual(model[section]);
    expect(ours.findings.filter((finding) => finding.messageId === 'unplacedLabel')).toEqual([]);
    // The same page against 2021's grid: the added row and the renamed one name no row of it.
    const official = align(edition2021);
    expect(
      official.findings
        .filter((finding) => finding.messageId === 'unplacedLabel')
        .map((finding) => finding.params?.text),
    ).toEqual(expect.arrayContaining(['6.要求提供测试事项', '行政处罚决定']));
  });
});
