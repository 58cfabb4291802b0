import { defineCases } from '../rule-cases';
import { editionYear } from './edition-year';

export const cases = defineCases(editionYear, {
  base: 'example-2021',
  valid: [
    { name: 'a 2025 report in the 2021 edition' },
    { name: 'a 2020 report in the 2019 edition', base: 'example-2019' },
  ],
  invalid: [
    {
      name: 'a 2020 report in the 2021 edition',
      patch: { '/year': 2020 },
      diagnostics: [
        {
          messageId: 'wrongEdition',
          pointer: '/edition',
          params: { year: 2020, expectedEdition: '2019', actualEdition: '2021' },
        },
      ],
    },
    {
      name: 'a 2022 report in the 2019 edition',
      base: 'example-2019',
      patch: { '/year': 2022 },
      diagnostics: [
        {
          messageId: 'wrongEdition',
          pointer: '/edition',
          params: { year: 2022, expectedEdition: '2021', actualEdition: '2019' },
        },
      ],
    },
    {
      name: 'a report for a year before either edition',
      patch: { '/year': 2018 },
      diagnostics: [{ messageId: 'noEdition', pointer: '/year', params: { year: 2018 } }],
    },
  ],
});
