// A worker thread of `alertsmith check`: type-checks its share of the definitions in a program of
// its own and answers what it found (see type-check-workers.ts).
import { parentPort } from 'node:worker_threads';
import { answerInWorker } from '../workers/worker-threads.js';
import { typeCheckShare } from './type-check-share.js';

answerInWorker(parentPort!, typeCheckShare);
