import type { AttackData } from '../../attack/attack-data.js';
import type { ResolvedConfig } from '../../define/schema/config.js';
import type { Definition } from '../../define/schema/definition.js';
import { synthRule } from '../../compile/synth.js';
import { catalogHtml } from './catalog-html.js';
import { byText, computeCoverage } from './coverage.js';
import { detectionRecord } from './detection-record.js';
import { navigatorLayer } from './navigator-layer.js';
import { summaryMarkdown } from './summary-markdown.js';
import type { TestVerdict } from './test-results.js';

export interface ReportDefinition {
  definition: Definition;
  /** The definition file, relative to the project: shown, and named in the rule's header. */
  file: string;
  /** The fixture events of its first test case, read at the edge. */
  firstCaseFixtureEvents?: Record<string, unknown>[];
}

export interface ReportInput {
  definitions: readonly ReportDefinition[];
  config: ResolvedConfig;
  attackData?: AttackData | undefined;
  /** Verdicts from a `--tests` file, by detection id. */
  testVerdicts?: ReadonlyMap<string, TestVerdict> | undefined;
  /** Detection ids of the `--base` folder. */
  baseIds?: readonly string[] | undefined;
}

export interface ReportOutputs {
  /** The ATT&CK Navigator layer, as the JSON text of the file. */
  layer: string;
  html: string;
  markdown: string;
}

/** The three outputs of `alertsmith report`, from validated definitions. Pure and deterministic. */
export function buildReport(input: ReportInput): ReportOutputs {
  const sorted = [...input.definitions].sort((a, b) => byText(a.definition.id, b.definition.id));
  const definitions = sorted.map((d) => d.definition);
  const coverage = computeCoverage(definitions, input.attackData);
  const records = sorted.map((d) =>
    detectionRecord({
      definition: d.definition,
      file: d.file,
      ruleYaml: synthRule(d.definition, input.config, d.file),
      verdict: input.testVerdicts?.get(d.definition.id),
      ...(d.firstCaseFixtureEvents ? { firstCaseFixtureEvents: d.firstCaseFixtureEvents } : {}),
      elastalert: input.config.elastalert,
      engine: input.config.engine,
    }),
  );
  const attackVersion = input.attackData?.version;
  return {
    layer: `${JSON.stringify(navigatorLayer(definitions, input.attackData), null, 2)}\n`,
    html: catalogHtml({ records, coverage, namesKnown: input.attackData !== undefined, ...(attackVersion ? { attackVersion } : {}) }),
    markdown: summaryMarkdown({ records, coverage, testsRead: input.testVerdicts !== undefined, ...(input.baseIds ? { baseIds: input.baseIds } : {}) }),
  };
}
