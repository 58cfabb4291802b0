// Whether a report is a people's government's (县级以上地方人民政府 publish by 3月31日 and report 考核、评议、追究 —
// 条例第四十九、五十条) or a department's (by 1月31日), as its agency's name tells, unless the config says.
import { normaliseLabel } from './label-text';

export type BodyKind = 'government' | 'department';

/**
 * 某市人民政府 and 某县政府 are governments; 某市人民政府办公室, 某市商务局, 某街道办事处 are departments: the name ends
 * in the government only when the government itself reports. A 乡镇人民政府 counts as a government too (第五十条 speaks
 * of 各级人民政府; its deadline is set locally — the config's bodyKind says otherwise where it is 1月31日).
 */
export function bodyKindOf(agency: string): BodyKind {
  const name = normaliseLabel(agency).replace(/[()（）]/g, '');
  return /(?:人民)?政府$/.test(name) ? 'government' : 'department';
}
