// The hidden marker that tells a workbook made by `report template` (edition, template version); shared by writer and reader.

/** Sheet that holds the marker; hidden in the template. */
export const markerSheet = '_report';
/** Text in A1 of the marker sheet. */
export const markerTag = 'report-template';
/** Bumped when the template's names or layout change in a way readers must know. */
export const templateVersion = 1;

/** The hint above each text section's rows; a reader that finds it knows it is ours, not the report's. */
export const paragraphHint = '每段写在一行（一个单元格），小标题也单独占一行；行不够时可插入行。';

/** The official template's placeholders for the text sections (2021: 六 is where 信息处理费 is reported). */
export const officialPlaceholders = ['（文字描述）', '（文字描述，收取信息处理费情况在此处报告。）'] as const;

/** The hint of a text sheet: the official placeholder, then how to fill. */
export function fillingHint(placeholder: (typeof officialPlaceholders)[number]): string {
  return `${placeholder}${paragraphHint}`;
}

/** Whether a line is a placeholder or our hint, not text of the report (a workbook read by its labels keeps them). */
export function isFillingHint(text: string): boolean {
  const line = text.trim();
  return line === paragraphHint || officialPlaceholders.some((p) => line === p || line === fillingHint(p));
}

/**
 * The sheet where a filer explains warnings (`explanations`): its name, its columns' headers, and the defined name of
 * its rows in the template. A workbook not made from the template is read by the sheet's name and the headers.
 */
export const explanationsSheet = '说明';
export const explanationsHeaders = ['规则', '位置', '说明'] as const;
export const explanationsName = 'explanations';

/** Whether a sheet's name is the explanations sheet's (blanks and full-width forms aside). */
export const isExplanationsSheet = (name: string): boolean =>
  name.normalize('NFKC').replace(/\s+/g, '') === explanationsSheet;
