// Checks a model against its edition's JSON Schema (the only ajv import) and turns ajv's errors into findings.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import type { Finding } from '../diagnostics/diagnostic';
import { editions, getEdition, isEditionId } from '../editions';
import { fieldsOf } from '../editions/fields';
import type { Edition } from '../editions/types';
import { editionSchema } from '../schema/edition-schema';
import { type Model, valueAt } from './rule';

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

function validatorFor(edition: Edition): ValidateFunction {
  let validate = compiled.get(edition.id);
  if (!validate) {
    // multipleOfPrecision: 52.15 / 0.0001 is not an exact integer in binary floating point.
    ajv ??= new Ajv2020({ allErrors: true, strict: true, multipleOfPrecision: 6 });
    validate = ajv.compile(editionSchema(edition));
    compiled.set(edition.id, validate);
  }
  return validate;
}

export interface SchemaOutcome {
  /** The edition the rest of the checks should use; absent when it cannot be told. */
  edition?: Edition;
  findings: Finding[];
}

const finding = (messageId: string, pointer: string, extra: Partial<Finding> = {}): Finding => ({
  ruleId: 'schema',
  messageId,
  pointer,
  ...extra,
});

/** Checks the edition first (one message for a wrong or unknown edition), then the whole schema. */
export function checkSchema(model: Model): SchemaOutcome {
  const declared = model.edition;
  if (!isEditionId(declared)) {
    return { findings: [finding('unknownEdition', '/edition', { actual: describe(declared) })] };
  }
  const edition = getEdition(declared);
  const detected = detectEdition(model);
  if (detected && detected.id !== edition.id) {
    return {
      findings: [finding('editionMismatch', '/edition', { params: { declared: edition.id, detected: detected.id } })],
    };
  }
  const validate = validatorFor(edition);
  if (validate(model)) return { edition, findings: [] };
  const byPointer = new Map<string, Finding>();
  for (const error of validate.errors ?? []) {
    const mapped = mapError(error, model, edition);
    // One message per cell: ajv may report type and range of the same value.
    if (!byPointer.has(mapped.pointer)) byPointer.set(mapped.pointer, mapped);
  }
  return { edition, findings: collapseBlankTables([...byPointer.values()], edition, model) };
}

/** A table without a single figure is one mistake, not a message per cell or row. */
function collapseBlankTables(findings: Finding[], edition: Edition, model: Model): Finding[] {
  let result = findings;
  for (const section of ['proactive', 'requests', 'appeals'] as const) {
    const fields = fieldsOf(edition).numeric.filter((field) => field.section === section);
    if (fields.some((field) => valueAt(model, field.pointer) !== undefined)) continue;
    const inSection = (f: Finding) =>
      (f.messageId === 'blank' || f.messageId === 'missing') &&
      (f.pointer === `/${section}` || f.pointer.startsWith(`/${section}/`));
    if (!result.some(inSection)) continue;
    result = [
      ...result.filter((f) => !inSection(f)),
      finding('tableBlank', `/${section}`, { params: { cells: fields.length } }),
    ];
  }
  return result;
}

/** The edition whose table cells the model holds clearly more of; undefined when no edition stands out. */
function detectEdition(model: Model): Edition | undefined {
  const scored = editions.map((edition) => {
    const pointers = fieldsOf(edition).numeric.map((field) => field.pointer);
    const present = pointers.filter((pointer) => valueAt(model, pointer) !== undefined).length;
    return { edition, share: present / pointers.length };
  });
  scored.sort((a, b) => b.share - a.share);
  const [best, second] = scored;
  if (!best || !second || best.share - second.share < 0.02) return undefined;
  return best.edition;
}

function mapError(error: ErrorObject, model: Model, edition: Edition): Finding {
  const fields = fieldsOf(edition);
  const pointer = error.instancePath || '/';
  const value = valueAt(model, pointer);
  switch (error.keyword) {
    case 'required': {
      const child = `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}`;
      return fields.byPointer.has(child) ? finding('blank', child) : finding('missing', child);
    }
    case 'additionalProperties': {
      const child = `${error.instancePath}/${(error.params as { additionalProperty: string }).additionalProperty}`;
      return finding('unknownProperty', child, { params: { edition: edition.id } });
    }
    case 'type': {
      const field = fields.byPointer.get(pointer);
      if (field && typeof value === 'number') return finding('notInteger', pointer, { actual: value });
      if (field) return finding('notNumber', pointer, { actual: describe(value) });
      return finding('wrongType', pointer, { params: { expectedType: String(error.params.type) } });
    }
    case 'minimum':
    case 'maximum':
      if (pointer === '/year') return finding('yearRange', pointer, { actual: describe(value) });
      return finding('negative', pointer, { actual: describe(value) });
    case 'multipleOf':
      return finding('tooManyDecimals', pointer, { actual: describe(value) });
    case 'minLength':
      return finding('emptyText', pointer);
    case 'const':
      return finding('unknownEdition', pointer, { actual: describe(value) });
    default:
      return finding('invalid', pointer, { params: { detail: error.message ?? error.keyword } });
  }
}

function describe(value: unknown): string | number {
  if (typeof value === 'number') return value;
  return value === undefined ? '—' : JSON.stringify(value);
}
