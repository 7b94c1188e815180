import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AlertsmithError, EXIT } from '../../errors.js';
import { isRecord } from '../../incident/field-lookup.js';

/**
 * Reads a fixture file named by a test case, relative to its definition file: a JSON array of
 * documents, or NDJSON (one document per line).
 */
export async function readFixture(definitionFile: string, fixture: string): Promise<Record<string, unknown>[]> {
  const file = path.resolve(path.dirname(definitionFile), fixture);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new AlertsmithError('ALERTSMITH_TEST_FIXTURE', `fixture ${fixture} not found next to ${definitionFile}`, EXIT.failed);
  }
  const docs = parseFixture(text, fixture);
  docs.forEach((d, i) => {
    if (!isRecord(d)) throw new AlertsmithError('ALERTSMITH_TEST_FIXTURE', `fixture ${fixture}: document ${i + 1} is not an object`, EXIT.failed);
  });
  return docs as Record<string, unknown>[];
}

function parseFixture(text: string, name: string): unknown[] {
  const trimmed = text.trim();
  try {
    if (trimmed.startsWith('[')) return JSON.parse(trimmed) as unknown[];
    return trimmed === '' ? [] : trimmed.split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
  } catch (e) {
    throw new AlertsmithError('ALERTSMITH_TEST_FIXTURE', `fixture ${name} is not JSON or NDJSON: ${(e as Error).message}`, EXIT.failed);
  }
}
