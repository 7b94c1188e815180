import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * What authors' editors load: dist/ as `npm install` builds it (scripts/build-dist.mjs). The build
 * itself fails unless the plain DefinitionInput is the same type as the schema's input type.
 */
const declaration = readFileSync(new URL('../../dist/define/schema/definition.d.ts', import.meta.url), 'utf8');
const published = declaration.slice(declaration.indexOf('export type DefinitionInput'));

describe('the published DefinitionInput', () => {
  it('is a plain type, so no type checker has to work it out through zod at every keystroke', () => {
    expect(published).toMatch(/^export type DefinitionInput = \{\n\s+type: "any";/);
    expect(published).not.toContain('z.input<');
  });

  it("carries each option's documentation from the schema, for hovers in the editor", () => {
    expect(published).toMatch(/Matches of the same rule \(per `query_key`\) within this are dropped\.\n\s+\* @default `defaults\.realert` of the config, else 1 minute\n\s+\*\/\n\s+realert\?:/);
    expect(published).toMatch(/@default the detection's `name`\n\s+\*\/\n\s+name\?: string/);
  });
});
