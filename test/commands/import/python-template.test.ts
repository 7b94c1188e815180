import { describe, expect, it } from 'vitest';
import { convertPythonTemplate } from '../../../src/commands/import/python-template.js';

describe('convertPythonTemplate turns ElastAlert argument templates into {{field}} placeholders', () => {
  it.each([
    ['SSH brute force from %(source.ip)s', 'SSH brute force from {{source.ip}}'],
    ['%(num_hits)d hits, %(ratio).2f%%', '{{num_hits}} hits, {{ratio}}%'],
    ['last user {match[user.name]}', 'last user {{user.name}}'],
    ['{host.name} and {count!r:>5}', '{{host.name}} and {{count}}'],
    ['literal {{braces}} and 100%%', 'literal {braces} and 100%'],
    ['no placeholders', 'no placeholders'],
  ])('%s', (template, expected) => {
    expect(convertPythonTemplate(template)).toEqual({ text: expected, unnamed: [] });
  });

  it('keeps placeholders that name no field as text, and lists them', () => {
    expect(convertPythonTemplate('%s at {} and {0}')).toEqual({ text: '%s at {} and {0}', unnamed: ['%s', '{}', '{0}'] });
  });

  it('does not run the format pass over a field the % pass found', () => {
    expect(convertPythonTemplate('%(a)s{b}')).toEqual({ text: '{{a}}{{b}}', unnamed: [] });
  });
});
