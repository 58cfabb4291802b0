// Issue 16's mechanisms one by one, in process: a figure is placed only where its column is certified by the source's
// own header and its row by its whole label; what a reader does not see is not read; a guess is never made.

import { writeZip } from '../scripts/fuzz/zip-writer';
import type { ReadReport } from '../src/model/read-report';
import { MAX_GRID_CELLS } from '../src/read/markup-limit';
import { readBytes } from '../src/read/read-input.node';
import { importVerdict } from '../src/validate/import-verdict';
import { validateReport } from '../src/validate/validate-report';
import { readJsonFixture } from './helpers';

const example = readJsonFixture('example-2021') as {
  requests: Record<string, Record<string, number>>;
  appeals: Record<string, Record<string, number>>;
};
const COLUMNS = ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'] as const;
const LABELS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
const row = (key: string) => COLUMNS.map((c) => (example.requests[key] as Record<string, number>)[c] as number);

const read = (text: string, ext = '.html'): ReadReport =>
  readBytes(Buffer.from(text, 'utf8'), `page${ext}`, ext, { lenient: true });
const at = (report: ReadReport, pointer: string): unknown =>
  pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], report.model);
const messageIds = (report: ReadReport) => report.findings.map((f) => f.messageId);

const page = (body: string, head = '') =>
  `<html><head><meta charset="utf-8">${head}</head><body><h1>某市商务局2025年政府信息公开工作年度报告</h1>` +
  `<h2>一、总体情况</h2><p>本年度…</p>${body}<h2>五、存在的主要问题及改进情况</h2><p>无。</p></body></html>`;
