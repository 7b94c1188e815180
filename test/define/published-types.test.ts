import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * What authors' editors and `alertsmith check` load: dist/ as `npm install` builds it
 * (scripts/build-dist.mjs). The build itself fails unless each printed type is the same type as
 * the schema's.
 */
const dist = new URL('../../dist/', import.meta.url);
const declaration = readFileSync(new URL('define/authoring-types.d.ts', dist), 'utf8');
const published = declaration.slice(declaration.indexOf('export type DefinitionInput'));

describe('the published authoring types', () => {
  it('are plain types, so no type checker has to work them out through zod at every keystroke', () => {
    expect(published).toMatch(/^export type DefinitionInput = \{\n\s+type: "any";/);
    expect(declaration).not.toMatch(/\bz\.|from 'zod'/);
    // The 2,726 ECS names stay one name instead of being printed out in every field option.
    expect(declaration).toContain('export type FieldPathInput = EcsFieldName | (string & {});');
    expect(published).toMatch(/query_key\?: FieldPathInput \| FieldPathInput\[\] \| undefined;/);
  });

  it("carry each option's documentation from the schema, for hovers in the editor", () => {
    expect(published).toMatch(/Matches of the same rule \(per `query_key`\) within this are dropped\.\n\s+\* @default `defaults\.realert` of the config, else 1 minute\n\s+\*\/\n\s+realert\?:/);
    expect(published).toMatch(/@default the detection's `name`\n\s+\*\/\n\s+name\?: string/);
  });

  it("let a definition's program leave out zod's declarations, the schemas' and the ECS mapping types", () => {
    const index = fileURLToPath(new URL('index.d.ts', dist));
    const program = ts.createProgram([index], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [], noEmit: true });
    const files = program.getSourceFiles().map((f) => f.fileName);
    expect(files).toContain(fileURLToPath(new URL('define/authoring-types.d.ts', dist)).replaceAll('\\', '/'));
    expect(files.filter((f) => /\/node_modules\/zod\/|\/dist\/define\/schema\/|\/dist\/define\/ecs-fields\.d\.ts$/.test(f))).toEqual([]);
    expect(files.some((f) => f.endsWith('/dist/define/ecs-field-names.d.ts'))).toBe(true);
  });
});
