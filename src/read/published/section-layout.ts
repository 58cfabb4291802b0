// The six sections as a reviewer checks them (issue 20, item 7): in the format's order, numbered 一 to 六 as it numbers
// them, and 一's sub-topics numbered （一）… under it, not 二、… as parts of their own. Notes only: the reading is
// unchanged (a section is found by its title, numeral included), so a note never moves a figure.
import type { SourceRef } from '../../diagnostics/diagnostic';
import { normaliseLabel } from '../../model/label-text';
import { topLevelKeys } from '../../schema/edition-schema';
import type { FlowItem, FlowParagraph } from './flow-document';
import type { SectionKey, Sections } from './flow-sections';
import { sectionHeadings } from './official-labels';

export interface LayoutNote {
  messageId: 'sectionNumbering' | 'sectionOrder' | 'subtopicAsSection';
  pointer: string;
  params: Record<string, string>;
  source?: SourceRef;
}

const NUMBERED = /^([一二三四五六七八九十])[、.,，．]\s*(.{2,60})$/;
/** The five areas 一 reports (the 2021 format), as reports head them. */
const SUBTOPIC = /^(主动公开|依申请公开|政府信息管理|政府信息公开平台建设|平台建设|监督保障)/;
/** The six parts in the model's order (SPEC §3), which is the format's. */
const ORDER = topLevelKeys.filter(
  (key): key is Exclude<SectionKey, 'preamble'> => key !== 'edition' && key !== 'agency' && key !== 'year',
);
const NUMERALS = ['一', '二', '三', '四', '五', '六'];

/** Each section's title without its numeral, in every spelling, with the numeral the format gives it. */
const TITLES: readonly { key: Exclude<SectionKey, 'preamble'>; numeral: string; body: string }[] =
  sectionHeadings.flatMap(([key, spellings]) =>
    spellings.map((spelling) => ({
      key,
      numeral: NUMERALS[ORDER.indexOf(key)] as string,
      body: spelling.replace(/^[一二三四五六]、/, ''),
    })),
  );

/** What a reviewer would note on the sections' order and numbering; nothing for a report laid out as the format is. */
export function sectionLayoutNotes(items: readonly FlowItem[], sections: Sections): LayoutNote[] {
  const notes: LayoutNote[] = [];
  const paragraphs = items.filter((item): item is FlowParagraph => item.kind === 'paragraph');
  for (const paragraph of paragraphs) {
    const numbered = NUMBERED.exec(normaliseLabel(paragraph.text));
    if (!numbered) continue;
    const [, numeral, body] = numbered as unknown as [string, string, string];
    const title = TITLES.find((candidate) => body === candidate.body || body.startsWith(candidate.body));
    if (title && title.numeral !== numeral)
      notes.push({
        messageId: 'sectionNumbering',
        pointer: `/${title.key}`,
        params: { line: paragraph.text.trim(), numeral: title.numeral },
        source: paragraph.source,
      });
  }
  const found = [...sections.items.keys()].filter((key): key is Exclude<SectionKey, 'preamble'> => key !== 'preamble');
  const inOrder = found.every(
    (key, index) => index === 0 || ORDER.indexOf(key) > ORDER.indexOf(found[index - 1] ?? key),
  );
  if (!inOrder)
    notes.push({
      messageId: 'sectionOrder',
      pointer: '',
      params: { order: found.map((key) => NUMERALS[ORDER.indexOf(key)]).join('、') },
    });
  for (const item of sections.items.get('overview') ?? []) {
    if (item.kind !== 'paragraph') continue;
    const numbered = NUMBERED.exec(normaliseLabel(item.text));
    if (numbered && numbered[1] !== '一' && SUBTOPIC.test(numbered[2] ?? ''))
      notes.push({
        messageId: 'subtopicAsSection',
        pointer: '/overview',
        params: { line: item.text.trim(), numeral: numbered[1] as string },
        source: item.source,
      });
  }
  return notes;
}
