import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../../check/display-path.js';
import { isGeneratedText } from '../../compile/generated-header.js';
import { AlertsmithError } from '../../errors.js';
import { findDefinitionFiles, idFromFileName } from '../build/find-definition-files.js';

/**
 * The detection ids of a base folder (`--base`): the names of its definition modules (a
 * definition's id is its file name), or, in a folder of generated rules, of the rules alertsmith
 * wrote. Sorted.
 */
export async function readBaseDetectionIds(dir: string, cwd: string): Promise<string[]> {
  const shown = displayPath(cwd, dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new AlertsmithError('ALERTSMITH_REPORT_BASE', `--base ${shown} is not a folder: name the definitions folder (or the generated rules folder) of the base`);
  }
  const definitions = await findDefinitionFiles(dir);
  if (definitions.length > 0) return definitions.map(idFromFileName).sort();
  const ids: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    if (!name.endsWith('.yaml')) continue;
    const text = await readFile(path.join(dir, name), 'utf8').catch(() => '');
    if (isGeneratedText(text)) ids.push(name.slice(0, -'.yaml'.length));
  }
  return ids;
}
