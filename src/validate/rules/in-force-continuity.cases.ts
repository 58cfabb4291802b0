import { defineCases, lastYearOf2021Example, lastYearOf2021ExampleIn2019Edition } from '../rule-cases';
import { inForceContinuity } from './in-force-continuity';

export const cases = defineCases(inForceContinuity, {
  base: 'example-2021',
  valid: [
    { name: 'last year 25 in force, 3 issued, 1 repealed: 27', previous: { patch: lastYearOf2021Example } },
    {
      name: 'rules: last year 2 in force, both repealed',
      patch: { '/proactive/rules': { issued: 0, repealed: 2, inForce: 0 } },
      previous: { patch: { ...lastYearOf2021Example, '/proactive/rules/inForce': 2 } },
    },
    { name: 'last year in the 2019 edition: not compared', previous: lastYearOf2021ExampleIn2019Edition },
  ],
  invalid: [
    {
      name: 'normative documents: last year 30 in force',
      previous: { patch: { ...lastYearOf2021Example, '/proactive/normativeDocs/inForce': 30 } },
      diagnostics: [
        {
          messageId: 'mismatch',
          pointer: '/proactive/normativeDocs/inForce',
          expected: 32,
          actual: 27,
          params: { previousInForce: 30, issued: 3, repealed: 1 },
        },
      ],
    },
    {
      name: 'rules: last year 5 in force, none this year and none repealed',
      previous: { patch: { ...lastYearOf2021Example, '/proactive/rules/inForce': 5 } },
      diagnostics: [
        {
          messageId: 'mismatch',
          pointer: '/proactive/rules/inForce',
          expected: 5,
          actual: 0,
          params: { previousInForce: 5, issued: 0, repealed: 0 },
        },
      ],
    },
  ],
});