const requests = (table: string) => `<h2>三、收到和处理政府信息公开申请情况</h2>${table}`;
const tr = (cells: readonly (string | number)[], tag = 'td') =>
  `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;

describe('columns are certified by the header the table prints', () => {
  it('follows a header in another order (总计 first, the organisations reversed)', () => {
    const order = [6, 0, 5, 4, 3, 2, 1];
    const report = read(
      page(
        requests(
          `<table>${tr(['', ...order.map((i) => LABELS[i] as string)], 'th')}${tr([
            '一、本年新收政府信息公开申请数量',
            ...order.map((i) => row('newReceived')[i] as number),
          ])}</table>`,
        ),
      ),
    );
    expect(at(report, '/requests/newReceived')).toEqual(example.requests.newReceived);
    expect(messageIds(report)).not.toContain('columnsAssumed');
  });

  it('a header printed as a table of its own still says where the columns of the next table stand', () => {
    const header = `<table>${tr(['项目', '申请人情况'], 'th')}${tr(['', ...[...LABELS].reverse()], 'th')}</table>`;
    const data = `<table>${tr(['二、上年结转政府信息公开申请数量', ...[...row('carriedOver')].reverse()])}</table>`;
    const report = read(page(requests(header + data)));
    expect(at(report, '/requests/carriedOver')).toEqual(example.requests.carriedOver);
  });

  it('a header cell spanning two label columns where rows have three shifts positions, not the order', () => {
    const head =
      `<tr><th colspan="2" rowspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>` +
      `<th colspan="7">申请人情况</th></tr>${tr(LABELS, 'th')}`;
    const body = `<tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td></td>${row('newReceived')
      .map((n) => `<td>${n}</td>`)
      .join('')}</tr>`;
    const report = read(page(requests(`<table>${head}${body}</table>`)));
    expect(at(report, '/requests/results/granted')).toEqual(example.requests.newReceived);
  });

  it('a header column it cannot name (小计) is not placed by position, and is said once', () => {
    const report = read(
      page(
        requests(
          `<table>${tr(['', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '小计'], 'th')}${tr(
            ['一、本年新收政府信息公开申请数量', ...row('newReceived')],
          )}</table>`,
        ),
      ),
    );
    expect(at(report, '/requests/newReceived/natural')).toBe(example.requests.newReceived?.natural);
    expect(at(report, '/requests/newReceived/total')).toBeUndefined();
    expect(messageIds(report).filter((id) => id === 'unknownColumn')).toHaveLength(1);
  });

  it('a 2019-edition 二 printed in a 2021 report places nothing under columns it does not have', () => {
    const proactive =
      '<h2>二、主动公开政府信息情况</h2><table>' +
      tr(['第二十条第（一）项']) +
      tr(['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']) +
      tr(['规章', 1, 2, 3]) +
      tr(['第二十条第（五）项']) +
      tr(['信息内容', '本年处理决定数量']) +
      tr(['行政许可', 4]) +
      '</table>';
    const report = read(page(proactive));
    expect(report.model.edition).toBe('2021');
    expect(at(report, '/proactive/rules')).toBeUndefined();
    expect(at(report, '/proactive/licensing/decisions')).toBe(4);
    expect(messageIds(report)).toContain('unplacedRowHeader');
  });

  it('a TAB copy of a spanned header (each merged cell once) gives the order by its labels', () => {
    const text = [
      '某市商务局2025年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
      '自然人\t法人或其他组织\t总计',
      '商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
      `一、本年新收政府信息公开申请数量\t${row('newReceived').join('\t')}`,
      '四、政府信息公开行政复议、行政诉讼情况',
    ].join('\n');
    const report = read(text, '.txt');
    expect(at(report, '/requests/newReceived')).toEqual(example.requests.newReceived);
  });

  it('with no header at all the official order is an assumption, and said', () => {
    const text = [
      '某市商务局2025年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      `二、上年结转政府信息公开申请数量\t${row('carriedOver').join('\t')}`,
    ].join('\n');
    const report = read(text, '.txt');
    expect(at(report, '/requests/carriedOver')).toEqual(example.requests.carriedOver);
    expect(messageIds(report)).toContain('columnsAssumed');
  });
});

describe('rows are certified by their whole label, and lost positions by the arithmetic', () => {
  it('a fragment 2.其他 is never the row 3.其他', () => {
    const text = [
      '某市商务局2025年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      `\t${LABELS.join('\t')}`,
      `(六)其他处理\t2.其他\t1\t0\t0\t0\t0\t0\t1`,
    ].join('\n');
    const report = read(text, '.txt');
    expect(at(report, '/requests/results/other/other')).toBeUndefined();
  });

  it('a row that lost its positions is placed only when its parts add up to its total', () => {
    const lines = (figures: string) =>
      [
        '某市商务局2025年政府信息公开工作年度报告',
        '三、收到和处理政府信息公开申请情况',
        `一、本年新收政府信息公开申请数量 ${figures}`,
      ].join('\n');
    expect(at(read(lines('38 5 0 1 2 1 47'), '.txt'), '/requests/newReceived')).toEqual(example.requests.newReceived);
    const wrong = read(lines('38 5 0 1 2 1 48'), '.txt');
    expect(at(wrong, '/requests/newReceived')).toBeUndefined();
    expect(messageIds(wrong)).toContain('unplacedRowSum');
  });

  it('a space between thousands (5 609) is one figure when only that reading adds up', () => {
    const text = [
      '某市商务局2025年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量 5 609 1 0 0 0 0 5 610',
    ].join('\n');
    expect(at(read(text, '.txt'), '/requests/newReceived')).toEqual({
      natural: 5609,
      commercial: 1,
      research: 0,
      publicInterest: 0,
      legalService: 0,
      otherOrg: 0,
      total: 5610,
    });
  });

  it('a lone 0 before the next heading does not fill a row that lost its figures', () => {
    const text = [
      '某市商务局2025年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      ...LABELS,
      '四、结转下年度继续办理',
      '0',
      '四、政府信息公开行政复议、行政诉讼情况',
    ].join('\n');
    expect(at(read(text, '.txt'), '/requests/carriedForward')).toBeUndefined();
  });

  it('a count written with its unit (12件) is read as the number in lenient reading, and said', () => {
    const text = [
      '某市商务局2025年政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      '第二十条第（五）项',
      '信息内容\t本年处理决定数量',
      '行政许可\t12件',
    ].join('\n');
    const report = read(text, '.txt');
    expect(at(report, '/proactive/licensing/decisions')).toBe(12);
    expect(messageIds(report)).toContain('unitDropped');
  });
});

describe('what a reader sees is what is read', () => {
  it('script, style, template and hidden text inside cells are not figures', () => {
    const cells = [
      '3<script>9</script>',
      '<span style="display:none">7</span>1',
      '2<style>.x{}</style>',
      '<template>5</template>0',
    ];
    const report = read(
      page(
        requests(
          `<table>${tr(['', ...LABELS], 'th')}<tr><td>一、本年新收政府信息公开申请数量</td>${[...cells, '0', '0', '6']
            .map((c) => `<td>${c}</td>`)
            .join('')}</tr></table>`,
        ),
      ),
    );
    expect(at(report, '/requests/newReceived')).toEqual({
      natural: 3,
      commercial: 1,
      research: 2,
      publicInterest: 0,
      legalService: 0,
      otherOrg: 0,
      total: 6,
    });
  });

  it('a rowspan past its table is clamped to the row group, as a browser does', () => {
    const report = read(
      page(
        requests(
          `<table><tbody>${tr(['', ...LABELS], 'th')}<tr><td rowspan="65534">一、本年新收政府信息公开申请数量</td>${row(
            'newReceived',
          )
            .map((n) => `<td>${n}</td>`)
            .join('')}</tr></tbody></table>`,
        ),
      ),
    );
    expect(at(report, '/requests/newReceived')).toEqual(example.requests.newReceived);
  });

  it('a page laid out in a table around the report is read, not refused', () => {
    const inner = requests(
      `<table>${tr(['', ...LABELS], 'th')}${tr(['一、本年新收政府信息公开申请数量', ...row('newReceived')])}</table>`,
    );
    const report = read(page(`<table><tr><td>导航</td><td>${inner}</td></tr></table>`));
    expect(at(report, '/requests/newReceived')).toEqual(example.requests.newReceived);
  });

  it('our embedded JSON is used only when the visible tables agree with it', () => {
    const visible = requests(
      `<table>${tr(['', ...LABELS], 'th')}${tr(['一、本年新收政府信息公开申请数量', ...row('newReceived')])}</table>`,
    );
    const model = readJsonFixture('example-2021') as { requests: { newReceived: { natural: number } } };
    model.requests.newReceived.natural = 999;
    const report = read(
      page(`${visible}<script type="application/json" id="report-data">${JSON.stringify(model)}</script>`),
    );
    expect(report.readAs).toBe('published');
    expect(at(report, '/requests/newReceived/natural')).toBe(example.requests.newReceived?.natural);
    expect(messageIds(report)).toContain('embeddedDisagrees');
  });
});

describe('the agency is a name, never navigation or a sentence', () => {
  const body = '<h2>一、总体情况</h2><p>本年度…</p><h2>五、存在的主要问题及改进情况</h2><p>无。</p>';
  const html = (head: string, top: string) => `<html><head>${head}</head><body>${top}${body}</body></html>`;

  it('a breadcrumb before the title is not part of the name', () => {
    const report = read(
      html(
        '',
        '<p>当前位置：首页 &gt; 政府信息公开 &gt; 年度报告</p><p>某县交通运输局2025年政府信息公开工作年度报告</p>',
      ),
    );
    expect(report.model.agency).toBe('某县交通运输局');
    const glued = read(
      html('', '<p>当前位置：首页&gt;政府信息公开&gt;年度报告某县交通运输局2025年政府信息公开工作年度报告</p>'),
    );
    expect(glued.model.agency).toBe('某县交通运输局');
  });

  it('a sentence before the title gives no agency; the CMS meta tags do', () => {
    const sentence = read(
      html('', '<p>根据《中华人民共和国政府信息公开条例》要求，特编制某县交通运输局2025年政府信息公开工作年度报告</p>'),
    );
    expect(sentence.model.agency).toBeUndefined();
    const meta = read(
      html(
        '<meta name="ArticleTitle" content="某县交通运输局2025年政府信息公开工作年度报告">',
        '<p>2025年政府信息公开工作年度报告</p>',
      ),
    );
    expect(meta.model.agency).toBe('某县交通运输局');
    const source = read(
      html('<meta name="ContentSource" content="某县交通运输局">', '<p>2025年政府信息公开工作年度报告</p>'),
    );
    expect(source.model.agency).toBe('某县交通运输局');
    expect(messageIds(source)).toContain('agencyFromPageMeta');
  });
});

describe('Word tables as Word writes them', () => {
  const docx = (rows: string) => {
    const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const body =
      p('某市商务局2025年政府信息公开工作年度报告') +
      p('一、总体情况') +
      p('本年度…') +
      p('三、收到和处理政府信息公开申请情况') +
      `<w:tbl>${rows}</w:tbl>` +
      p('四、政府信息公开行政复议、行政诉讼情况');
    const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
    return writeZip([
      {
        name: '[Content_Types].xml',
        content: Buffer.from(
          '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        ),
      },
      { name: 'word/document.xml', content: Buffer.from(xml) },
    ]);
  };
  const cell = (text: string | number, properties = '') =>
    `<w:tc>${properties ? `<w:tcPr>${properties}</w:tcPr>` : ''}<w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;

  it('a row that skips grid columns (w:gridBefore) keeps its cells under their headers', () => {
    const header = `<w:tr>${cell('项目', '<w:gridSpan w:val="2"/>')}${LABELS.map((l) => cell(l)).join('')}</w:tr>`;
    const shifted = `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${cell('一、本年新收政府信息公开申请数量')}${row(
      'newReceived',
    )
      .map((n) => cell(n))
      .join('')}</w:tr>`;
    const report = readBytes(docx(header + shifted), 'report.docx', '.docx', { lenient: true });
    expect(at(report, '/requests/newReceived')).toEqual(example.requests.newReceived);
  });

  it('hidden (w:vanish) and deleted (w:del) runs are not figures', () => {
    const run = (text: string, properties = '') =>
      `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}<w:t>${text}</w:t></w:r>`;
    const figures = row('newReceived').map((n, i) =>
      i === 0
        ? `<w:tc><w:p>${run('9', '<w:vanish/>')}<w:del>${run('8')}</w:del>${run(String(n))}</w:p></w:tc>`
        : cell(n),
    );
    const rows = `<w:tr>${cell('')}${LABELS.map((l) => cell(l)).join('')}</w:tr><w:tr>${cell('一、本年新收政府信息公开申请数量')}${figures.join('')}</w:tr>`;
    const report = readBytes(docx(rows), 'report.docx', '.docx', { lenient: true });
    expect(at(report, '/requests/newReceived/natural')).toBe(example.requests.newReceived?.natural);
  });
  it('rows spanning 200 columns each lay out no more than the cell budget: tooManyCells, not hundreds of MB', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<w:tr>${cell(i, '<w:gridSpan w:val="200"/>')}</w:tr>`).join(
      '',
    );
    expect(() => readBytes(docx(rows), 'spans.docx', '.docx', { lenient: true })).toThrow(
      expect.objectContaining({ messageId: 'tooManyCells', params: { file: 'spans.docx', limit: MAX_GRID_CELLS } }),
    );
  });
});

describe('the cell budget of a page', () => {
  it('rowspans and colspans that would lay out millions of cells: tooManyCells', () => {
    const rows = Array.from({ length: 2000 }, () => '<tr><td colspan="200" rowspan="1000">1</td></tr>').join('');
    const page = `<html><body><h2>三、收到和处理政府信息公开申请情况</h2><table><tbody>${rows}</tbody></table></body></html>`;
    expect(() => readBytes(Buffer.from(page), 'spans.html', '.html', { lenient: true })).toThrow(
      expect.objectContaining({ messageId: 'tooManyCells' }),
    );
  });
});

describe('the figures not found are said once a row', () => {
  // Two header columns it cannot name: 其他 and 总计 of the two rows printed go missing; the rest of 三, and 二 and 四,
  // were never printed.
  const report = read(
    page(
      requests(
        `<table>${tr(['', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '备注', '小计'], 'th')}${tr(
          ['一、本年新收政府信息公开申请数量', ...row('newReceived')],
        )}${tr(['二、上年结转政府信息公开申请数量', ...row('carriedOver')])}</table>`,
      ),
    ),
  );
  const missing = report.findings.filter((f) => ['notFound', 'rowNotFound', 'figuresNotFound'].includes(f.messageId));

  it('a whole row is one finding at the row; part of a row names its columns; a lone figure is its own', () => {
    const byPointer = new Map(missing.map((f) => [f.pointer, f]));
    expect(byPointer.get('/requests/results/partiallyGranted')).toMatchObject({
      messageId: 'rowNotFound',
      params: { count: 7 },
      severity: 'warning',
    });
    expect(byPointer.get('/requests/newReceived')).toMatchObject({
      messageId: 'figuresNotFound',
      params: { count: 2 },
      related: ['/requests/newReceived/otherOrg', '/requests/newReceived/total'],
    });
    expect(byPointer.get('/proactive/licensing/decisions')?.messageId).toBe('notFound');
    // 25 rows of 三, 6 of 二 (4 of them a lone figure), 3 of 四: one finding each.
    expect(missing).toHaveLength(25 + 6 + 3);
    const words = (lang: 'zh' | 'en') =>
      validateReport(report, { lang })
        .diagnostics.filter(
          (d) =>
            d.messageId.endsWith('NotFound') &&
            ['/requests/newReceived', '/requests/results/partiallyGranted'].includes(d.pointer),
        )
        .map((d) => d.message);
    expect(words('zh')).toEqual([
      '三 › 一、本年新收政府信息公开申请数量：其他、总计共 2 个数字未找到，未填写（不作推测）',
      '三 › 三、本年度办理结果 › （二）部分公开（区分处理的，只计这一情形，不计其他情形）：7 个数字未找到，未填写（不作推测）',
    ]);
    expect(words('en')).toEqual([
      'III › new requests this year: 2 figures not found (other organisations, total); left out (never guessed)',
      'III › results this year › partially disclosed: 7 figures not found; left out (never guessed)',
    ]);
  });

  it('the verdict still counts every figure, and every figure it lacks is in exactly one finding', () => {
    const verdict = importVerdict(report.model, validateReport(report, { lang: 'zh' }).edition, 0);
    expect(verdict).toMatchObject({ status: 'incomplete', figures: { expected: 200, found: 10 } });
    const said = missing.flatMap((f) => f.related ?? [f.pointer]);
    expect(new Set(said).size).toBe(said.length);
    expect(said).toHaveLength(verdict.figures.expected - verdict.figures.found);
    // Each is still unreadable, so the schema and the arithmetic stay silent about it.
    expect(said.every((pointer) => report.unreadable.has(pointer))).toBe(true);
  });
});
