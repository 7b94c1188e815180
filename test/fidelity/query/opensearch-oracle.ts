import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ORACLE_SOURCE = path.join(REPO_ROOT, 'oracle/opensearch');
const CURRENT = path.join(REPO_ROOT, '.cache/opensearch-oracle/current');

/** What the oracle is asked: one index (its settings and mappings), its documents, the queries. */
export interface OracleRequest {
  settings?: Record<string, unknown>;
  mappings: Record<string, unknown>;
  documents: { id: string; source: Record<string, unknown> }[];
  queries: { id: string; query: Record<string, unknown> }[];
}

export interface OracleAnswer {
  engine: string;
  version: string;
  /** Documents the engine refused to index. */
  documents: { id: string; error: string }[];
  results: ({ id: string; matches: string[] } | { id: string; error: string })[];
}

/** Set to 1 where the oracle must be present (CI): a missing oracle then fails instead of skipping. */
export const FIDELITY_REQUIRED = process.env.ALERTSMITH_FIDELITY_REQUIRED === '1';

/**
 * The key scripts/install-opensearch-oracle.sh builds under: sha256 of the pom, then every source
 * file in byte order of its path.
 */
function sourceKey(): string {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(path.relative(ORACLE_SOURCE, p));
    }
  };
  walk(path.join(ORACLE_SOURCE, 'src'));
  files.sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1));
  const hash = createHash('sha256');
  hash.update(readFileSync(path.join(ORACLE_SOURCE, 'pom.xml')));
  for (const f of files) hash.update(readFileSync(path.join(ORACLE_SOURCE, f)));
  return hash.digest('hex').slice(0, 16);
}

/** The oracle's class path, or why it cannot run. */
export function locateOracle(): { classpath: string } | { missing: string } {
  if (!existsSync(CURRENT)) return { missing: 'the OpenSearch oracle is not built (.cache/opensearch-oracle/current is missing)' };
  const [key, classpath] = readFileSync(CURRENT, 'utf8').split('\n');
  if (key !== sourceKey()) return { missing: `the OpenSearch oracle in .cache/ was built from other sources than oracle/opensearch/ (key ${key})` };
  if (classpath === undefined || !existsSync(classpath.split(':')[0]!)) return { missing: `the OpenSearch oracle jar is missing (${classpath})` };
  return { classpath };
}

/** Whether the suite runs: a missing oracle fails under ALERTSMITH_FIDELITY_REQUIRED=1, else skips visibly. */
export function oracleIsUsable(): string | undefined {
  const found = locateOracle();
  if ('classpath' in found) return found.classpath;
  if (FIDELITY_REQUIRED) {
    throw new Error(`${found.missing}; ALERTSMITH_FIDELITY_REQUIRED=1, so this fails: run scripts/install-opensearch-oracle.sh`);
  }
  process.stderr.write(`\nSKIPPING the query fidelity suite: ${found.missing} (run scripts/install-opensearch-oracle.sh)\n`);
  return undefined;
}

/** Runs one JVM with the whole request; resolves with the engine's answer. */
export function askOracle(classpath: string, request: OracleRequest): Promise<OracleAnswer> {
  return new Promise((resolve, reject) => {
    const java = spawn('java', ['-Xms512m', '-Xmx1g', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-cp', classpath, 'dev.alertsmith.oracle.QueryOracle'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    java.stdout.on('data', (b: Buffer) => out.push(b));
    java.stderr.on('data', (b: Buffer) => err.push(b));
    java.on('error', reject);
    java.on('close', (code) => {
      if (code !== 0) {
        const log = Buffer.concat(err).toString('utf8').split('\n').slice(-20).join('\n');
        reject(new Error(`the OpenSearch oracle exited with ${code}:\n${log}`));
        return;
      }
      try {
        resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as OracleAnswer);
      } catch (e) {
        reject(new Error(`the OpenSearch oracle wrote no JSON answer: ${String(e)}`));
      }
    });
    java.stdin.end(JSON.stringify(request));
  });
}
