import type { Finding } from '../finding.js';
import { TYPESCRIPT_RULE_ID } from '../finding.js';
import { displayPath } from '../display-path.js';
import type { LintRule } from '../lint-rule.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  cwd: string;
  /** The lint rules, described in the tool's rule list. */
  rules: readonly Pick<LintRule, 'id' | 'doc' | 'level'>[];
  /** alertsmith's version, for the tool driver. */
  version: string;
}

/**
 * Findings as a SARIF 2.1.0 log, the format code-scanning UIs (GitHub code scanning, VS Code's
 * SARIF viewer) read. Locations are relative to `%SRCROOT%`, the checkout root; columns count
 * UTF-16 code units, as the TypeScript compiler does.
 */
export function formatSarif(findings: readonly Finding[], options: SarifOptions): string {
  const ruleList = [
    ...options.rules.map((r) => ({ id: r.id, doc: r.doc, level: r.level })),
    { id: TYPESCRIPT_RULE_ID, doc: 'TypeScript type and syntax errors of definitions and the config.', level: 'error' as const },
  ];
  const ruleIndex = new Map(ruleList.map((r, i) => [r.id, i]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'alertsmith',
            version: options.version,
            rules: ruleList.map((r) => ({
              id: r.id,
              shortDescription: { text: r.doc },
              defaultConfiguration: { level: r.level },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
          level: f.level,
          message: { text: f.fix ? `${f.message}. Fix: ${f.fix}` : f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(displayPath(options.cwd, f.file)), uriBaseId: '%SRCROOT%' },
                region: {
                  startLine: f.line,
                  startColumn: f.column,
                  ...(f.endLine !== undefined ? { endLine: f.endLine } : {}),
                  ...(f.endColumn !== undefined ? { endColumn: f.endColumn } : {}),
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
