// The `alertsmith-incident` executable (bundled to dist/alertsmith-incident.mjs). Delivery runs
// many small file operations at once (claims, ledger, spool fsyncs): a larger libuv pool lets
// them run side by side. It must be set before the first asynchronous file operation, hence here.
process.env.UV_THREADPOOL_SIZE ??= '16';

const { runIncidentCli } = await import('./cli.js');
const { fdSink } = await import('./fd-io.js');
const exitCode = await runIncidentCli({
  argv: process.argv.slice(2),
  stdinFd: 0,
  stdout: fdSink(1),
  stderr: fdSink(2, true),
  env: process.env,
});
// Everything is written (output and logs are synchronous writes); a socket or timer still open
// must not keep ElastAlert waiting past the deadline.
process.exit(exitCode);
