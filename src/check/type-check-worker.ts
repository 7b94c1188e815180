// A worker thread of `alertsmith check`: type-checks its share of the definitions in a program of
// its own and answers what it found (see type-check-workers.ts). ts-morph is loaded with the code
// cache first, so type-check-share is imported only then.
import { parentPort } from 'node:worker_threads';
import { saveCodeCache } from '../cache/compile-cache.js';
import { answerInWorker } from '../workers/worker-threads.js';
import type { TypeCheckShareInput } from './type-check-share.js';
import { preloadTsMorph } from './ts-morph-code-cache.js';

answerInWorker(parentPort!, async (input: TypeCheckShareInput) => {
  preloadTsMorph(input.cwd, input.codeCache !== true);
  const { typeCheckShare } = await import('./type-check-share.js');
  const result = typeCheckShare(input);
  saveCodeCache('type-checked');
  return result;
});
