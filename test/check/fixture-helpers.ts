import { beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configSchema, type ConfigInput } from '../../src/define/schema/config.js';
import { checkProject } from '../../src/check/check-project.js';
import type { Finding } from '../../src/check/finding.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
/** The fixtures of the checks build runs too (`src/validate/`). */
export const VALIDATE_FIXTURES = fileURLToPath(new URL('../validate/fixtures/', import.meta.url));

/** A fixture folder: a name under test/check/fixtures, or an absolute path. */
function folderPath(folder: string): string {
  return folder.startsWith('/') ? folder : FIXTURES + folder;
}

/** Lints one fixture folder (no type check: each test file type-checks only where it must). */
export async function lintFixtures(folder: string, config: ConfigInput = {}): Promise<Finding[]> {
  return (await checkProject({ cwd: folderPath(folder), paths: ['.'], config: configSchema.parse(config), typeCheck: false })).findings;
}

/** `file.ts:line:col` of each finding of one rule, for compact assertions. */
export function placesOf(findings: readonly Finding[], ruleId: string): string[] {
  return findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.file.split('/').pop()}:${f.line}:${f.column}`);
}

/** Where `text` occurs in a fixture (plus `shift` columns), as `file.ts:line:col` (1-based), to assert exact positions. */
export function placeOf(folder: string, file: string, text: string, occurrence = 1, shift = 0): string {
  const lines = readFileSync(`${folderPath(folder)}/${file}`, 'utf8').split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    let from = 0;
    for (;;) {
      const at = lines[i]!.indexOf(text, from);
      if (at < 0) break;
      if (++seen === occurrence) return `${file}:${i + 1}:${at + 1 + shift}`;
      from = at + 1;
    }
  }
  throw new Error(`${text} is not in ${folder}/${file}`);
}

/** The findings of one fixture folder, linted once before the tests of a `describe` block. */
export function fixtureFindings(folder: string, config: ConfigInput = {}): () => Finding[] {
  let findings: Finding[] | undefined;
  beforeAll(async () => {
    findings = await lintFixtures(folder, config);
  }, 60_000);
  return () => findings!;
}
