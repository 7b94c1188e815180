import path from 'node:path';

/** The definition id of a rule file: its name without extension, in kebab-case (`Win_Whoami.Exec.yml` -> `win-whoami-exec`). */
export function definitionIdOf(file: string): string {
  const stem = path.basename(file).replace(/\.[^.]*$/, '');
  const id = stem
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id === '' ? 'rule' : id;
}
