import { toRfc3339 } from './incident-body.js';

/**
 * The XSOAR incident field types a custom field of a definition may be declared as
 * (`xsoar.customFieldTypes`), spelled as XSOAR spells them (the `type` of an incident field in a
 * content pack and in `GET /incidentfields`), and how the runtime turns a rendered template into
 * the value it sends for each. The one place that knows this: the schema, the compiler, the
 * runtime, the generated XSOAR content and `xsoar diff` all read it from here.
 *
 * Only types a single rendered template can fill are offered: select, multi-select, grid,
 * attachment, user, role and timer fields take values a template cannot give.
 */
export const CUSTOM_FIELD_VALUE_KINDS = {
  shortText: 'text',
  longText: 'text',
  markdown: 'text',
  html: 'text',
  url: 'text',
  number: 'number',
  date: 'date',
  boolean: 'boolean',
} as const;

export type CustomFieldType = keyof typeof CUSTOM_FIELD_VALUE_KINDS;

export const CUSTOM_FIELD_TYPES = Object.keys(CUSTOM_FIELD_VALUE_KINDS) as CustomFieldType[];

/** A custom field without a declared type is short text: what a rendered template is. */
export const DEFAULT_CUSTOM_FIELD_TYPE: CustomFieldType = 'shortText';

export function isCustomFieldType(name: string): name is CustomFieldType {
  return Object.hasOwn(CUSTOM_FIELD_VALUE_KINDS, name);
}

/** A value XSOAR stores in a custom field of one of these types. */
export type CustomFieldValue = string | number | boolean;

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The value sent for a rendered template, or `undefined` when the text is not a value of the
 * field's type (a missing field, a word in a number field): the field is then left out rather
 * than have XSOAR refuse the whole incident. The text is still in `rawJSON`.
 * Numbers are decimal text; dates are RFC 3339 text (a naive one is UTC) or epoch seconds or
 * milliseconds; booleans are `true` or `false` in any case.
 */
export function customFieldValue(type: CustomFieldType, text: string): CustomFieldValue | undefined {
  const trimmed = text.trim();
  switch (CUSTOM_FIELD_VALUE_KINDS[type]) {
    case 'text':
      return text;
    case 'number': {
      if (!DECIMAL.test(trimmed)) return undefined;
      const n = Number(trimmed);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'date':
      return toRfc3339(/^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed);
    case 'boolean': {
      const lower = trimmed.toLowerCase();
      return lower === 'true' ? true : lower === 'false' ? false : undefined;
    }
  }
}
