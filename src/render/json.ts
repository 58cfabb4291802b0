// The JSON output: the canonical model, two-space indent.
import type { Edition } from '../editions/types';
import type { Model } from '../model/pointer';
import { canonicalModel } from '../schema/canonical-model';

export function renderJson(model: Model, edition: Edition): string {
  return `${JSON.stringify(canonicalModel(model, edition), null, 2)}\n`;
}
