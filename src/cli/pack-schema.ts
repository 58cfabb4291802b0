// The JSON Schema of a rule pack (schemas/pack.schema.json, written by `npm run generate`): made from the rule catalog
// and the pack reader's own bounds, so that an editor's checks and `--pack`'s agree. The reader (pack.ts) is the
// authority; the schema is for writing a pack.
import { SCORED_COUNTS } from '../convert/input-record';
import { defaultThresholds } from '../validate/rule';
import { findRule, ruleCatalog } from '../validate/rules';
import { DEFAULT_MINIMUM_BODIES, MAX_POINTS, PACK_NAME } from './pack';

type JsonSchema = Record<string, unknown>;

export const PACK_SCHEMA_ID = 'https://report.invalid/schemas/pack.schema.json';

const words = (required: readonly string[], properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: [...required],
  properties,
});
const text: JsonSchema = { type: 'string', pattern: '\\S' };
const bilingual = words(['zh', 'en'], { zh: text, en: text });

/** A rule by id or by name, as the config takes it. */
const ruleKeys = (rules = ruleCatalog) => rules.flatMap((rule) => [rule.id, rule.name]);
const keyOf = (id: string) => {
  const rule = findRule(id);
  return rule ? [rule.id, rule.name] : [id];
};

export function packSchema(): JsonSchema {
  const points: JsonSchema = { type: 'number', exclusiveMinimum: 0, maximum: MAX_POINTS };
  const deduction: JsonSchema = {
    description: 'Points off each time; `max`: at most this much in all for one report.',
    oneOf: [points, words(['points'], { points, max: points })],
  };
  const thresholds: Record<string, JsonSchema> = {};
  const jump = words([], {
    factor: { type: 'number', exclusiveMinimum: 1, default: defaultThresholds.jump.factor },
    minimum: { type: 'number', minimum: 0, default: defaultThresholds.jump.minimum },
  });
  const copied = words([], {
    share: { type: 'number', exclusiveMinimum: 0, maximum: 1, default: defaultThresholds.copied.share },
  });
  for (const key of keyOf('Q101')) thresholds[key] = jump;
  for (const key of keyOf('X100')) thresholds[key] = copied;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: PACK_SCHEMA_ID,
    title: 'report rule pack · 规则包',
    description:
      'Rules, severities and thresholds (as report.config.json sets them), and how a batch is scored: docs/packs.md. The config, when there is one, is laid over the pack.',
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
      $schema: { type: 'string' },
      name: { type: 'string', pattern: PACK_NAME.source },
      title: bilingual,
      source: words(['citation'], {
        citation: text,
        url: { type: 'string', pattern: '^https?://\\S+$' },
        note: bilingual,
      }),
      rules: {
        type: 'object',
        propertyNames: { enum: ruleKeys() },
        additionalProperties: { enum: ['off', 'warning', 'error'] },
        properties: { schema: { const: 'error' }, input: { const: 'error' } },
      },
      thresholds: { type: 'object', additionalProperties: false, properties: thresholds },
      scoring: words([], {
        base: { ...points, default: 100 },
        perFinding: { type: 'object', propertyNames: { enum: ruleKeys() }, additionalProperties: deduction },
        perCount: {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(SCORED_COUNTS.map((count) => [count, deduction])),
        },
        minimumBodies: { type: 'integer', minimum: 1, maximum: 100_000, default: DEFAULT_MINIMUM_BODIES },
      }),
    },
  };
}
