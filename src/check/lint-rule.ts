import type { Node, SourceFile } from 'ts-morph';
import type { AttackData } from '../attack/attack-data.js';
import type { ResolvedConfig } from '../define/schema/config.js';
import type { DefinitionSource } from './definition-source.js';
import type { FieldSet } from './field-set.js';
import type { FindingLevel } from './finding.js';

/** Where a finding points: a node, or a range of source offsets (e.g. inside a string). */
export type FindingTarget = Node | { file: SourceFile; start: number; end: number };

/** What a rule says about one place. */
export interface Report {
  target: FindingTarget;
  message: string;
  fix?: string;
  /** Overrides the rule's level for this finding (e.g. an empty index is worse than `*`). */
  level?: FindingLevel;
}

/** What a rule gets for one definition file. */
export interface DefinitionContext {
  source: DefinitionSource;
  /** The definition's field set; present when the file has a readable definition object. */
  fields?: FieldSet;
  config: ResolvedConfig;
  /** The offline ATT&CK data, when the config names it (`attackData`). */
  attack?: AttackData;
  report(report: Report): void;
}

/** What a rule that compares definitions gets. */
export interface ProjectContext {
  sources: readonly DefinitionSource[];
  /** The folder paths in messages are relative to. */
  cwd: string;
  config: ResolvedConfig;
  report(report: Report): void;
}

/** A lint rule: a stable id, a one-line doc, a default level, and the check itself. */
export interface LintRule {
  /** Stable, kebab-case; what suppression comments and the config name. */
  id: string;
  level: FindingLevel;
  /** One line for docs, `--help` and SARIF. */
  doc: string;
  /** Checks one definition file. */
  checkDefinition?(context: DefinitionContext): void;
  /** Checks all definition files together (e.g. unique ids). */
  checkProject?(context: ProjectContext): void;
}
