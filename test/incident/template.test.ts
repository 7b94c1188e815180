import { describe, expect, it } from 'vitest';
import { FIELD_PATH_PATTERN, missingFieldText, parseTemplate, renderTemplate, templateFields, valueToText } from '../../src/incident/template.js';

describe('parseTemplate', () => {
  it('splits text and placeholders, allowing spaces inside the braces', () => {
    expect(parseTemplate('SSH from {{ source.ip }} to {{host.name}}!')).toEqual([
      { text: 'SSH from ' }, { field: 'source.ip' }, { text: ' to ' }, { field: 'host.name' }, { text: '!' },
    ]);
  });

  it('keeps lone braces, empty placeholders and invalid paths as literal text', () => {
    expect(parseTemplate('a {{ b {{}} {{a..[}} }}')).toEqual([{ text: 'a {{ b {{}} {{a..[}} }}' }]);
    expect(parseTemplate('{{x[0].}}')).toEqual([{ text: '{{x[0].}}' }]);
    expect(parseTemplate('')).toEqual([]);
  });

  it('reads placeholders back to back and at both ends', () => {
    expect(parseTemplate('{{a}}{{b[1].c}}')).toEqual([{ field: 'a' }, { field: 'b[1].c' }]);
  });
});

describe('FIELD_PATH_PATTERN', () => {
  it('accepts ECS, ElastAlert and indexed paths and refuses anything else', () => {
    for (const ok of ['@timestamp', 'host.name', 'a.b[0].c', 'rule_param_x', 'a-b', 'x[12]', 'a[0][1]']) expect(FIELD_PATH_PATTERN.test(ok), ok).toBe(true);
    for (const bad of ['', '.a', '[0]', 'a b', 'a[x]', 'a[0]b', 'a[0].', 'é']) expect(FIELD_PATH_PATTERN.test(bad), bad).toBe(false);
  });
});

describe('templateFields', () => {
  it('lists each field once, in order of first use', () => {
    expect(templateFields('{{b}} {{a}} {{ b }} text')).toEqual(['b', 'a']);
  });
});

describe('renderTemplate', () => {
  it('inserts values verbatim, never re-reading them as templates, and reports each missing field', () => {
    const missing: string[] = [];
    const values: Record<string, unknown> = { a: '{{b}} %s', n: 3, t: true, o: { k: [1] }, z: null };
    const text = renderTemplate('{{a}}|{{n}}|{{t}}|{{o}}|{{z}}|{{gone}}|{{a}}', (p) => values[p], (p) => missing.push(p));
    expect(text).toBe('{{b}} %s|3|true|{"k":[1]}||<missing gone>|{{b}} %s');
    expect(missing).toEqual(['gone']);
    expect(renderTemplate('{{gone}}', () => undefined)).toBe(missingFieldText('gone'));
    expect(missingFieldText('x.y')).toBe('<missing x.y>');
  });
});

describe('valueToText', () => {
  it('writes strings as they are, null and undefined as empty, scalars with String and the rest as JSON', () => {
    expect([valueToText('s'), valueToText(null), valueToText(undefined), valueToText(1.5), valueToText(false), valueToText(10n), valueToText(['a'])]).toEqual([
      's', '', '', '1.5', 'false', '10', '["a"]',
    ]);
    // Python's NaN and Infinity tokens reach the runtime as numbers: they read as themselves, not as JSON's null.
    expect([valueToText(Number.NaN), valueToText(-Infinity)]).toEqual(['NaN', '-Infinity']);
  });
});
