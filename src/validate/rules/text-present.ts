// R102: the free-text sections 一 and 五 are not empty.
import { defineRule } from '../rule';

const requiredSections = ['overview', 'problems'] as const;

export const textPresent = defineRule({
  id: 'R102',
  name: 'text-present',
  severity: 'error',
  description: {
    zh: '“一、总体情况”和“五、存在的主要问题及改进情况”不能为空',
    en: 'Sections 一 (overview) and 五 (problems and improvements) are not empty',
  },
  details: {
    zh: '年度报告必须写明总体情况（2021年版要求涵盖主动公开、依申请公开、政府信息管理、平台建设、监督保障）和存在的主要问题及改进情况。只有空白或空格的段落视为空。“六、其他需要报告的事项”可以写“无”。',
    en: 'A report must describe the overall situation (the 2021 edition lists what it covers) and its main problems and improvements. Paragraphs of only blanks count as empty. Section 六 may say 无 (none).',
  },
  messages: {
    empty: { zh: '{label}不能为空', en: '{label} must not be empty' },
  },
  check(context) {
    for (const section of requiredSections) {
      const paragraphs = context.model[section];
      if (!Array.isArray(paragraphs)) continue; // the schema reports a missing section
      if (!paragraphs.some((paragraph) => typeof paragraph === 'string' && paragraph.trim() !== '')) {
        context.report({ messageId: 'empty', pointer: `/${section}` });
      }
    }
  },
});
