import { readFileSync } from 'node:fs';

/** The version in alertsmith's own package.json (src/ and dist/ are both two levels below it). */
export function packageVersion(): string {
  const url = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}
