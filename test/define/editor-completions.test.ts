import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * What an author's editor offers while typing a definition: TypeScript's own completions, from a
 * language service over an in-memory file beside this test.
 */
const file = fileURLToPath(new URL('./completions-probe.ts', import.meta.url));
const source = `import { defineAlert } from '../../src/define/define-alert.js';
defineAlert({
  id: 'x', name: 'n', description: 'd', type: 'frequency', num_events: 3, timeframe: '5m', query_key: 'sou',
  xsoar: { type: 't', severity: 'low', labels: ['hos'] },
});
`;

// One language service for every query, as in an editor: it is the expensive part.
let service: ts.LanguageService | undefined;

function completionsAt(marker: string): string[] {
  service ??= createService();
  const position = source.indexOf(marker) + marker.length;
  return (service.getCompletionsAtPosition(file, position, {})?.entries ?? []).map((e) => e.name);
}

function createService(): ts.LanguageService {
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [file],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => {
      if (name === file) return ts.ScriptSnapshot.fromString(source);
      const text = ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => fileURLToPath(new URL('.', import.meta.url)),
    getCompilationSettings: () => ({
      target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, types: [],
    }),
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (name) => name === file || ts.sys.fileExists(name),
    readFile: (name) => (name === file ? source : ts.sys.readFile(name)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  return ts.createLanguageService(host);
}

describe('completions in the editor', () => {
  // Type checking the whole schema once takes seconds of CPU; on a busy 2-core machine, many more.
  it('offers the ECS field names for labels and field options', { timeout: 180_000 }, () => {
    expect(completionsAt("labels: ['hos")).toEqual(expect.arrayContaining(['host.name', 'host.ip', 'source.ip']));
    expect(completionsAt("query_key: 'sou")).toEqual(expect.arrayContaining(['source.ip', 'source.port', 'host.name']));
  });
});
