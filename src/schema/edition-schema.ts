// Derives an edition's JSON Schema (draft 2020-12) from its definition; the committed schemas/ files are its output.
import { fieldsOf, metaLabels, type textSections } from '../editions/fields';
import type { Edition, ValueKind } from '../editions/types';

type JsonSchema = Record<string, unknown>;

/** Order of the model's top-level keys, fixed by SPEC §3. */
export const topLevelKeys = [
  'edition',
  'agency',
  'year',
  'overview',
  'proactive',
  'requests',
  'appeals',
  'problems',
  'otherMatters',
] as const;

const valueSchemas: Record<ValueKind, JsonSchema> = {
  count: { type: 'integer', minimum: 0 },
  signedCount: { type: 'integer' },
  amount: { type: 'number', minimum: 0, multipleOf: 0.0001 },
};

export const schemaId = (edition: Edition) => `https://report.invalid/schemas/report-${edition.id}.schema.json`;

export function editionSchema(edition: Edition): JsonSchema {
  const fields = fieldsOf(edition);
  // Nest the fields' keys into objects, keeping the definition's order.
  const tables: Record<string, JsonSchema> = {};
  for (const field of fields.numeric) {
    const keys = field.path.split('.');
    let node = tables;
    for (const key of keys.slice(0, -1)) {
      node[key] ??= {};
      node = node[key] as Record<string, JsonSchema>;
    }
    node[keys[keys.length - 1] as string] = {
      ...valueSchemas[field.kind],
      title: field.labels.map((l) => l.zh).join(' › '),
    };
  }
  const toObject = (tree: Record<string, JsonSchema>): JsonSchema => {
    const properties: Record<string, JsonSchema> = {};
    for (const [key, child] of Object.entries(tree)) {
      properties[key] = 'type' in child ? child : toObject(child as Record<string, JsonSchema>);
    }
    return {
      type: 'object',
      additionalProperties: false,
      required: Object.keys(properties),
      properties,
    };
  };
  const paragraphs = (key: (typeof textSections)[number]): JsonSchema => ({
    title: edition.sections[key].title.zh,
    type: 'array',
    items: { type: 'string' },
  });

  const properties: Record<(typeof topLevelKeys)[number], JsonSchema> = {
    edition: { title: metaLabels.edition.zh, const: edition.id },
    agency: { title: metaLabels.agency.zh, type: 'string', minLength: 1 },
    year: { title: metaLabels.year.zh, type: 'integer', minimum: 2008, maximum: 2100 },
    overview: paragraphs('overview'),
    proactive: {
      title: edition.sections.proactive.title.zh,
      ...toObject(tables.proactive as Record<string, JsonSchema>),
    },
    requests: { title: edition.sections.requests.title.zh, ...toObject(tables.requests as Record<string, JsonSchema>) },
    appeals: { title: edition.sections.appeals.title.zh, ...toObject(tables.appeals as Record<string, JsonSchema>) },
    problems: paragraphs('problems'),
    otherMatters: paragraphs('otherMatters'),
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaId(edition),
    title: `政府信息公开工作年度报告 ${edition.name.zh}`,
    description: `The report model of SPEC §3, ${edition.name.en}.`,
    type: 'object',
    additionalProperties: false,
    required: [...topLevelKeys],
    properties,
  };
}
