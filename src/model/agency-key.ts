// Which reports are of the same body, however its name is written: the key convert and diff group years by.
import { normaliseLabel } from './label-text';

/** 某市 人民政府 ≈ 某市政府, full-width ≈ half-width. */
export function agencyKey(agency: string): string {
  return normaliseLabel(agency)
    .replace(/人民政府/g, '政府')
    .replace(/[()]/g, '');
}
