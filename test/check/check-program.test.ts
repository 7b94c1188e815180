import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createCheckProgram, mayDeclareGlobally } from '../../src/check/check-program.js';
import { tempProject } from '../commands/build/temp-project.js';

describe('createCheckProgram', () => {
  const project = () =>
    tempProject({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', types: [] }, include: ['definitions'] }),
      'package.json': JSON.stringify({ type: 'module' }),
      'definitions/shared.ts': "export const team = 'soc';\n",
      'definitions/a.ts': "import { team } from './shared.js';\nexport default { id: 'a', team };\n",
      'definitions/b.ts': "export default { id: 'b' };\n",
      'definitions/fields.d.ts': 'declare global { interface TeamFields { site: string } }\nexport {};\n',
    });
  const names = (dir: string, files: readonly { fileName: string }[]) => files.map((f) => path.relative(dir, f.fileName)).filter((f) => f.startsWith('definitions')).sort();

  it('takes the targets, what they import, and the files of the tsconfig that may declare globally', () => {
    const dir = project();
    const { project: p } = createCheckProgram(dir, [path.join(dir, 'definitions/a.ts')]);
    expect(names(dir, p.getProgram().compilerObject.getSourceFiles())).toEqual(['definitions/a.ts', 'definitions/fields.d.ts', 'definitions/shared.ts']);
    const both = createCheckProgram(dir, ['a.ts', 'b.ts'].map((f) => path.join(dir, 'definitions', f)));
    expect(names(dir, both.project.getProgram().compilerObject.getSourceFiles())).toEqual(['definitions/a.ts', 'definitions/b.ts', 'definitions/fields.d.ts', 'definitions/shared.ts']);
  });

  it('leaves out the definitions the cache answered for, but not their imports or what declares globally', () => {
    const dir = project();
    const leaveOut = new Set(['b.ts', 'shared.ts', 'fields.d.ts'].map((f) => path.join(dir, 'definitions', f)));
    const { project: p, targets } = createCheckProgram(dir, [path.join(dir, 'definitions/a.ts')], { leaveOut });
    expect(targets.map((t) => path.relative(dir, t.getFilePath()))).toEqual(['definitions/a.ts']);
    expect(names(dir, p.getProgram().compilerObject.getSourceFiles())).toEqual(['definitions/a.ts', 'definitions/fields.d.ts', 'definitions/shared.ts']);
  });

  it('reads a file without import or export as TypeScript does: a module under nodenext, a script under esnext', () => {
    const texts: Record<string, string> = {
      'definitions/a.ts': "export default { id: 'a' };\n",
      'definitions/plain.ts': 'const local = 1;\n',
      'definitions/meta.ts': 'const where = import.meta.url;\n',
    };
    const settings = [
      { module: 'nodenext', moduleResolution: 'nodenext', type: 'module', scripts: [] },
      { module: 'nodenext', moduleResolution: 'nodenext', type: 'commonjs', scripts: [] },
      { module: 'esnext', moduleResolution: 'bundler', type: 'module', scripts: ['definitions/plain.ts'] },
    ];
    for (const { module, moduleResolution, type, scripts: expected } of settings) {
      const dir = tempProject({
        ...texts,
        'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module, moduleResolution, types: [] }, include: ['definitions'] }),
        'package.json': JSON.stringify({ type }),
      });
      const { project: p } = createCheckProgram(dir, [path.join(dir, 'definitions/a.ts')]);
      const mine = names(dir, p.getProgram().compilerObject.getSourceFiles());
      // TypeScript's own answer, from a program of the whole tsconfig: its scripts are what may declare globally.
      const parsed = ts.getParsedCommandLineOfConfigFile(path.join(dir, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
      const whole = ts.createProgram(parsed.fileNames, parsed.options);
      const scripts = whole.getSourceFiles().filter((f) => f.fileName.includes('/definitions/') && !ts.isExternalModule(f)).map((f) => path.relative(dir, f.fileName));
      expect(scripts, `${module} ${type}`).toEqual(expected);
      expect(mine, `${module} ${type}`).toEqual(['definitions/a.ts', ...scripts].sort());
    }
  });
});

describe('mayDeclareGlobally', () => {
  it('is false only for a module without declare global or declare module', () => {
    expect(mayDeclareGlobally("import { defineAlert } from 'alertsmith';\nexport default defineAlert({});\n")).toBe(false);
    expect(mayDeclareGlobally("export default { id: 'a' };\n")).toBe(false);
    expect(mayDeclareGlobally("declare module 'alertsmith' {\n  interface CustomEventFields { 'app.tenant': string }\n}\nexport {};\n")).toBe(true);
    expect(mayDeclareGlobally('declare global { type X = 1 }\nexport {};\n')).toBe(true);
    expect(mayDeclareGlobally('type Severity = "low";\n')).toBe(true);
    expect(mayDeclareGlobally('// comment\nexport interface X { a: string }\ndeclare module "x" {}\n')).toBe(true);
  });

  it('is false for a module that only mentions them in a comment or a string', () => {
    expect(mayDeclareGlobally("// declare global here? no\nexport const text = 'declare module \\'alertsmith\\' { }';\n")).toBe(false);
    expect(mayDeclareGlobally('/** See `declare global`. */\nexport function f(): void {}\n')).toBe(false);
  });
});
