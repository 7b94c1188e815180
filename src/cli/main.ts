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
    .showHelpAfterError('(run alertsmith --help for usage)');

  program
    .command('build')
    .description('compile definitions into ElastAlert rule YAML')
    .option('--check', 'write nothing; exit 1 if generated files are stale, missing or orphaned')
    .option('--config <file>', 'config file (default: alertsmith.config.ts if present; env ALERTSMITH_CONFIG)')
    .option('--out <dir>', 'output folder (default: the config\'s out, else generated)')
    .option('--strict', 'write nothing when alertsmith check reports errors')
    .option('--no-cache', 'neither reuse nor keep results in node_modules/.cache/alertsmith')
    .action(async (opts: { check?: boolean; config?: string; out?: string; strict?: boolean; cache: boolean }) => {
      const { runBuild } = await import('../commands/build/run-build.js');
      exitCode = await runBuild({ cwd, check: opts.check ?? false, config: opts.config, out: opts.out, strict: opts.strict ?? false, cache: opts.cache });
    });

  program
    .command('xsoar-sim')
    .description('serve a local Cortex XSOAR stand-in (XSOAR 6 and 8 APIs) until Ctrl+C')
    .option('--port <n>', 'port on 127.0.0.1 (default: a free one, printed at start)', parsePort)
    .option('--store <file>', 'append created incidents to this JSONL file (and load it at start)')
    .action(async (opts: { port?: number; store?: string }) => {
      const { runXsoarSim } = await import('../simulator/run-xsoar-sim.js');
      exitCode = await runXsoarSim({ cwd, port: opts.port, store: opts.store });
    });

  program
    .command('check')
    .description('type-check and lint definitions; exit 1 on error-level findings (writes nothing)')
    .argument('[paths...]', 'definition files or folders (default: the config\'s definitions folder)')
    .option('--format <format>', 'pretty, json, github (workflow annotations) or sarif', 'pretty')
    .option('--config <file>', 'config file (default: alertsmith.config.ts if present; env ALERTSMITH_CONFIG)')
    .option('--no-cache', 'neither reuse nor keep results in node_modules/.cache/alertsmith')
    .option('--watch', 'check again what a saved file affects, until Ctrl+C')
    .action(async (paths: string[], opts: { format: string; config?: string; cache: boolean; watch?: boolean }) => {
      const { runCheck } = await import('../check/run-check.js');
      const once = () => runCheck({ cwd, paths, format: opts.format, config: opts.config, cache: opts.cache });
      exitCode = opts.watch ? await (await import('../commands/watch/watch-runs.js')).watchUntilInterrupted(cwd, once) : await once();
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

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('expected a port number from 0 to 65535');
  }
  return port;
}
