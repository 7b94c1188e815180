import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { HARNESS, type ElastAlertLine } from './elastalert-lines.js';

/** What ElastAlert did with the alert(s) of one run: as its writeback index would record it. */
export interface FireOutcome {
  /** One entry per alert ElastAlert sent (or tried to). */
  alerts: { alert_sent: boolean; alert_exception: string | null }[];
  /** An exception escaped the alerter: the daemon would disable the rule (disable_rules_on_error). */
  ruleDisabled: boolean;
  /** ElastAlert's and the runtime's own output, for failure messages. */
  log: string;
}

export interface FireOptions {
  line: ElastAlertLine;
  elastalertConfig: string;
  ruleFile: string;
  /** Documents as Elasticsearch would return them (`_source`), timestamps as ISO text. */
  events: Record<string, unknown>[];
  /** Environment of ElastAlert, which its command alerter passes on to the runtime. */
  env: Record<string, string>;
  /**
   * Successive runs every `everySeconds` until `until`, like the daemon, instead of one run over
   * all events. Needs the harness, also on ElastAlert 2 (its test-rule runs once).
   */
  runs?: { everySeconds: number; until: string };
}

/**
 * Runs a rule over events with a real ElastAlert line and its real command alerter.
 * ElastAlert 2: `elastalert-test-rule --data --alert`. Yelp 0.2.4, whose test-rule is broken on
 * Python 3, and runs over several intervals on either line: the harness drives the line's own
 * loader, rule type and alerters.
 */
export async function fireRule(options: FireOptions): Promise<FireOutcome> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'alertsmith-fire-'));
  try {
    const eventsFile = path.join(scratch, 'events.json');
    writeFileSync(eventsFile, JSON.stringify(options.events));
    const env = { ...options.env, PYTHONIOENCODING: 'utf-8' };
    if (options.line.testRule !== undefined && options.runs === undefined) {
      const run = await execa(
        options.line.testRule,
        ['--config', options.elastalertConfig, '--data', eventsFile, '--alert', '--formatted-output', options.ruleFile],
        { env, reject: false, all: true, timeout: 120_000, cwd: scratch },
      );
      const log = run.all ?? '';
      // The formatted output is the last stdout line; the runtime's own output may come before it.
      const last = run.stdout.trim().split('\n').pop() ?? '';
      if (run.exitCode !== 0 || !last.startsWith('{')) {
        return { alerts: [], ruleDisabled: true, log: `exit ${run.exitCode}\n${log}` };
      }
      // test-rule keeps one writeback document per index: the last alert's. Every case here alerts once.
      const written = (JSON.parse(last) as { writeback?: Record<string, Record<string, unknown>> }).writeback ?? {};
      const alert = written.elastalert;
      const alerts =
        alert === undefined
          ? []
          : [{ alert_sent: alert.alert_sent === true, alert_exception: (alert.alert_exception as string | undefined) ?? null }];
      return { alerts, ruleDisabled: false, log };
    }
    const resultFile = path.join(scratch, 'result.json');
    const run = await execa(
      options.line.python,
      [
        HARNESS,
        ...['--result', resultFile, 'fire', '--config', options.elastalertConfig, '--rule', options.ruleFile, '--events', eventsFile],
        ...(options.runs === undefined ? [] : ['--run-every', String(options.runs.everySeconds), '--until', options.runs.until]),
      ],
      { env, reject: false, all: true, timeout: 120_000, cwd: scratch },
    );
    if (run.exitCode !== 0) throw new Error(`harness failed (exit ${run.exitCode}):\n${run.all}`);
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as {
      alerts: FireOutcome['alerts'];
      uncaught: string | null;
      disabled: boolean;
    };
    const alerts = result.alerts.map(({ alert_sent, alert_exception }) => ({ alert_sent, alert_exception }));
    return { alerts, ruleDisabled: result.uncaught !== null, log: run.all ?? '' };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** What each line's own rules loader made of rule files (`load_configuration`). */
export interface LoadedRule {
  file: string;
  name: string;
  type: string;
  alert: string[];
  command: string[];
  filter: unknown[];
  is_enabled: boolean;
}

export async function loadRules(
  line: ElastAlertLine,
  elastalertConfig: string,
  ruleFiles: string[],
  env: Record<string, string> = {},
): Promise<{ rules: LoadedRule[]; errors: { file: string; error: string }[] }> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'alertsmith-load-'));
  try {
    const resultFile = path.join(scratch, 'result.json');
    const run = await execa(line.python, [HARNESS, '--result', resultFile, 'load', '--config', elastalertConfig, ...ruleFiles], {
      env: { ...env, PYTHONIOENCODING: 'utf-8' },
      reject: false,
      all: true,
      timeout: 120_000,
    });
    if (run.exitCode !== 0) throw new Error(`harness failed (exit ${run.exitCode}):\n${run.all}`);
    return JSON.parse(readFileSync(resultFile, 'utf8'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
