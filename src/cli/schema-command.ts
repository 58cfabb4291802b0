// `report schema [--edition E]`: prints the JSON Schema of an edition (the same text as schemas/report-E.schema.json).

import type { Lang } from '../diagnostics/diagnostic';
import { defaultEditionId, editions, getEdition, isEditionId } from '../editions';
import { editionSchema } from '../schema/edition-schema';
import { UsageError } from './cli-messages';
import { reportFailure } from './report-failure';
import { type CommonOptions, resolveCommon } from './shared-options';

export async function runSchema(flags: CommonOptions & { edition?: string }): Promise<number> {
  let lang: Lang = 'zh';
  try {
    const common = resolveCommon(flags);
    lang = common.lang;
    const id = flags.edition ?? common.config.edition ?? defaultEditionId;
    if (!isEditionId(id))
      throw new UsageError('badEdition', { choices: editions.map((e) => e.id).join(' | '), value: id });
    process.stdout.write(`${JSON.stringify(editionSchema(getEdition(id)), null, 2)}\n`);
    return 0;
  } catch (error) {
    return reportFailure(error, lang, flags.debug === true);
  }
}
