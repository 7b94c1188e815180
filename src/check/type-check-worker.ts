// A worker thread of `alertsmith check`: type-checks its share of the definitions in a program of
// its own and posts back what it found (see type-check.ts).
import { parentPort } from 'node:worker_threads';
import { typeCheckShare, type TypeCheckShareInput } from './type-check-share.js';

parentPort!.once('message', (input: TypeCheckShareInput) => {
  try {
    const { findings, programFiles, importsOf } = typeCheckShare(input);
    parentPort!.postMessage({ ok: true, result: { findings, programFiles, importsOf } });
  } catch (thrown) {
    parentPort!.postMessage({ ok: false, message: thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown) });
  }
});
