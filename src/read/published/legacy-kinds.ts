// The legacy document kinds read through LibreOffice, and their names in messages.

export type LegacyKind = 'doc' | 'wps' | 'rtf';

export const KIND_NAMES: Readonly<Record<LegacyKind, string>> = {
  doc: 'Word 97-2003 (.doc)',
  wps: 'WPS (.wps)',
  rtf: 'RTF (.rtf)',
};
