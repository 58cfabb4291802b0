// N008: published on time (条例第四十九条): a department's report by 1月31日 and a people's government's by 3月31日 of
// the year after. The date is the one given (--published), else the page's (publishedOn: its PubDate or 发布日期),
// else the 落款's (signedOn, or a 落款 left in the text) — a report signed after the deadline was published after it.
import type { BodyKind } from '../../model/body-kind';
import { isoDate } from '../../model/calendar-date';
import { defineRule, type Model } from '../rule';
import { dateIn, textSignature } from '../signature-line';

const DEADLINE: Readonly<Record<BodyKind, { month: string; zh: string; en: string }>> = {
  department: {
    month: '01-31',
    zh: '政府部门的年度报告应在次年 1 月 31 日前公布',
    en: 'a department publishes by 31 January',
  },
  government: {
    month: '03-31',
    zh: '人民政府的年度报告应在次年 3 月 31 日前公布',
    en: 'a people’s government publishes by 31 March',
  },
};

const SOURCES = {
  given: { zh: '--published 给出的发布日期', en: 'the date given with --published' },
  page: { zh: '网页标注的发布日期', en: 'the date the page gives' },
  signed: { zh: '落款日期，发布不会更早', en: 'the date signed; it was not published earlier' },
} as const;

export const publishedOnTime = defineRule({
  id: 'N008',
  name: 'published-on-time',
  severity: 'warning',
  description: {
    zh: '按期公布：政府部门在次年 1 月 31 日前，县级以上人民政府在次年 3 月 31 日前（条例第四十九条）',
    en: 'Published on time: a department by 31 January, a people’s government by 31 March of the next year (Regulations, Article 49)',
  },
  details: {
    zh: '条例第四十九条：各级人民政府部门应当在每年 1 月 31 日前向社会公布本行政机关上一年度的年度报告，县级以上地方人民政府应当在每年 3 月 31 日前公布本级政府上一年度的年度报告。考核细则多对逾期公布扣分（如宿迁市部门考核细则扣 0.5 分）。发布日期依次取：命令行 --published 2026-01-20；报告的 publishedOn（导入网页时读自 <meta name="PubDate"> 或正文前“发布日期：”“发布时间：”一行）；没有发布日期时取落款日期（signedOn，导入时从落款读出，或正文末尾留下的落款）——落款晚于期限，发布只会更晚；落款在期限之内则无从判断，不作检查。消息说明用的是哪一个日期。是否人民政府按机关名称判断（见 N009），也可在配置中写 "bodyKind"。发布日期早于统计期限结束（报告年度 12 月 31 日之前）时也给出警告：多为日期或年度写错。',
    en: 'Article 49 of the Regulations: departments publish last year’s report by 31 January, people’s governments at county level and above by 31 March. Assessment rules deduct for a late one (the 宿迁 department rules: 0.5 points). The date used, in order: --published 2026-01-20 on the command line; the report’s publishedOn (an imported page’s <meta name="PubDate">, or a 发布日期： / 发布时间： line above the text); else the date signed (signedOn, read from the 落款 on import, or a 落款 left in the text) — signed after the deadline, it was published after it too; signed before, nothing can be told and nothing is said. The message says which date it used. A government’s report is told by the agency’s name (see N009) or the config’s "bodyKind". A publication date before the statistics period ended (31 December of the report year) is warned of too: usually a wrong date or year.',
  },
  messages: {
    late: {
      zh: '{date}（{source}）晚于 {deadline}：{rule}（条例第四十九条）',
      en: '{date} ({source}) is after {deadline}: {rule} (Regulations, Article 49)',
    },
    beforePeriodEnd: {
      zh: '发布日期 {date}（{source}）在统计期限结束（{year} 年 12 月 31 日）之前，日期或报告年度可能有误',
      en: 'published {date} ({source}), before the statistics period ended (31 December {year}): the date or the report year may be wrong',
    },
  },
  check(context) {
    const year = context.number('/year');
    if (year === undefined) return;
    const used = publicationDate(context.published, context.model);
    if (!used) return;
    const source = SOURCES[used.source];
    const deadline = DEADLINE[context.bodyKind];
    const due = `${year + 1}-${deadline.month}`;
    if (used.date > due) {
      context.report({
        messageId: 'late',
        pointer: used.pointer,
        params: { date: used.date, source: source.zh, deadline: due, rule: deadline.zh },
        texts: { source, rule: deadline },
      });
    } else if (used.source !== 'signed' && used.date <= `${year}-12-31`) {
      // A 落款 in the period is N004's.
      context.report({
        messageId: 'beforePeriodEnd',
        pointer: used.pointer,
        params: { date: used.date, source: source.zh, year },
        texts: { source },
      });
    }
  },
});

/** The first date there is, in the order the rule trusts them, with where it stands in the report. */
function publicationDate(
  published: string | undefined,
  model: Model,
): { date: string; source: keyof typeof SOURCES; pointer: string } | undefined {
  const given = dateIn(published);
  if (given) return { date: given, source: 'given', pointer: '' };
  const page = dateIn(model.publishedOn);
  if (page) return { date: page, source: 'page', pointer: '/publishedOn' };
  const signed = dateIn(model.signedOn);
  if (signed) return { date: signed, source: 'signed', pointer: '/signedOn' };
  const left = textSignature(model);
  const date = left?.signature.date;
  return left && date ? { date: isoDate(date), source: 'signed', pointer: left.pointer } : undefined;
}
