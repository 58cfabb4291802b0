// The model with its keys in the order of SPEC §3 and of the edition (the schema's order): what readers return and JSON output writes.
import type { Edition } from '../editions/types';
import type { Model } from '../model/pointer';
import { editionSchema } from './edition-schema';

type SchemaNode = { properties?: Record<string, SchemaNode>; $ref?: string };

// Readers order every report they read: build each edition's schema once (by the edition itself, not its id: a test
// may pass an edition of its own).
const schemas = new WeakMap<Edition, SchemaNode & { $defs: Record<string, SchemaNode> }>();

export function canonicalModel(model: Model, edition: Edition): Model {
  let schema = schemas.get(edition);
  if (!schema) {
    schema = editionSchema(edition) as SchemaNode & { $defs: Record<string, SchemaNode> };
    schemas.set(edition, schema);
  }
  const resolve = (node: SchemaNode) => (node.$ref ? (schema.$defs[node.$ref.replace('#/$defs/', '')] ?? node) : node);
  const order = (value: unknown, node: SchemaNode): unknown => {
    const properties = resolve(node).properties;
    if (!properties || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const source = value as Record<string, unknown>;
    const ordered: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(properties)) if (key in source) ordered[key] = order(source[key], child);
    // Keys outside the format (only in a forced build) go last, untouched.
    for (const key of Object.keys(source)) if (!(key in ordered)) ordered[key] = source[key];
    return ordered;
  };
  return order(model, schema) as Model;
}
