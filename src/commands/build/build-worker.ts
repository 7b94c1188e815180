// A worker thread of `alertsmith build`: loads, checks and compiles its share of the definitions (see build-in-workers.ts).
import { parentPort } from 'node:worker_threads';
import { answerInWorker } from '../../workers/worker-threads.js';
import { buildShare } from './build-in-workers.js';

answerInWorker(parentPort!, buildShare);
