// The hidden marker that tells a workbook made by `report template` (edition, template version); shared by writer and reader.

/** Sheet that holds the marker; hidden in the template. */
export const markerSheet = '_report';
/** Text in A1 of the marker sheet. */
export const markerTag = 'report-template';
/** Bumped when the template's names or layout change in a way readers must know. */
export const templateVersion = 1;

/** The hint above each text section's rows; a reader that finds it knows it is ours, not the report's. */
export const paragraphHint = '每段写在一行（一个单元格），小标题也单独占一行；行不够时可插入行。';
