import { defineCases } from '../rule-cases';
import { publishedOnTime } from './published-on-time';

/** A government's report that gives what 第五十条 asks of it (so that N009 stays silent). */
const government = {
  '/agency': '某市人民政府',
  '/problems/2': '本年度将政务公开纳入绩效考核，开展社会评议，未发生责任追究。',
};

export const cases = defineCases(publishedOnTime, {
  base: 'example-2021',
  valid: [
    {
      name: 'a department’s report published on 20 January',
      patch: { '/publishedOn': '2026-01-20', '/signedOn': '2026-01-18' },
    },
    { name: 'the 2021 example: no date at all, nothing to tell' },
    { name: 'a government’s report published on 15 March', patch: { ...government, '/publishedOn': '2026-03-15' } },
    { name: 'signed in time: when it was published cannot be told', patch: { '/signedOn': '2026-01-31' } },
    {
      name: 'the page’s date comes before the 落款’s',
      patch: { '/publishedOn': '2026-01-30', '/otherMatters/4': '某市商务局', '/otherMatters/5': '2026年2月3日' },
    },
    { name: 'the 2019 example', base: 'example-2019' },
  ],
  invalid: [
    {
      name: 'a department’s report published on 15 February',
      patch: { '/publishedOn': '2026-02-15' },
      diagnostics: [
        {
          messageId: 'late',
          pointer: '/publishedOn',
          params: {
            date: '2026-02-15',
            source: '网页标注的发布日期',
            deadline: '2026-01-31',
            rule: '政府部门的年度报告应在次年 1 月 31 日前公布',
          },
        },
      ],
    },
    {
      name: 'signed after the deadline, so published after it',
      patch: { '/signedOn': '2026-02-03' },
      diagnostics: [
        {
          messageId: 'late',
          pointer: '/signedOn',
          params: {
            date: '2026-02-03',
            source: '落款日期，发布不会更早',
            deadline: '2026-01-31',
            rule: '政府部门的年度报告应在次年 1 月 31 日前公布',
          },
        },
      ],
    },
    {
      name: 'a government’s 落款 left in the text, dated 1 April',
      patch: { ...government, '/otherMatters/4': '某市人民政府', '/otherMatters/5': '2026年4月1日' },
      diagnostics: [
        {
          messageId: 'late',
          pointer: '/otherMatters/5',
          params: {
            date: '2026-04-01',
            source: '落款日期，发布不会更早',
            deadline: '2026-03-31',
            rule: '人民政府的年度报告应在次年 3 月 31 日前公布',
          },
        },
      ],
    },
    {
      name: 'published before the year it reports on ended',
      patch: { '/publishedOn': '2025-12-01' },
      diagnostics: [
        {
          messageId: 'beforePeriodEnd',
          pointer: '/publishedOn',
          params: { date: '2025-12-01', source: '网页标注的发布日期', year: 2025 },
        },
      ],
    },
  ],
});
