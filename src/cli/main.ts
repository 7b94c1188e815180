import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { AlertsmithError, EXIT } from '../errors.js';
import { packageVersion } from './package-version.js';

/**
 * The `alertsmith` command line. Commands are thin: each parses its flags and calls one exported
 * function of its module, loaded only when that command runs, so `--help` never loads the
 * compiler or ts-morph. Returns the exit code; only bin/alertsmith.js sets it on the process.
 */
export async function main(argv: string[], cwd = process.cwd(), writeErr: (text: string) => void = (text) => void process.stderr.write(text)): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('alertsmith')
    .description('Detection-as-code for ElastAlert and Cortex XSOAR')
    .version(packageVersion(), '-v, --version')
    .exitOverride()
    .configureOutput({ writeErr, outputError: (text) => writeErr(text) })
    .showHelpAfterError('(run alertsmith --help for usage)')
    .addHelpText('after', ENVIRONMENT_HELP);

  program
    .command('build')
    .description('compile definitions into ElastAlert rule YAML')
    .option('--check', 'write nothing; exit 1 if generated files are stale, missing or orphaned')
    .option('--config <file>', 'config file (default: alertsmith.config.ts if present; env ALERTSMITH_CONFIG)')
    .option('--out <dir>', 'output folder (default: the config\'s out, else generated)')
    .option('--strict', 'write nothing when alertsmith check reports errors')
    .option('--no-cache', 'neither reuse nor keep results in node_modules/.cache/alertsmith, nor use a project server')
    .action(async (opts: { check?: boolean; config?: string; out?: string; strict?: boolean; cache: boolean }) => {
      const command = { check: opts.check ?? false, config: opts.config, out: opts.out, strict: opts.strict ?? false };
      const here = async () => (await import('../commands/build/run-build.js')).runBuild({ cwd, ...command, cache: opts.cache });
      // Through the project's server (src/server), unless --no-cache.
      exitCode = opts.cache
        ? await (await import('../server/served-command.js')).runServed(cwd, { kind: 'build', ...command, stderrIsTTY: process.stderr.isTTY === true }, here)
        : await here();
    });

  program
    .command('xsoar-sim')
    .description('serve a local Cortex XSOAR stand-in (XSOAR 6 and 8 APIs) until Ctrl+C')
    .option('--port <n>', 'port on 127.0.0.1 (default: a free one, printed at start)', parsePort)
    .option('--store <file>', 'append created incidents to this JSONL file (and load it at start)')
    .option('--content <dir>', 'serve the incident types and fields of this folder (as build writes generated/xsoar)')
    .option('--unknown-custom-fields <what>', 'drop or keep custom fields it has no field for (default: drop with --content, else keep)', parseUnknownFields)
    .action(async (opts: { port?: number; store?: string; content?: string; unknownCustomFields?: 'drop' | 'keep' }) => {
      const { runXsoarSim } = await import('../simulator/run-xsoar-sim.js');
      exitCode = await runXsoarSim({ cwd, port: opts.port, store: opts.store, content: opts.content, unknownCustomFields: opts.unknownCustomFields });
    });

  program
    .command('xsoar')
    .description('compare the detections with a live Cortex XSOAR')
    .command('diff')
    .description('list the incident types and custom fields the detections use that XSOAR lacks or types differently; exit 1 if any')
    .option('--format <format>', 'pretty, json or github (workflow annotations)', 'pretty')
    .option('--config <file>', 'config file (default: alertsmith.config.ts if present; env ALERTSMITH_CONFIG)')
    .option('--xsoar-config <file>', "the runtime's JSON config file (url, apiKey, apiKeyId, auth, TLS); DEMISTO_* variables win over it")
    .action(async (opts: { format: string; config?: string; xsoarConfig?: string }) => {
      const { runXsoarDiff } = await import('../commands/xsoar-diff/run-xsoar-diff.js');
      exitCode = await runXsoarDiff({ cwd, format: opts.format, config: opts.config, xsoarConfig: opts.xsoarConfig });
    });

  program
    .command('check')
    .description('type-check and lint definitions; exit 1 on error-level findings (writes nothing)')
    .argument('[paths...]', 'definition files or folders (default: the config\'s definitions folder)')
    .option('--format <format>', 'pretty, json, github (workflow annotations) or sarif', 'pretty')
    .option('--config <file>', 'config file (default: alertsmith.config.ts if present; env ALERTSMITH_CONFIG)')
    .option('--no-cache', 'neither reuse nor keep results in node_modules/.cache/alertsmith, nor use a project server')
    .option('--watch', 'check again what a saved file affects, until Ctrl+C')
    .action(async (paths: string[], opts: { format: string; config?: string; cache: boolean; watch?: boolean }) => {
      const { runCheckCommand } = await import('../check/check-command.js');
      exitCode = await runCheckCommand({ cwd, paths, format: opts.format, config: opts.config, cache: opts.cache, watch: opts.watch ?? false });
    });

  program
    .command('test')
    .description('run every detection\'s test cases offline and preview its XSOAR incidents; exit 1 on any failure')
    .argument('[paths...]', 'definition files or folders (default: the config\'s definitions folder)')
    .option('--format <format>', 'pretty, json or junit', 'pretty')
    .option('--require-tests', 'fail detections without a case that fires and a case that does not')
    .option('--config <file>', 'config file (default: alertsmith.config.ts if present; env ALERTSMITH_CONFIG)')
    .option('--no-cache', 'neither reuse nor keep results in node_modules/.cache/alertsmith')
    .option('--watch', 'run again the tests a saved file affects, until Ctrl+C')
    .action(async (paths: string[], opts: { format: string; requireTests?: boolean; config?: string; cache: boolean; watch?: boolean }) => {
      const { runTest } = await import('../commands/test/run-test.js');
      const once = () => runTest({
        cwd,
        paths,
        format: opts.format as 'pretty' | 'json' | 'junit',
        requireTests: opts.requireTests ?? false,
        config: opts.config,
        cache: opts.cache,
      });
      exitCode = opts.watch ? await (await import('../commands/watch/watch-runs.js')).watchUntilInterrupted(cwd, once) : await once();
    });

  program
    .command('import')
    .description('import ElastAlert rule YAML into typed definitions; exit 1 if some rule was not imported')
    .argument('<paths...>', 'ElastAlert rule files, or folders of them (*.yaml, *.yml)')
    .option('--out <dir>', 'folder to write definitions/<id>.ts into', 'definitions')
    .option('--dry-run', 'report what would be imported; write nothing')
    .option('--force', 'overwrite existing definitions')
    .option('--xsoar-type <type>', 'XSOAR incident type for rules without an incident command (email, slack, pySigma output, ...)')
    .option('--sigma <paths...>', 'the Sigma rules the ElastAlert rules were converted from: ATT&CK tags and level')
    .option('--format <format>', 'pretty or json', 'pretty')
    .action(async (paths: string[], opts: { out: string; dryRun?: boolean; force?: boolean; xsoarType?: string; sigma?: string[]; format: string }) => {
      const { runImport } = await import('../commands/import/run-import.js');
      exitCode = await runImport({ cwd, paths, out: opts.out, dryRun: opts.dryRun ?? false, force: opts.force ?? false, xsoarType: opts.xsoarType, sigma: opts.sigma, format: opts.format });
    });

  program
    .command('report')
    .description('write the ATT&CK Navigator layer, the HTML catalog and the markdown summary of the detections')
    .option('--out <dir>', 'output folder, or - for stdout with one --format (default: report)')
    .option('--format <format>', 'html, navigator or markdown (default: all three)')
    .option('--tests <file>', 'test status from `alertsmith test --format json` output')
    .option('--base <dir>', 'the base\'s definitions folder: list new and removed detections')
    .option('--attack-data <file>', 'enterprise-attack.json STIX bundle (default: the config\'s attackData)')
    .option('--config <file>', 'config file (default: alertsmith.config.ts if present; env ALERTSMITH_CONFIG)')
    .action(async (opts: { out?: string; format?: string; tests?: string; base?: string; attackData?: string; config?: string }) => {
      const { runReport } = await import('../commands/report/run-report.js');
      exitCode = await runReport({ cwd, ...opts });
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (thrown) {
    return reportError(thrown, writeErr);
  }
}

function reportError(thrown: unknown, writeErr: (text: string) => void): number {
  if (thrown instanceof CommanderError) {
    // --help and --version end here too, with exit code 0.
    return thrown.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (thrown instanceof AlertsmithError) {
    writeErr(`alertsmith: ${thrown.message} [${thrown.code}]\n`);
    return thrown.exitCode;
  }
  const stack = thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown);
  writeErr(
    `alertsmith: internal error, this is a bug; please report it with the text below\n${stack}\n`,
  );
  return EXIT.internal;
}

function parseUnknownFields(text: string): 'drop' | 'keep' {
  if (text !== 'drop' && text !== 'keep') throw new InvalidArgumentError('expected drop or keep');
  return text;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('expected a port number from 0 to 65535');
  }
  return port;
}

const ENVIRONMENT_HELP = `
Environment:
  ALERTSMITH_CONFIG       config file, when --config is not given
  ALERTSMITH_SERVER=0     check and build each in their own process: no project
                          server (off in CI anyway; =1 turns it on there)
  ALERTSMITH_SERVER_IDLE  seconds a project server waits for a command (600)
  ALERTSMITH_WORKERS      type-checking worker threads of check (0 for none)`;
