/**
 * Differential suite: `alertsmith test`'s rule-type simulation against each real ElastAlert line's
 * own code (load_configuration, init_rule, handle_rule_execution once a minute, the rule type's
 * garbage_collect, realert and aggregation; only the clock and Elasticsearch faked), on seeded
 * random cases. Any disagreement fails, printed with the seed and case to reproduce it.
 *
 *   ALERTSMITH_FIDELITY_SEED=<n>     another seed (default 20261128, what CI runs)
 *   ALERTSMITH_FIDELITY_CASES=<n>    cases per line (default 540: 60 of each rule type)
 *   ALERTSMITH_FIDELITY_REQUIRED=1   a missing ElastAlert line fails instead of skipping (CI)
 *   ALERTSMITH_FIDELITY_TYPES=a,b    only these rule types (exploring)
 *   ALERTSMITH_FIDELITY_DUMP=<dir>   also write each line's harness input there, as JSON lines, to
 *                                    replay a case by hand: python3 harness/fidelity_harness.py < file
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { incidentMappingOf } from '../../../src/compile/incident-mapping.js';
import { compileRule } from '../../../src/compile/rule-object.js';
import { ruleToYaml } from '../../../src/compile/rule-yaml.js';
import { configSchema, type ElastAlertLine } from '../../../src/define/schema/config.js';
import { validateDefinition } from '../../../src/define/validate-definition.js';
import type { IncidentMapping } from '../../../src/incident/mapping.js';
import { runEnds } from '../../../src/simulate/simulate-rule.js';
import { caseSpan, simulateCase } from '../../../src/commands/test/run-case.js';
import { ELASTALERT_LINES } from '../../e2e/elastalert-lines.js';
import { elastAlertOutcome, firstDifference, simulationOutcome, type Outcome } from './case-comparison.js';
import { generateCases, type GeneratedCase } from './case-generator.js';
import { runElastAlertBatch, type HarnessCase } from './elastalert-batch.js';

const SEED = Number(process.env.ALERTSMITH_FIDELITY_SEED ?? 20261128);
const CASES = Number(process.env.ALERTSMITH_FIDELITY_CASES ?? 540);
const REQUIRED = process.env.ALERTSMITH_FIDELITY_REQUIRED === '1';
const TYPES = process.env.ALERTSMITH_FIDELITY_TYPES?.split(',');
const DUMP = process.env.ALERTSMITH_FIDELITY_DUMP;
const RUN_EVERY = 60_000;

/** Each config setting against its own line. */
const LINES: { setting: ElastAlertLine; line: (typeof ELASTALERT_LINES)[number] }[] = [
  { setting: '0.2', line: ELASTALERT_LINES.find((l) => l.label.includes('0.2.4'))! },
  { setting: '2', line: ELASTALERT_LINES.find((l) => l.label.includes('2.31'))! },
];

interface Prepared {
  generated: GeneratedCase;
  harness: HarnessCase;
  sim: Outcome;
  now: number;
  mapping: IncidentMapping;
}

function prepare(generated: GeneratedCase, setting: ElastAlertLine): Prepared {
  const config = configSchema.parse({ elastalert: setting });
  const validation = validateDefinition(generated.definition, generated.id, config);
  if (!validation.ok) throw new Error(`generated case ${generated.id} is not a valid definition: ${JSON.stringify(validation.issues)}`);
  const def = validation.definition;
  const testCase = { now: generated.now, history: generated.history };
  const span = caseSpan(def, testCase, generated.events);
  const mapping = incidentMappingOf(def);
  const sim = simulationOutcome(() => simulateCase(def, testCase, generated.events, setting), mapping);
  const iso = (ms: number): string => new Date(ms).toISOString();
  return {
    generated,
    sim,
    now: span.now,
    mapping,
    harness: {
      id: generated.id,
      rule_yaml: ruleToYaml(compileRule(def, config), ''),
      index: def.index!,
      timestamp_field: def.timestamp_field!,
      events: generated.events,
      history: generated.history,
      load_at: iso(span.start),
      run_ends: runEnds(span.start, span.now, RUN_EVERY).map(iso),
      flush_at: iso(span.now + 3_600_000),
    },
  };
}

