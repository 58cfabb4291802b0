import { defineCases, lastYearOf2021Example, lastYearOf2021Figures } from '../rule-cases';
import { textCopied } from './text-copied';

/** Last year's 五 in words of its own: nothing of it is this year's. */
const otherProblems = [
  '一是政府信息公开专栏栏目设置不够科学，部分信息更新不及时；二是工作人员业务培训覆盖面不广。',
  '今后将优化专栏设置，建立信息更新提醒机制，扩大培训范围。',
];
/** Last year's 一 in words of its own. */
const otherOverview = [
  '2024年，我局围绕优化营商环境，稳步推进政府信息公开工作，主动公开各类信息一千余条。',
  '依申请公开方面，全年办理申请数十件，均在法定期限内答复，未发生因答复引起的行政复议。',
  '平台建设方面，完成门户网站适老化改造，新增无障碍浏览功能，方便群众查阅。',
];

export const cases = defineCases(textCopied, {
  base: 'example-2021',
  valid: [
    {
      name: 'last year wrote 一 and 五 in other words',
      previous: { patch: { ...lastYearOf2021Example, '/overview': otherOverview, '/problems': otherProblems } },
    },
    {
      name: 'last year shares a third of 五 (one sentence of three): under half',
      previous: {
        patch: {
          ...lastYearOf2021Example,
          '/overview': otherOverview,
          '/problems': [
            otherProblems[0],
            '下一步，我局将丰富政策解读形式，加强答复文书审核，定期开展依申请公开案例分析，持续提升政务公开工作质量。',
          ],
        },
      },
    },
  ],
  invalid: [
    {
      name: 'last year’s report word for word but the year: 一 and 五 all copied',
      previous: { patch: lastYearOf2021Figures },
      diagnostics: [
        { messageId: 'copied', pointer: '/overview', params: { total: 9, same: 9, share: '100%', limit: '50%' } },
        { messageId: 'copied', pointer: '/problems', params: { total: 3, same: 3, share: '100%', limit: '50%' } },
      ],
    },
    {
      name: '五 with only its figures changed is still copied; 一 rewritten is not',
      previous: {
        patch: {
          ...lastYearOf2021Example,
          '/overview': otherOverview,
          '/problems': [
            '一是政策解读形式较为单一，图解、视频等多样化解读比例不高；二是依申请公开答复的规范化水平有待提高。',
            '下一步，我局将丰富政策解读形式，加强答复文书审核，每季度开展 2 次依申请公开案例分析，持续提升政务公开工作质量。',
          ],
        },
      },
      diagnostics: [
        { messageId: 'copied', pointer: '/problems', params: { total: 3, same: 3, share: '100%', limit: '50%' } },
      ],
    },
  ],
});
