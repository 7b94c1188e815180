// What a user waits for in `alertsmith <command> --watch`: from saving a file to the end of the
// run it starts (the watch's 100 ms settle included), as the CLI prints "watching for changes".
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const IDLE = /watching for changes[^\n]*\n$/;

/**
 * Starts `node cli command --watch` in dir, saves `file` `saves` times (each edit changes the text
 * `edit` returns), one after the other once the last run ended, and answers each save's wall ms.
 */
export async function watchLatency({ cli, dir, command, file, saves, edit }) {
  const child = spawn(process.execPath, [cli, command, '--watch'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  let idle;
  child.stdout.on('data', (chunk) => {
    output += chunk;
    if (idle && IDLE.test(output)) idle();
  });
  const nextIdle = () => new Promise((resolve) => (IDLE.test(output) ? resolve() : (idle = resolve)));
  try {
    await nextIdle();
    const times = [];
    for (let i = 0; i < saves; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250)); // a pause, as between a user's saves
      output = '';
      const done = nextIdle();
      const started = performance.now();
      writeFileSync(file, edit(readFileSync(file, 'utf8'), i));
      await done;
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    // Stopped and gone before the next figure is measured.
    const exited = child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
  }
}
