// What the published-report readers know of the format is derived from the edition definitions.
import { editions } from '../src/editions';
import { editionFromLabels, isTableHeader, sectionHeadings } from '../src/read/published/official-labels';

describe('labels derived from the editions', () => {
  it('take the section headings from the definitions', () => {
    expect(sectionHeadings).toEqual(
      Object.entries(editions[0]?.sections ?? {}).map(([key, section]) => [key, section.title.zh]),
    );
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
});
