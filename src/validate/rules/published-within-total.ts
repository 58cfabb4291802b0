// R201: 2019 edition, 第二十条第（一）项: what was newly published this year cannot exceed what is published in all.
import { defineRule } from '../rule';

const documentRows = ['rules', 'normativeDocs'] as const;

export const publishedWithinTotal = defineRule({
  id: 'R201',
  name: 'published-within-total',
  severity: 'warning',
  editions: ['2019'],
  description: {
    zh: '2019 年版第二十条第（一）项：本年新公开数量不超过对外公开总数量',
    en: '2019 edition, item (一): newly published this year ≤ published in total',
  },
  details: {
    zh: '2019 年版“第二十条第（一）项”表中，规章和规范性文件的“对外公开总数量”包含本年新公开的件数，所以“本年新公开数量”不会大于它。大于时通常是两栏填反，或总数量只填了往年的部分。',
    en: 'In the 2019 edition’s table of item (一), the total published includes what was newly published this year, so the newly published count cannot exceed it. When it does, the two columns were usually swapped, or the total left out this year.',
  },
  messages: {
    exceedsTotal: {
      zh: '{label}（{at}）为 {actual}，超过对外公开总数量 {expected}',
      en: '{label} ({at}) is {actual}, more than the {expected} published in total',
    },
  },
  check(context) {
    for (const row of documentRows) {
      const pointer = `/proactive/${row}/newlyPublished`;
      const published = context.number(pointer);
      const total = context.number(`/proactive/${row}/totalPublished`);
      if (published === undefined || total === undefined || published <= total) continue;
      context.report({
        messageId: 'exceedsTotal',
        pointer,
        expected: total,
        actual: published,
        related: [`/proactive/${row}/totalPublished`],
      });
    }
  },
});
