/** Something the reader of the import report should know about one rule. */
export interface ImportNote {
  /** The ElastAlert option (or definition property) it is about, when there is one. */
  option?: string;
  message: string;
}

export type ImportStatus = 'imported' | 'imported-with-notes' | 'not-imported';

/** What became of one rule file. */
export interface RuleImport {
  /** The rule file, as given or found. */
  file: string;
  status: ImportStatus;
  /** The definition id (the file name in kebab-case). */
  id?: string;
  /** Where the definition was (or, with --dry-run, would be) written. */
  out?: string;
  /** Why it was not imported. */
  reason?: string;
  notes: ImportNote[];
  /** Non-ECS fields declared in eventFields, with their types. */
  eventFields?: Record<string, string>;
}

/** The whole run: one entry per rule, and the base files only imported by others. */
export interface ImportReport {
  rules: RuleImport[];
  bases: string[];
  dryRun: boolean;
}

export function statusOf(notes: readonly ImportNote[]): ImportStatus {
  return notes.length > 0 ? 'imported-with-notes' : 'imported';
}
