// Derives an edition's JSON Schema (draft 2020-12) from its definition; the committed schemas/ files are its output.
import { explanationsLabel, metaLabels } from '../editions/fields';
import { type GridColumn, type GridRow, tableGrids } from '../editions/table-grid';
import type { Edition, TextSectionKey, ValueKind } from '../editions/types';
import {
  MAX_AGENCY_LENGTH,
  MAX_AMOUNT,
  MAX_COUNT,
  MAX_EXPLANATION_KEY_LENGTH,
  MAX_EXPLANATION_LENGTH,
  MAX_EXPLANATIONS,
  MAX_PARAGRAPH_LENGTH,
  MAX_PARAGRAPHS,
  valueRange,
} from './limits';

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

/**
 * Keys a report may carry beyond SPEC §3, after its own (docs/spec-additions.md): the 落款's date and the date the
 * report was published, which an import reads from the page (N004, N008); the filer's explanations of warnings.
 */
export const optionalTopLevelKeys = ['signedOn', 'publishedOn', 'explanations'] as const;

/** A calendar date as YYYY-MM-DD. */
const dateSchema = (title: string): JsonSchema => ({
  title,
  type: 'string',
  pattern: '^(19|20)\\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
});

// The bounds (./limits.ts) keep every figure an exact integer of a double, far from 2^53.
const valueSchemas: Record<ValueKind, JsonSchema> = {
  count: { type: 'integer', ...valueRange.count },
  signedCount: { type: 'integer', ...valueRange.signedCount },
  amount: { type: 'number', ...valueRange.amount, multipleOf: 0.0001 },
};

export const schemaId = (edition: Edition) => `https://report.invalid/schemas/report-${edition.id}.schema.json`;

const objectOf = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
});

const columnsObject = (columns: readonly GridColumn[]): JsonSchema =>
  objectOf(
    Object.fromEntries(columns.map((column) => [column.key, { ...valueSchemas[column.kind], title: column.label.zh }])),
  );

/**
 * A table's records (editions/table-grid.ts) as nested objects by their keys: a group of 三 titled by its own label,
 * a record by the labels left of its key's level joined (二's item › row, 四's 行政诉讼 › 未经复议直接起诉), its
 * figures as `figures` gives them.
 */
function recordsObject(
  records: readonly GridRow[],
  figures: (record: GridRow) => JsonSchema,
  depth = 0,
): Record<string, JsonSchema> {
  const byKey = new Map<string, GridRow[]>();
  for (const record of records) {
    const key = record.keys[depth] as string;
    const group = byKey.get(key);
    if (group) group.push(record);
    else byKey.set(key, [record]);
  }
  return Object.fromEntries(
    [...byKey].map(([key, group]) => {
      const first = group[0] as GridRow;
      const chain = [...(first.item ? [first.item] : []), ...first.labels].map((label) => label.zh);
      if (first.keys.length === depth + 1) return [key, { title: chain.slice(depth).join(' › '), ...figures(first) }];
      // Labels above the keys' levels (二's item, 四's 行政诉讼) belong to a record's title, not to a group's.
      const above = chain.length - first.keys.length;
      return [key, { title: chain[above + depth], ...objectOf(recordsObject(group, figures, depth + 1)) }];
    }),
  );
}

export function editionSchema(edition: Edition): JsonSchema {
  const grids = tableGrids(edition);
  const proactive = recordsObject(grids.proactive.records, (record) => columnsObject(record.columns));
  // A row of 三 is SPEC's `Cols`; a group of 四 its `Outcome`: defined once, referred to by every row.
  const requests = recordsObject(grids.requests.records, () => ({ $ref: '#/$defs/Cols' }));
  const appeals = recordsObject(grids.appeals.records, () => ({ $ref: '#/$defs/Outcome' }));
  const paragraphs = (key: TextSectionKey): JsonSchema => ({
    title: edition.sections[key].title.zh,
    type: 'array',
    maxItems: MAX_PARAGRAPHS,
    items: { type: 'string', maxLength: MAX_PARAGRAPH_LENGTH },
  });

  const properties: Record<(typeof topLevelKeys)[number] | (typeof optionalTopLevelKeys)[number], JsonSchema> = {
    edition: { title: metaLabels.edition.zh, const: edition.id },
    agency: { title: metaLabels.agency.zh, type: 'string', minLength: 1, maxLength: MAX_AGENCY_LENGTH },
    year: { title: metaLabels.year.zh, type: 'integer', minimum: 2008, maximum: 2100 },
    overview: paragraphs('overview'),
    proactive: { title: edition.sections.proactive.title.zh, ...objectOf(proactive) },
    requests: { title: edition.sections.requests.title.zh, ...objectOf(requests) },
    appeals: { title: edition.sections.appeals.title.zh, ...objectOf(appeals) },
    problems: paragraphs('problems'),
    otherMatters: paragraphs('otherMatters'),
    signedOn: dateSchema(metaLabels.signedOn.zh),
    publishedOn: dateSchema(metaLabels.publishedOn.zh),
    explanations: {
      title: explanationsLabel.zh,
      description:
        'The filer explains a warning: `rule` its id or name, `at` its place as validate names it (sheet!cell, a cell, the JSON pointer, or a section 一…六), `text` why it stands. A warning so explained is shown explained and not counted; an error cannot be explained.',
      type: 'array',
      maxItems: MAX_EXPLANATIONS,
      items: objectOf({
        rule: { title: '规则', type: 'string', minLength: 1, maxLength: MAX_EXPLANATION_KEY_LENGTH },
        at: { title: '位置', type: 'string', minLength: 1, maxLength: MAX_EXPLANATION_KEY_LENGTH },
        text: { title: '说明', type: 'string', minLength: 1, maxLength: MAX_EXPLANATION_LENGTH },
      }),
    },
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaId(edition),
    title: `政府信息公开工作年度报告 ${edition.name.zh}`,
    description: `The report model of SPEC §3, ${edition.name.en}. Bounds beyond any real report: counts 0 to ${MAX_COUNT} (本年增/减 within ±${MAX_COUNT}), amounts 0 to ${MAX_AMOUNT} 万元, the agency up to ${MAX_AGENCY_LENGTH} characters, up to ${MAX_PARAGRAPHS} paragraphs a text section of up to ${MAX_PARAGRAPH_LENGTH} characters each.`,
    type: 'object',
    additionalProperties: false,
    required: [...topLevelKeys],
    properties,
    $defs: {
      Cols: { title: '申请人情况', ...columnsObject(grids.requests.records[0]?.columns ?? []) },
      Outcome: { title: '行政复议、行政诉讼结果', ...columnsObject(grids.appeals.records[0]?.columns ?? []) },
    },
  };
}
