import { defineCases } from '../rule-cases';
import { reportPeriod } from './report-period';

const period = '本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。';
const title = '某市商务局2024年政府信息公开工作年度报告';

export const cases = defineCases(reportPeriod, {
  base: 'example-2021',
  valid: [
    { name: 'the 2021 example: its year, and a span 2019 年以前 not counted' },
    { name: 'the 2019 example', base: 'example-2019' },
    { name: 'a statistics period of the report year', patch: { '/overview/11': period.replaceAll('2024', '2025') } },
  ],
  invalid: [
    {
      name: "last year's statistics period and year left in the text",
      patch: {
        '/overview/0': `${period}2024年，某市商务局认真贯彻落实《中华人民共和国政府信息公开条例》，持续深化政务公开。`,
      },
      diagnostics: [
        { messageId: 'periodYear', pointer: '/overview/0', params: { stated: 2024, year: 2025, sentence: period } },
        {
          messageId: 'mostlyOtherYear',
          pointer: '/overview',
          params: { stated: 2024, times: 3, year: 2025, yearTimes: 0 },
        },
      ],
    },
    {
      name: "last year's title",
      patch: { '/overview/0': title },
      diagnostics: [
        { messageId: 'titleYear', pointer: '/overview/0', params: { stated: 2024, year: 2025, sentence: title } },
      ],
    },
  ],
});
