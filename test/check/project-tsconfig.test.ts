import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectTsconfig, tsconfigChain } from '../../src/check/project-tsconfig.js';
import { tempProject } from '../commands/build/temp-project.js';

describe('projectTsconfig', () => {
  it("takes the definitions folder's own tsconfig.json, as an editor does", () => {
    const dir = tempProject({ 'tsconfig.json': '{}', 'definitions/tsconfig.json': '{}', 'definitions/a.ts': '' });
    expect(projectTsconfig(dir, path.join(dir, 'definitions'))).toBe(path.join(dir, 'definitions/tsconfig.json'));
  });

  it('looks up from the definitions folder to the project folder, and no higher', () => {
    const dir = tempProject({ 'tsconfig.json': '{}', 'detections/cloud/a.ts': '', 'app/tsconfig.json': '{}' });
    expect(projectTsconfig(dir, path.join(dir, 'detections/cloud'))).toBe(path.join(dir, 'tsconfig.json'));
    expect(projectTsconfig(path.join(dir, 'detections'), path.join(dir, 'detections/cloud'))).toBeUndefined();
    expect(projectTsconfig(dir)).toBe(path.join(dir, 'tsconfig.json'));
  });

  it("takes the project's tsconfig.json for a definitions folder outside the project", () => {
    const dir = tempProject({ 'project/tsconfig.json': '{}', 'elsewhere/tsconfig.json': '{}', 'elsewhere/a.ts': '' });
    expect(projectTsconfig(path.join(dir, 'project'), path.join(dir, 'elsewhere'))).toBe(path.join(dir, 'project/tsconfig.json'));
    expect(projectTsconfig(path.join(dir, 'project'), path.join(dir, '..elsewhere'))).toBe(path.join(dir, 'project/tsconfig.json'));
  });
});

describe('tsconfigChain', () => {
  it('names the tsconfig and every file it extends, in the order TypeScript reads them', () => {
    const dir = tempProject({
      'base/strict.json': JSON.stringify({ compilerOptions: { strict: true } }),
      'tsconfig.json': JSON.stringify({ extends: './base/strict.json', compilerOptions: { noEmit: true } }),
      'definitions/tsconfig.json': JSON.stringify({ extends: '../tsconfig.json', compilerOptions: { types: [] } }),
    });
    expect(tsconfigChain(path.join(dir, 'definitions/tsconfig.json'))).toEqual(
      ['definitions/tsconfig.json', 'tsconfig.json', 'base/strict.json'].map((f) => path.join(dir, f)),
    );
    expect(tsconfigChain(path.join(dir, 'base/strict.json'))).toEqual([path.join(dir, 'base/strict.json')]);
  });
});