function report(p: Prepared, difference: string, setting: ElastAlertLine): string {
  const g = p.generated;
  return [
    `case ${g.id} (${String(g.definition.type)}), reproduce with ALERTSMITH_FIDELITY_SEED=${SEED} ALERTSMITH_FIDELITY_CASES=${CASES}, elastalert: '${setting}'`,
    difference,
    `  definition: ${JSON.stringify(Object.fromEntries(Object.entries(g.definition).filter(([k]) => !['id', 'name', 'description', 'index', 'xsoar'].includes(k))))}`,
    `  now: ${g.now}`,
    `  events: ${g.events.map((e) => JSON.stringify(e)).join('\n          ')}`,
    ...(g.history.length > 0 ? [`  history: ${g.history.map((e) => JSON.stringify(e)).join('\n           ')}`] : []),
  ].join('\n');
}

for (const { setting, line } of LINES) {
  describe(`rule types on ${line.label} (elastalert: '${setting}')`, () => {
    if (line.missing !== undefined && !REQUIRED) {
      process.stderr.write(`\nSKIPPING the rule-type fidelity suite on ${line.label}: ${line.missing} (run scripts/install-elastalert.sh)\n`);
    }
    it.skipIf(line.missing !== undefined && !REQUIRED)(`the simulation alerts exactly as ElastAlert does on ${CASES} cases from seed ${SEED}`, async () => {
      if (line.missing !== undefined) throw new Error(`${line.label}: ${line.missing}; ALERTSMITH_FIDELITY_REQUIRED=1, so this fails: run scripts/install-elastalert.sh`);
      const began = Date.now();
      const generated = generateCases(SEED, CASES).filter((g) => TYPES === undefined || TYPES.includes(String(g.definition.type)));
      const prepared = generated.map((g) => prepare(g, setting));
      if (DUMP !== undefined) writeFileSync(path.join(DUMP, `elastalert-${setting}.jsonl`), prepared.map((p) => JSON.stringify(p.harness)).join('\n') + '\n');
      const results = await runElastAlertBatch(line.python, prepared.map((p) => p.harness));
      const disagreements: string[] = [];
      const byType = new Map<string, number>();
      const shapes = { alerting: 0, quiet: 0, disabled: 0 };
      prepared.forEach((p, i) => {
        const real = elastAlertOutcome(results[i]!, p.now, p.mapping);
        shapes[real.stopped !== undefined ? 'disabled' : real.alerts.length > 0 ? 'alerting' : 'quiet']++;
        const difference = firstDifference(real, p.sim);
        if (difference === undefined) return;
        const type = String(p.generated.definition.type);
        byType.set(type, (byType.get(type) ?? 0) + 1);
        disagreements.push(report(p, difference, setting));
      });
      process.stderr.write(`\nrule-type fidelity on ${line.label}: ${prepared.length} cases from seed ${SEED} (ElastAlert alerts on ${shapes.alerting}, stays quiet on ${shapes.quiet}, disables the rule on ${shapes.disabled}), ${disagreements.length} disagreements, ${((Date.now() - began) / 1000).toFixed(1)} s\n`);
      if (disagreements.length > 0) {
        const summary = [...byType].map(([t, n]) => `${t}: ${n}`).join(', ');
        process.stderr.write(`\n${disagreements.length} of ${prepared.length} cases disagree on ${line.label} (${summary})\n\n${disagreements.join('\n\n')}\n`);
      }
      expect(disagreements.slice(0, 3), `${disagreements.length} of ${prepared.length} cases disagree (${[...byType].map(([t, n]) => `${t}: ${n}`).join(', ')})`).toEqual([]);
    });
  });
}
