// N004: a 落款 (the agency and the date closing the report) that the text carries is the report's agency, dated after
// the statistics period.
import { isoDate } from '../../model/calendar-date';
import { defineRule } from '../rule';
import { dateIn, sameBody, textSignature } from '../signature-line';

export const signatureDate = defineRule({
  id: 'N004',
  name: 'signature-date',
  severity: 'warning',
  description: {
    zh: '正文末尾的落款（机关和日期）是本机关，日期在统计期限之后并已填写',
    en: 'A sign-off (落款: agency and date) closing the text names the report’s agency and is dated, after the statistics period',
  },
  details: {
    zh: '年度报告以落款结束：机关名称和成文日期，日期应在统计期限（报告年度 12 月 31 日）之后。报告模型没有落款这一项：report build 按机关名称和 --date（或配置中的 date）写出落款；导入已发布的报告时，最后一章末尾单独成行的机关名称和日期作为落款读出，不留在正文中。因此本规则只能检查正文中留下的落款——“六、其他需要报告的事项”（六为空时为“五”）最后三段中的日期行、“机关名称＋日期”行（导入时未认作落款），或填报人写进正文的落款：日期不晚于报告年度 12 月 31 日（多为沿用上年报告未改），日期留空（“年 月 日”），或落款机关与报告的机关不同（“某市政府”与“某市人民政府”视为相同，名称互相包含也视为相同）。报告有没有落款，从模型无法判断，不作检查。',
    en: 'A report ends with its sign-off: the agency’s name and the date, which should come after the statistics period (31 December of the report year). The model has no field for it: report build writes it from the agency and --date (or the config’s date), and the importer takes an agency line and a date line closing the last section off the text as the sign-off. So this rule can only check a sign-off left in the text — a date line, or an agency-and-date line the importer did not take as one, or one a filer typed into the text — among the last three paragraphs of section 六 (五 when 六 is empty): dated on or before 31 December of the report year (often last year’s report not updated), the date left blank (年 月 日), or another agency than the report’s (某市政府 and 某市人民政府 are one; a name that holds the other is the same). Whether a report has a sign-off at all cannot be told from the model and is not checked.',
  },
  messages: {
    dateInPeriod: {
      zh: '{label}：落款日期 {date} 不在统计期限（{year} 年 12 月 31 日）之后：“{text}”',
      en: '{label}: the sign-off is dated {date}, not after the statistics period (31 December {year}): "{text}"',
    },
    dateBlank: {
      zh: '{label}：落款日期没有填写：“{text}”',
      en: '{label}: the sign-off’s date is left blank: "{text}"',
    },
    agencyDiffers: {
      zh: '{label}：落款机关“{signed}”与报告的机关“{agency}”不同',
      en: '{label}: the sign-off names "{signed}", the report’s agency is "{agency}"',
    },
  },
  check(context) {
    const year = context.number('/year');
    const agency = typeof context.model.agency === 'string' ? context.model.agency : '';
    const signed = dateIn(context.model.signedOn);
    // The 落款 an import took off the text: its date only (the agency was the report's own).
    if (signed && year !== undefined && Number(signed.slice(0, 4)) <= year)
      context.report({ messageId: 'dateInPeriod', pointer: '/signedOn', params: { date: signed, year, text: signed } });
    const found = textSignature(context.model);
    if (!found) return;
    const { signature, pointer } = found;
    if (signature.agency && agency && !sameBody(signature.agency, agency))
      context.report({ messageId: 'agencyDiffers', pointer, params: { signed: signature.agency, agency } });
    const { date } = signature;
    if (!date) context.report({ messageId: 'dateBlank', pointer, params: { text: signature.text } });
    else if (year !== undefined && date.year <= year)
      context.report({
        messageId: 'dateInPeriod',
        pointer,
        params: {
          date: isoDate(date),
          year,
          text: signature.text,
        },
      });
  },
});
