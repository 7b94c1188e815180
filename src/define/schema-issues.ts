import type { z } from 'zod';

/** One thing wrong with a definition or config, at a property path such as `xsoar.labels[0]`. */
export interface SchemaIssue {
  path: string;
  message: string;
}

/** `xsoar.labels[0]`: dots between names, brackets around indexes. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(top level)' : out;
}

/** zod's issues as lines a person can act on: one per unknown key, "is required" for missing ones. */
export function schemaIssues(error: z.ZodError): SchemaIssue[] {
  return error.issues.flatMap((issue): SchemaIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'is not a known property (a typo?)' }));
    }
    if (issue.code === 'invalid_type' && issue.input === undefined) {
      return [{ path: formatPath(issue.path), message: `is required (${issue.expected})` }];
    }
    return [{ path: formatPath(issue.path), message: issue.message }];
  });
}
