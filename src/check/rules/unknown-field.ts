import { parseTemplate } from '../../incident/template.js';
import type { FieldSet } from '../field-set.js';
import type { DefinitionContext, LintRule } from '../lint-rule.js';
import { analyseQuery } from '../lucene-query.js';
import { propertyAt, stringOrList, type StaticString, type StaticValue } from '../static-value.js';
import { rangeInString } from '../string-target.js';

/** Options that name document fields. */
const DOCUMENT_FIELD_OPTIONS = ['query_key', 'compare_key', 'cardinality_field', 'metric_agg_key', 'field_value', 'timestamp_field'];
/** XSOAR templates, whose placeholders name match fields. */
const TEMPLATE_OPTIONS = ['name', 'details'];

const DECLARE_FIX = 'fix the spelling, or declare the field in eventFields with its mapping type';

/**
 * A misspelled field never matches and never fails: the query finds nothing, the label is
 * empty, the placeholder renders `<missing ...>`. Names are checked against the same field set
 * as the types (ECS, CustomEventFields, eventFields, the rule type's match fields).
 */
export const unknownField: LintRule = {
  id: 'unknown-field',
  level: 'error',
  doc: 'Fields named in the query, query_key and other field options, labels and {{placeholders}} exist in the definition\'s field set.',
  checkDefinition(context) {
    const { source, fields } = context;
    const definition = source.definition;
    if (!definition || !fields) return;

    const query = propertyAt(definition, ['query'])?.value;
    if (query?.kind === 'string') {
      const analysis = analyseQuery(query.value);
      if (analysis.ok) {
        for (const f of analysis.fields) {
          if (fields.hasQueryField(f.name)) continue;
          reportUnknown(context, rangeInString(query.node, f.start, f.end), f.name, 'the query', fields.suggestDocumentField(f.name));
        }
      }
    }

    for (const option of DOCUMENT_FIELD_OPTIONS) {
      const value = propertyAt(definition, [option])?.value;
      if (value) checkDocumentFields(context, fields, stringOrList(value), option);
    }
    const newTermFields = propertyAt(definition, ['fields'])?.value;
    if (newTermFields?.kind === 'array') {
      for (const item of newTermFields.items) checkDocumentFields(context, fields, stringOrList(item), 'fields');
    }

    const labels = propertyAt(definition, ['xsoar', 'labels'])?.value;
    for (const label of labels ? stringOrList(labels) : []) {
      if (!fields.hasMatchField(label.value)) {
        reportUnknown(context, label.node, label.value, 'xsoar.labels', fields.suggestMatchField(label.value));
      }
    }
    for (const option of TEMPLATE_OPTIONS) {
      const template = propertyAt(definition, ['xsoar', option])?.value;
      if (template) checkTemplate(context, fields, template, `xsoar.${option}`);
    }
    const customFields = propertyAt(definition, ['xsoar', 'customFields'])?.value;
    if (customFields?.kind === 'object') {
      for (const p of customFields.properties.values()) checkTemplate(context, fields, p.value, `xsoar.customFields.${p.name}`);
    }
  },
};

function checkDocumentFields(context: DefinitionContext, fields: FieldSet, names: StaticString[], where: string): void {
  for (const name of names) {
    if (!fields.hasDocumentField(name.value)) {
      reportUnknown(context, name.node, name.value, where, fields.suggestDocumentField(name.value));
    }
  }
}

function checkTemplate(context: DefinitionContext, fields: FieldSet, template: StaticValue, where: string): void {
  if (template.kind !== 'string') return;
  let cursor = 0;
  for (const segment of parseTemplate(template.value)) {
    if ('text' in segment) {
      cursor += segment.text.length;
      continue;
    }
    // parseTemplate keeps the path, not the braces and spaces around it: find them again.
    const start = template.value.indexOf(segment.field, cursor);
    const close = template.value.indexOf('}}', start + segment.field.length) + 2;
    cursor = close;
    if (fields.hasMatchField(segment.field)) continue;
    reportUnknown(
      context,
      rangeInString(template.node, start, start + segment.field.length),
      segment.field,
      `the placeholder in ${where}`,
      fields.suggestMatchField(segment.field),
    );
  }
}

function reportUnknown(
  context: DefinitionContext,
  target: Parameters<DefinitionContext['report']>[0]['target'],
  name: string,
  where: string,
  suggestion: string | undefined,
): void {
  context.report({
    target,
    message: `unknown field "${name}" in ${where}${suggestion ? `: did you mean "${suggestion}"?` : ''}`,
    fix: suggestion ? `write "${suggestion}", or declare "${name}" in eventFields` : DECLARE_FIX,
  });
}
