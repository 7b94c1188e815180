import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A throwaway project folder with the given files (paths relative to it). */
export function tempProject(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'alertsmith-test-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

/** A definition module's source: `export default defineAlert(<object>)`. */
export function definitionSource(definition: Record<string, unknown>): string {
  return `import { defineAlert } from 'alertsmith';\nexport default defineAlert(${JSON.stringify(definition, null, 2)} as any);\n`;
}

/** A minimal valid definition of type any; override any property. */
export function anyDefinition(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: `Detection ${id}`,
    description: 'A test detection.',
    index: 'logs-*',
    type: 'any',
    query: 'event.kind:alert',
    xsoar: { type: 'Test', severity: 'low', labels: ['host.name'] },
    ...overrides,
  };
}

/** Collects what a command writes to a stream. */
export function captureStream(): NodeJS.WriteStream & { text(): string } {
  let text = '';
  return {
    isTTY: false,
    write(chunk: string | Uint8Array) {
      text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
      return true;
    },
    text: () => text,
  } as unknown as NodeJS.WriteStream & { text(): string };
}
