// R101: the edition fits the report year (2019 edition for 2019–2020, 2021 edition from 2021).
import { editionForYear } from '../../editions';
import { defineRule } from '../rule';

export const editionYear = defineRule({
  id: 'R101',
  name: 'edition-year',
  severity: 'warning',
  description: {
    zh: '格式版本与报告年度相符：2019–2020 年度用 2019 年版，2021 年度起用 2021 年版',
    en: 'The edition fits the year: 2019 edition for 2019–2020, 2021 edition from 2021',
  },
  details: {
    zh: '国办公开办函〔2019〕60号的格式（试行）用于 2019、2020 年度报告；国办公开办函〔2021〕30号的新格式自 2021 年度报告起使用。早于 2019 年度的报告不适用两种格式。',
    en: 'The 2019 format (letter 2019 No. 60, trial) applies to the 2019 and 2020 reports; the 2021 format (letter 2021 No. 30) from the 2021 report on. Reports before 2019 follow neither.',
  },
  messages: {
    wrongEdition: {
      zh: '{year} 年度报告应使用 {expectedEdition} 年版格式，本报告为 {actualEdition} 年版',
      en: 'a report for {year} should use the {expectedEdition} edition, this one uses the {actualEdition} edition',
    },
    noEdition: {
      zh: '{year} 年度早于 2019 年版格式，两种格式均不适用',
      en: '{year} predates the 2019 edition: neither edition applies',
    },
  },
  check(context) {
    const year = context.number('/year');
    if (year === undefined) return;
    const expected = editionForYear(year);
    if (!expected) {
      context.report({ messageId: 'noEdition', pointer: '/year', params: { year } });
    } else if (expected.id !== context.edition.id) {
      context.report({
        messageId: 'wrongEdition',
        pointer: '/edition',
        params: { year, expectedEdition: expected.id, actualEdition: context.edition.id },
      });
    }
  },
});
