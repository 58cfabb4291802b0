// What the published-report readers know of the format is derived from the edition definitions.
import { editions } from '../src/editions';
import { normaliseLabel } from '../src/model/label-text';
import { headingOf } from '../src/read/published/flow-sections';
import { editionFromLabels, isTableHeader, sectionHeadings, tableKindOf } from '../src/read/published/official-labels';

describe('labels derived from the editions', () => {
  it('take the section headings and their rewordings from the definitions', () => {
    expect(sectionHeadings).toEqual(
      Object.entries(editions[0]?.sections ?? {}).map(([key, section]) => [
        key,
        [section.title.zh, ...(section.title.variants ?? [])].map(normaliseLabel),
      ]),
    );
    expect(headingOf('五、政府信息公开工作存在的主要问题及改进情况')).toBe('problems');
    expect(headingOf('五、存在问题及改进情况')).toBe('problems');
    expect(headingOf('四、因政府信息公开工作被申请行政复议、提起行政诉讼情况')).toBe('appeals');
    expect(headingOf('四、结转下年度继续办理')).toBeUndefined();
  });

  it('tell the edition only by labels one edition prints, matched exactly', () => {
    expect(editionFromLabels(['本年制发件数'])).toBe('2021');
    expect(editionFromLabels(['对外公开 总数量'])).toBe('2019');
    expect(editionFromLabels(['3、其他'])).toBe('2021');
    // 2019's row （六）其他处理 is a group label in 2021; the column 其他 is no row 3.其他.
    expect(editionFromLabels(['（六）其他处理'])).toBeUndefined();
    expect(editionFromLabels(['其他', '总计'])).toBeUndefined();
    // A 2021 table printed with 2019 columns says both: no edition.
    expect(editionFromLabels(['本年制发件数', '本年新制作数量'])).toBeUndefined();
  });

  it('know a column header from a row of the same words', () => {
    expect(isTableHeader('總計')).toBe(true);
    expect(isTableHeader('（七）总计')).toBe(false);
    expect(isTableHeader('本年收费金额（单位：万元）')).toBe(true);
    expect(isTableHeader('信息内容')).toBe(true);
    expect(isTableHeader('规章')).toBe(false);
  });

  it('tell which official table a table is by the labels only it prints', () => {
    expect(tableKindOf(['（本列数据的勾稽关系为…）', '申请人情况', '自然人'])).toBe('requests');
    expect(tableKindOf(['一、本年新收政府信息公开申请数量', '0'])).toBe('requests');
    expect(tableKindOf(['行政复议', '结果维持', '结果纠正', '2'])).toBe('appeals');
    expect(tableKindOf(['第二十条 第（一）项'])).toBe('proactive');
    expect(tableKindOf(['行政规范性文件', '3', '1', '27'])).toBe('proactive');
    expect(tableKindOf(['序号', '姓名', '金额'])).toBeUndefined();
  });
});
