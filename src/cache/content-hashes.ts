import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * File contents and their hashes, each file read at most once per run: the cache checks, the
 * definitions folder scan and the source checks all read the same files.
 */
export class ContentHashes {
  private readonly texts = new Map<string, string | undefined>();
  private readonly hashes = new Map<string, string>();

  /** The file's text, or undefined when it cannot be read. */
  text(file: string): string | undefined {
    if (!this.texts.has(file)) {
      let text: string | undefined;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      this.texts.set(file, text);
    }
    return this.texts.get(file);
  }

  /** A hash of the file's content; a file that cannot be read has its own fixed hash. */
  hash(file: string): string {
    let hash = this.hashes.get(file);
    if (hash === undefined) {
      const text = this.text(file);
      hash = text === undefined ? 'unreadable' : createHash('sha1').update(text).digest('base64url');
      this.hashes.set(file, hash);
    }
    return hash;
  }
}
