import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentHashes } from '../../src/cache/content-hashes.js';
import { tempProject } from '../commands/build/temp-project.js';

const sha1 = (text: string) => createHash('sha1').update(text).digest('base64url');

function project(): { root: string; file: string; stamps: string } {
  const root = tempProject({ 'definitions/a.ts': 'export default { id: "a" };\n' });
  mkdirSync(path.join(root, 'node_modules'));
  return { root, file: path.join(root, 'definitions/a.ts'), stamps: path.join(root, 'node_modules/.cache/alertsmith/files.json') };
}

/** Rewrites what the stamps file remembers of `file`: shows whether a later run believed it. */
function tamper(stamps: string, file: string, change: (stamp: { hash: string; derived: Record<string, unknown> }) => void): void {
  const stored = JSON.parse(readFileSync(stamps, 'utf8'));
  change(stored.entries[file]);
  writeFileSync(stamps, JSON.stringify(stored));
}

describe('ContentHashes', () => {
  it('hashes the content of a file, and an unreadable file alike every time', () => {
    const { root, file } = project();
    const hashes = new ContentHashes({ root });
    expect(hashes.hash(file)).toBe(sha1(readFileSync(file, 'utf8')));
    expect(hashes.hash(path.join(root, 'missing.ts'))).toBe('unreadable');
  });

  it('takes the hash and derived values of a file whose stat is unchanged from the stamp of the run before', () => {
    const { root, file, stamps } = project();
    const first = new ContentHashes({ root, settledMs: 0 });
    first.hash(file);
    expect(first.derived(file, 'length', (text) => text?.length)).toBe(28);
    first.save();
    tamper(stamps, file, (s) => {
      s.hash = 'REMEMBERED';
      s.derived.length = -1;
    });
    const second = new ContentHashes({ root, settledMs: 0 });
    expect(second.hash(file)).toBe('REMEMBERED');
    expect(second.derived(file, 'length', (text) => text?.length)).toBe(-1);
  });

  // The stamp's times may not move within one clock tick; these changes are told apart by size
  // and inode, so the test does not depend on the clock. (In use, settledMs covers the tick.)
  it.each([
    ['written in place with another size', (file: string, text: string) => writeFileSync(file, `${text}// edited\n`)],
    ['replaced by a rename with the same size', (file: string, text: string) => {
      writeFileSync(`${file}.new`, text.replace('"a"', '"b"'));
      renameSync(`${file}.new`, file);
    }],
  ])('reads a file again once it was %s', (_how, change) => {
    const { root, file, stamps } = project();
    const first = new ContentHashes({ root, settledMs: 0 });
    first.hash(file);
    first.save();
    tamper(stamps, file, (s) => {
      s.hash = 'REMEMBERED';
    });
    change(file, readFileSync(file, 'utf8'));
    expect(new ContentHashes({ root, settledMs: 0 }).hash(file)).toBe(sha1(readFileSync(file, 'utf8')));
  });

  it('does not stamp a file changed moments ago (its time may not tell the next change apart)', () => {
    const { root, file, stamps } = project();
    const hashes = new ContentHashes({ root });
    hashes.hash(file);
    hashes.save();
    expect(() => readFileSync(stamps)).toThrow();
  });

  it('does not stamp a file whose text was read before its stat (the two may not be of one version)', () => {
    const { root, file, stamps } = project();
    const hashes = new ContentHashes({ root, settledMs: 0 });
    hashes.text(file);
    expect(hashes.hash(file)).toBe(sha1(readFileSync(file, 'utf8')));
    hashes.save();
    expect(() => readFileSync(stamps)).toThrow();
  });

  it('keeps nothing when disabled, or without node_modules', () => {
    const { root, file, stamps } = project();
    const off = new ContentHashes({ root, disabled: true, settledMs: 0 });
    off.hash(file);
    off.save();
    expect(() => readFileSync(stamps)).toThrow();
    const bare = tempProject({ 'a.ts': 'x' });
    const none = new ContentHashes({ root: bare, settledMs: 0 });
    expect(none.hash(path.join(bare, 'a.ts'))).toBe(sha1('x'));
  });

  it('ignores a corrupt stamps file', () => {
    const { root, file, stamps } = project();
    mkdirSync(path.dirname(stamps), { recursive: true });
    writeFileSync(stamps, '{ not json');
    expect(new ContentHashes({ root, settledMs: 0 }).hash(file)).toBe(sha1(readFileSync(file, 'utf8')));
  });
});
