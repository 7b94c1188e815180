import { AlertsmithError } from '../../../src/errors.js';
import { planIncidents } from '../../../src/incident/incident-body.js';
import type { IncidentMapping } from '../../../src/incident/mapping.js';
import type { CaseSimulation } from '../../../src/commands/test/run-case.js';
import type { HarnessResult } from './elastalert-batch.js';

/**
 * What both sides are compared on: each alert's send time, its matches and the XSOAR incidents
 * the runtime plans from them, or why the rule stopped.
 */
export interface Outcome {
  /** ElastAlert disabled the rule / the simulation failed the case, with the message. */
  stopped?: string;
  alerts: { at: string; matches: Record<string, unknown>[]; incidents: unknown[] }[];
}

const AFTER_NOW = 'after now (aggregation still open)';

function atText(ms: number | null, now: number): string {
  return ms === null || ms > now ? AFTER_NOW : new Date(ms).toISOString();
}

/** Matches as piped, without `_type` (the fake index is a 7.x one; the simulation writes no type). */
function tidy(match: Record<string, unknown>): Record<string, unknown> {
  const { _type, ...rest } = match;
  if (Array.isArray(rest.related_events)) rest.related_events = (rest.related_events as Record<string, unknown>[]).map(tidy);
  return rest;
}

function alertOf(at: string, matches: Record<string, unknown>[], mapping: IncidentMapping): Outcome['alerts'][number] {
  const tidied = matches.map(tidy);
  return { at, matches: tidied, incidents: planIncidents(tidied, mapping).map((i) => i.body) };
}

export function elastAlertOutcome(r: HarnessResult, now: number, mapping: IncidentMapping): Outcome {
  if (r.harness_error !== undefined) throw new Error(`harness failed on ${r.id}: ${r.harness_error}\n${r.trace ?? ''}`);
  if (r.load_error) return { stopped: `does not load: ${r.load_error}`, alerts: [] };
  if (r.disabled || r.uncaught) return { stopped: `disabled: ${r.uncaught ?? 'disabled'}`, alerts: [] };
  return { alerts: (r.alerts ?? []).map((a) => alertOf(atText(Date.parse(a.at), now), a.matches, mapping)) };
}

export function simulationOutcome(run: () => CaseSimulation, mapping: IncidentMapping): Outcome {
  let s: CaseSimulation;
  try {
    s = run();
  } catch (e) {
    if (e instanceof AlertsmithError && /disables this rule/.test(e.message)) return { stopped: `disabled: ${e.message}`, alerts: [] };
    return { stopped: `simulation error: ${e instanceof Error ? e.message : String(e)}`, alerts: [] };
  }
  return { alerts: s.sim.alerts.map((matches, i) => alertOf(atText(s.sim.alertTimes[i] ?? null, s.now), matches, mapping)) };
}

/** Stable JSON: keys sorted, so key order never counts as a difference. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** The first place two outcomes part, in a few readable lines; undefined when they agree. */
export function firstDifference(real: Outcome, sim: Outcome): string | undefined {
  if (real.stopped !== undefined || sim.stopped !== undefined) {
    const bothStopped = real.stopped?.startsWith('disabled') && sim.stopped?.startsWith('disabled');
    if (bothStopped) return undefined;
    return `ElastAlert: ${real.stopped ?? `${real.alerts.length} alert(s)`}\nsimulation: ${sim.stopped ?? `${sim.alerts.length} alert(s)`}`;
  }
  const n = Math.max(real.alerts.length, sim.alerts.length);
  for (let i = 0; i < n; i++) {
    const a = real.alerts[i];
    const b = sim.alerts[i];
    if (a === undefined || b === undefined || canonical(a) !== canonical(b)) {
      return [
        `alerts: ElastAlert ${real.alerts.length}, simulation ${sim.alerts.length}; first difference at alert ${i + 1}`,
        `  ElastAlert: ${a ? describeAlert(a) : '(none)'}`,
        `  simulation: ${b ? describeAlert(b) : '(none)'}`,
        ...(a && b ? fieldDifferences(a, b) : []),
      ].join('\n');
    }
  }
  return undefined;
}

function describeAlert(a: Outcome['alerts'][number]): string {
  return `at ${a.at}: ${a.matches.map((m) => `${String(m._id ?? '-')}@${String(m['@timestamp'])}`).join(', ')}`;
}

function fieldDifferences(a: Outcome['alerts'][number], b: Outcome['alerts'][number]): string[] {
  const out: string[] = [];
  if (a.at !== b.at) out.push(`  sent at: ${a.at} vs ${b.at}`);
  if (canonical(a.matches) === canonical(b.matches) && canonical(a.incidents) !== canonical(b.incidents)) {
    out.push(`  incidents: ${canonical(a.incidents)} vs ${canonical(b.incidents)}`);
  }
  a.matches.forEach((m, j) => {
    const o = b.matches[j];
    if (o === undefined) return;
    for (const k of new Set([...Object.keys(m), ...Object.keys(o)])) {
      if (canonical(m[k]) !== canonical(o[k])) out.push(`  match ${j + 1} ${k}: ${canonical(m[k])} vs ${canonical(o[k])}`);
    }
  });
  return out.slice(0, 6);
}
