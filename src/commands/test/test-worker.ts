// A worker thread of `alertsmith test`: loads, checks and tests its share of the definitions (see test-in-workers.ts).
import { parentPort } from 'node:worker_threads';
import { answerInWorker } from '../../workers/worker-threads.js';
import { testShare } from './test-in-workers.js';

answerInWorker(parentPort!, testShare);
