import { defineCases } from '../rule-cases';
import { textPresent } from './text-present';

export const cases = defineCases(textPresent, {
  base: 'example-2019',
  valid: [
    { name: 'the 2019 example' },
    {
      name: 'section 六 may say 无 (N009 lists what the 2021 format asks there)',
      base: 'example-2021',
      patch: { '/otherMatters': ['无'] },
      others: [{ ruleId: 'N009', messageId: 'topicsMissing', pointer: '/otherMatters' }],
    },
  ],
  invalid: [
    {
      name: 'no overview, and problems of blanks only',
      patch: { '/overview': [], '/problems': ['  '] },
      diagnostics: [
        { messageId: 'empty', pointer: '/overview' },
        { messageId: 'empty', pointer: '/problems' },
      ],
    },
    {
      name: 'problems of a full-width blank only',
      base: 'example-2021',
      patch: { '/problems': ['\u3000'] },
      diagnostics: [{ messageId: 'empty', pointer: '/problems' }],
    },
  ],
});
