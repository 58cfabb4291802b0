// E001 `explanation`: the filer's explanations of warnings (the 说明 sheet, `explanations` in the JSON) that do not do
// what they say. Matched by ../explanations.ts after every other check; a warning it matches is shown explained.
import { MAX_EXPLANATION_LENGTH, MAX_EXPLANATIONS } from '../../schema/limits';
import { defineRule } from '../rule';

export const explanationRule = defineRule({
  id: 'E001',
  name: 'explanation',
  severity: 'warning',
  description: {
    zh: '说明表（explanations）中的每条说明都对应一个警告；错误不能以说明代替改正',
    en: 'Each explanation (the 说明 sheet, `explanations`) answers a warning; an error cannot be explained away',
  },
  details: {
    zh: `填报人可以在模板的“说明”工作表（JSON 中为 explanations）中逐条说明某个警告为何成立：规则写编号或名称（如 Q101），位置照 report validate 所列的写（如 三、收到和处理政府信息公开申请情况!D5、D5、/requests/newReceived/total，或文字部分的 一 至 六）。对上的警告显示为“已说明”并附上说明，不计入警告数和 --max-warnings。说明只对警告有效：针对错误的说明不起作用，并提示错误须改正；对不上任何警告的说明（规则或位置写错，或问题已改正）也给出提示，请核对或删去。最多 ${MAX_EXPLANATIONS} 条，每条不超过 ${MAX_EXPLANATION_LENGTH} 字。`,
    en: `A filer may say why a warning stands, one line each in the template's 说明 sheet (explanations in the JSON): the rule by id or name (Q101), the place as report validate names it (三、收到和处理政府信息公开申请情况!D5, D5, /requests/newReceived/total, or a text section 一 to 六). A warning matched is shown explained, with the filer's words, and is not counted in the warnings nor by --max-warnings. Only warnings can be explained: an explanation aimed at an error does nothing but say that errors are to be corrected; one that matches no warning (a slip in rule or place, or the problem since corrected) is said too, to check or remove. At most ${MAX_EXPLANATIONS} explanations of up to ${MAX_EXPLANATION_LENGTH} characters each.`,
  },
  messages: {
    unused: {
      zh: '{label}（{at}）：规则 {rule} 在“{place}”没有警告，这条说明未用上：请照 report validate 所列核对规则和位置，或删去',
      en: '{label} ({at}): rule {rule} has no warning at "{place}", so this explanation answers nothing: check the rule and place against what report validate lists, or remove it',
    },
    explainsError: {
      zh: '{label}（{at}）：{rule} 在“{place}”是错误，不是警告：错误须改正，不能以说明代替',
      en: '{label} ({at}): {rule} at "{place}" is an error, not a warning: an error is to be corrected, not explained',
    },
    unknownRule: {
      zh: '{label}（{at}）：没有“{rule}”这条规则（report rules 列出全部规则，编号或名称均可）',
      en: '{label} ({at}): there is no rule "{rule}" (report rules lists them, by id or name)',
    },
  },
});
