// The `alertsmith-incident` executable (bundled to dist/alertsmith-incident.mjs). Spooling
// fsyncs many small files at once: a larger libuv pool lets those run side by side. It must be
// set before the first asynchronous file operation, hence here.
process.env.UV_THREADPOOL_SIZE ??= '16';

const { runIncidentCli } = await import('./cli.js');
const { fdSink } = await import('./fd-io.js');
process.exitCode = await runIncidentCli({
  argv: process.argv.slice(2),
  stdinFd: 0,
  stdout: fdSink(1),
  stderr: fdSink(2),
  env: process.env,
});
