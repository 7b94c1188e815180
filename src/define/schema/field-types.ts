import { z } from 'zod';

/** Elasticsearch mapping types a detection may declare for its own (non-ECS) fields. */
export const FIELD_TYPES = [
  'keyword',
  'constant_keyword',
  'wildcard',
  'text',
  'match_only_text',
  'ip',
  'long',
  'integer',
  'short',
  'byte',
  'unsigned_long',
  'double',
  'float',
  'half_float',
  'scaled_float',
  'date',
  'boolean',
  'object',
  'flattened',
  'nested',
  'geo_point',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

export const fieldTypeSchema = z.enum(FIELD_TYPES);
