// The hidden marker that tells a workbook made by `report template` (edition, template version); shared by writer and reader.

/** Sheet that holds the marker; hidden in the template. */
export const markerSheet = '_report';
/** Text in A1 of the marker sheet. */
export const markerTag = 'report-template';
/** Bumped when the template's names or layout change in a way readers must know. */
export const templateVersion = 1;
