#!/usr/bin/env node
import { dropOutputToClosedReaders } from '../dist/cli/closed-output.js';
import { main } from '../dist/cli/main.js';

dropOutputToClosedReaders();
process.exitCode = await main(process.argv.slice(2));
