import type { Stats } from 'node:fs';

/**
 * A file is remembered by its stamp (size, times, inode) only when its last change was at least
 * this long before it was read: file times are coarse (a clock tick), so a file written again
 * within the same tick as the read could keep its stamp with new content. This is git's
 * "racily clean" rule. The file stamps, the kept TypeScript project and the project server's
 * kept files all follow it.
 */
export const SETTLED_MS = 2000;

/** What says a file is unchanged since it was read: its inode, size, mtime and ctime, as one text. */
export function fileStamp(stat: Stats): string {
  return `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
}
