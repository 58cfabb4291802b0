// N003: 2021 edition: where requests ended for unpaid fees (三（六）2 > 0), 六 says whether 信息处理费 was charged.
import { defineRule } from '../rule';

/** 三（六）2: requests dropped because a fee notice went unpaid. */
export const FEE_NOT_PAID = '/requests/results/other/overdueFee/total';

export const processingFeeStated = defineRule({
  id: 'N003',
  name: 'processing-fee-stated',
  severity: 'warning',
  editions: ['2021'],
  description: {
    zh: '2021 年版：三（六）2“逾期未按收费通知要求缴纳费用”大于 0 时，六应说明信息处理费的收取情况',
    en: '2021 edition: when 三 (六) 2 (fee not paid) is above 0, section 六 states whether processing fees were charged',
  },
  details: {
    zh: '2021 年版格式规定“收取信息处理费情况在此处报告”（六、其他需要报告的事项）。表三（六）2 有申请因申请人逾期未缴费而不再处理，说明本机关发出过收费通知，六就应写明收取信息处理费的情况（收取的件数、金额，或未收取）。',
    en: 'The 2021 format puts the processing fees charged in section 六 (其他需要报告的事项). When table 三 (六) 2 counts requests dropped because a fee notice went unpaid, fees were asked for, so section 六 should say what was charged (how many, how much, or nothing).',
  },
  messages: {
    notStated: {
      zh: '{label}（{at}）为 {actual}，但“六、其他需要报告的事项”没有说明信息处理费的收取情况',
      en: '{label} ({at}) is {actual}, but section 六 does not say whether processing fees were charged',
    },
  },
  check(context) {
    const unpaid = context.number(FEE_NOT_PAID);
    if (unpaid === undefined || unpaid === 0) return;
    const text = context.model.otherMatters;
    const paragraphs = Array.isArray(text) ? text.filter((p): p is string => typeof p === 'string') : [];
    if (paragraphs.some((paragraph) => /(?:信息)?处理费/.test(paragraph))) return;
    context.report({ messageId: 'notStated', pointer: FEE_NOT_PAID, actual: unpaid, related: ['/otherMatters'] });
  },
});
