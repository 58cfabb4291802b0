import { editionForYear, editions, getEdition } from '../src/editions';
import { fieldsOf } from '../src/editions/fields';
import { editionSchema } from '../src/schema/edition-schema';

describe('edition definitions', () => {
  it('give table 三 25 data rows in 2021 and 23 in 2019, seven columns each', () => {
    expect(fieldsOf(getEdition('2021')).requestsLeaves).toHaveLength(25);
    expect(fieldsOf(getEdition('2019')).requestsLeaves).toHaveLength(23);
    for (const edition of editions)
      expect(edition.requests.columns.map((c) => c.label.zh)).toEqual([
        '自然人',
        '商业企业',
        '科研机构',
        '社会公益组织',
        '法律服务机构',
        '其他',
        '总计',
      ]);
  });

  it('give table 四 fifteen numbers and 二 the official items', () => {
    const count = (id: '2019' | '2021', section: string) =>
      fieldsOf(getEdition(id)).numeric.filter((field) => field.section === section).length;
    expect(count('2021', 'appeals')).toBe(15);
    expect(count('2021', 'proactive')).toBe(10);
    expect(count('2019', 'proactive')).toBe(2 * 3 + 4 * 3 + 2 + 2);
  });

  it('use the model paths of SPEC §3', () => {
    const paths = fieldsOf(getEdition('2021')).numeric.map((field) => field.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'proactive.rules.issued',
        'proactive.fees.amount',
        'requests.newReceived.natural',
        'requests.results.denied.stateSecret.total',
        'requests.results.other.overdueFee.legalService',
        'requests.carriedForward.total',
        'appeals.review.total',
        'appeals.litigationAfterReview.pending',
      ]),
    );
    expect(fieldsOf(getEdition('2019')).numeric.map((field) => field.path)).toEqual(
      expect.arrayContaining([
        'proactive.licensing.change',
        'proactive.procurement.amount',
        'requests.results.other.total',
      ]),
    );
  });

  it('name every cell by its official labels', () => {
    const fields = fieldsOf(getEdition('2021'));
    expect(fields.labelOf('/requests/carriedForward/total', 'zh')).toBe('三 › 四、结转下年度继续办理 › 总计');
    expect(fields.labelOf('/requests/results/denied/stateSecret/natural', 'zh')).toBe(
      '三 › 三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密 › 自然人',
    );
    expect(fields.labelOf('/appeals/litigationDirect/upheld', 'zh')).toBe(
      '四 › 行政诉讼 › 未经复议直接起诉 › 结果维持',
    );
    expect(fields.labelOf('/proactive/fees/amount', 'zh')).toBe(
      '二 › 第二十条第（八）项 › 行政事业性收费 › 本年收费金额（单位：万元）',
    );
    expect(fields.labelOf('/requests', 'zh')).toBe('三、收到和处理政府信息公开申请情况');
  });

  it('put every model path of an edition in its schema', () => {
    for (const edition of editions) {
      type Node = { properties?: Record<string, Node>; $ref?: string; type?: string };
      const schema = editionSchema(edition) as Node & { $defs: Record<string, Node> };
      const resolve = (node: Node): Node =>
        node.$ref ? (schema.$defs[node.$ref.replace('#/$defs/', '')] as Node) : node;
      for (const field of fieldsOf(edition).numeric) {
        let node: Node = schema;
        for (const key of field.path.split('.')) node = resolve(node).properties?.[key] ?? {};
        expect(node).toMatchObject({ type: field.kind === 'amount' ? 'number' : 'integer' });
      }
    }
  });

  it('choose the edition by year', () => {
    expect(editionForYear(2019)?.id).toBe('2019');
    expect(editionForYear(2020)?.id).toBe('2019');
    expect(editionForYear(2021)?.id).toBe('2021');
    expect(editionForYear(2030)?.id).toBe('2021');
    expect(editionForYear(2018)).toBeUndefined();
  });
});
