import type { FieldSet } from '../../check/field-set.js';
import { analyseQuery } from '../../check/lucene-query.js';
import type { PropertyPath } from '../../define/schema-issues.js';
import { parseTemplate } from '../../incident/template.js';
import type { DefinitionCheck, Problem } from '../definition-check.js';

/** Options that name document fields. */
const DOCUMENT_FIELD_OPTIONS = ['query_key', 'compare_key', 'cardinality_field', 'metric_agg_key', 'field_value', 'timestamp_field'];
/** XSOAR templates, whose placeholders name match fields. */
const TEMPLATE_OPTIONS = ['name', 'details'];

type Report = (problem: Problem) => void;

/**
 * A misspelled field never matches and never fails: the query finds nothing, the label is
 * empty, the placeholder renders `<missing ...>`. Names are checked against the same field set
 * as the types (ECS, CustomEventFields, eventFields, the rule type's match fields).
 */
export const unknownField: DefinitionCheck = {
  id: 'unknown-field',
  level: 'error',
  doc: "Fields named in the query, query_key and other field options, labels and {{placeholders}} exist in the definition's field set.",
  checkDefinition({ definition, fields, report }) {
    const d = asRecord(definition.value);
    if (!d) return;
    if (typeof d.query === 'string') {
      const analysis = analyseQuery(d.query);
      if (analysis.ok) {
        for (const f of analysis.fields) {
          if (fields.hasQueryField(f.name)) continue;
          report(unknown(['query'], f.name, 'the query', fields.suggestDocumentField(f.name), { start: f.start, end: f.end }));
        }
      }
    }
    for (const option of DOCUMENT_FIELD_OPTIONS) checkDocumentFields(report, fields, d[option], [option], option);
    if (Array.isArray(d.fields)) d.fields.forEach((item, i) => checkDocumentFields(report, fields, item, ['fields', i], 'fields'));

    const xsoar = asRecord(d.xsoar);
    if (!xsoar) return;
    if (Array.isArray(xsoar.labels)) {
      xsoar.labels.forEach((label, i) => {
        if (typeof label === 'string' && !fields.hasMatchField(label)) {
          report(unknown(['xsoar', 'labels', i], label, 'xsoar.labels', fields.suggestMatchField(label)));
        }
      });
    }
    for (const option of TEMPLATE_OPTIONS) checkTemplate(report, fields, xsoar[option], ['xsoar', option], `xsoar.${option}`);
    const customFields = asRecord(xsoar.customFields);
    for (const [name, template] of Object.entries(customFields ?? {})) {
      checkTemplate(report, fields, template, ['xsoar', 'customFields', name], `xsoar.customFields.${name}`);
    }
  },
};

function checkDocumentFields(report: Report, fields: FieldSet, value: unknown, path: PropertyPath, where: string): void {
  const names = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  names.forEach((name, i) => {
    if (typeof name !== 'string' || fields.hasDocumentField(name)) return;
    report(unknown(typeof value === 'string' ? path : [...path, i], name, where, fields.suggestDocumentField(name)));
  });
}

function checkTemplate(report: Report, fields: FieldSet, template: unknown, path: PropertyPath, where: string): void {
  if (typeof template !== 'string') return;
  let cursor = 0;
  for (const segment of parseTemplate(template)) {
    if ('text' in segment) {
      cursor += segment.text.length;
      continue;
    }
    // parseTemplate keeps the path, not the braces and spaces around it: find them again.
    const start = template.indexOf(segment.field, cursor);
    cursor = template.indexOf('}}', start + segment.field.length) + 2;
    if (fields.hasMatchField(segment.field)) continue;
    report(unknown(path, segment.field, `the placeholder in ${where}`, fields.suggestMatchField(segment.field), { start, end: start + segment.field.length }));
  }
}

function unknown(path: PropertyPath, name: string, where: string, suggestion: string | undefined, range?: Problem['range']): Problem {
  return {
    path,
    ...(range ? { range } : {}),
    message: `unknown field "${name}" in ${where}${suggestion ? `: did you mean "${suggestion}"?` : ''}`,
    fix: suggestion
      ? `write "${suggestion}"; if "${name}" is really a field of your documents, declare it in eventFields`
      : 'fix the spelling, or declare the field in eventFields with its mapping type',
  };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
