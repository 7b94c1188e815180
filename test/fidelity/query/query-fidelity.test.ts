import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { constantKeywordValues } from '../../../src/query/constant-keywords.js';
import { compileDetectionFilter, detectionClauses, type DetectionFilter } from '../../../src/query/detection-query.js';
import { FieldTypes } from '../../../src/query/field-types.js';
import { QueryError } from '../../../src/query/query-error.js';
import { CORPUS_DOCUMENTS, CORPUS_EVENT_FIELDS } from './corpus-documents.js';
import { dslClauses, handWrittenQueries, randomAtoms, type CorpusQuery } from './corpus-queries.js';
import { documentFields, engineMapping } from './engine-mapping.js';
import { askOracle, oracleIsUsable, type OracleAnswer } from './opensearch-oracle.js';
import { randomDslQueries, randomQueries } from './random-queries.js';

// The offline evaluator (OpenSearch target) and an embedded OpenSearch 2.19.6 answer the same
// queries over the same documents and mapping; every disagreement fails the suite.
// ALERTSMITH_FIDELITY_SEED and ALERTSMITH_FIDELITY_CASES choose the random part (CI: the defaults).
const SEED = Number(process.env.ALERTSMITH_FIDELITY_SEED ?? 20260310);
const RANDOM_CASES = Number(process.env.ALERTSMITH_FIDELITY_CASES ?? 400);

interface Case extends CorpusQuery {
  id: string;
  origin: 'corpus' | `random seed ${number}`;
}

type Outcome = { matches: string[] } | { error: string };

const classpath = oracleIsUsable();
const docIds = CORPUS_DOCUMENTS.map((_, i) => `d${String(i).padStart(2, '0')}`);

const cases: Case[] = [
  ...handWrittenQueries().map((q, i): Case => ({ ...q, id: `c${i}`, origin: 'corpus' })),
  ...randomQueries(randomAtoms(), SEED, RANDOM_CASES).map((query, i): Case => ({ query, id: `r${i}`, origin: `random seed ${SEED}` })),
  // Composed only from clauses valid on their own: how an engine reports an error inside a branch
  // its rewriting drops is not what detections depend on.
  ...randomDslQueries(dslClauses().filter((c) => 'matches' in evaluate({ filter: [c] }, Date.now())), SEED, Math.ceil(RANDOM_CASES / 2)).map((clause, i): Case => ({ filter: [clause], id: `rd${i}`, origin: `random seed ${SEED}` })),
];

/** The search ElastAlert sends for a detection: its filter list, `{query: X}` unwrapped, in a bool filter. */
function searchBody(c: CorpusQuery): Record<string, unknown> {
  const clauses = detectionClauses(c).map((clause) => ('query' in clause && Object.keys(clause).length === 1 ? clause.query : clause));
  return { bool: { filter: clauses } };
}

function evaluate(c: CorpusQuery, now: number): Outcome {
  const def: DetectionFilter = { ...c, eventFields: CORPUS_EVENT_FIELDS };
  try {
    const matcher = compileDetectionFilter(def, { now, engine: 'opensearch', indexDocuments: CORPUS_DOCUMENTS });
    return { matches: docIds.filter((_, i) => matcher(CORPUS_DOCUMENTS[i]!)) };
  } catch (e) {
    if (e instanceof QueryError) return { error: `${e.code}: ${e.message}` };
    throw e;
  }
}

function describeCase(c: Case): string {
  if (c.filter === undefined) return `query: ${c.query}`;
  return `${c.query !== undefined ? `query: ${c.query}, ` : ''}filter: ${JSON.stringify(c.filter)}`;
}

describe.skipIf(classpath === undefined)('the offline evaluator answers as OpenSearch 2.19.6 does', () => {
  let answer: OracleAnswer;
  const now = Date.now();

  beforeAll(async () => {
    const types = new FieldTypes(CORPUS_EVENT_FIELDS);
    const mappings = engineMapping(documentFields(CORPUS_DOCUMENTS, types), types, constantKeywordValues(types, CORPUS_DOCUMENTS));
    answer = await askOracle(classpath!, {
      settings: { 'index.mapping.total_fields.limit': 5000 },
      mappings,
      documents: CORPUS_DOCUMENTS.map((source, i) => ({ id: docIds[i]!, source })),
      queries: cases.map((c) => ({ id: c.id, query: searchBody(c) })),
    });
  });

  it('indexes every corpus document (the corpus holds only values the engine accepts)', () => {
    expect(answer.documents).toEqual([]);
  });

  it(`agrees on every query (${cases.length} queries x ${CORPUS_DOCUMENTS.length} documents)`, () => {
    const engine = new Map(answer.results.map((r) => [r.id, r]));
    const problems: string[] = [];
    const counts: Record<string, number> = {};
    let pairsOff = 0;
    for (const c of cases) {
      const want = engine.get(c.id);
      if (want === undefined) throw new Error(`the oracle did not answer ${c.id}`);
      const got = evaluate(c, now);
      let problem: string | undefined;
      if ('error' in want && 'matches' in got) {
        problem = `engine rejects it (${want.error}), the evaluator matches [${got.matches.join(' ')}]`;
        pairsOff += docIds.length;
        counts['engine rejects, evaluator answers'] = (counts['engine rejects, evaluator answers'] ?? 0) + 1;
      } else if ('matches' in want && 'error' in got) {
        problem = `the evaluator refuses it (${got.error}), the engine matches [${want.matches.join(' ')}]`;
        pairsOff += docIds.length;
        counts['evaluator refuses, engine answers'] = (counts['evaluator refuses, engine answers'] ?? 0) + 1;
      } else if ('matches' in want && 'matches' in got) {
        const extra = got.matches.filter((d) => !want.matches.includes(d));
        const missing = want.matches.filter((d) => !got.matches.includes(d));
        pairsOff += extra.length + missing.length;
        if (extra.length + missing.length > 0) {
          problem = `the evaluator also matches [${extra.join(' ')}] and misses [${missing.join(' ')}] (engine: [${want.matches.join(' ')}])`;
          counts['different documents'] = (counts['different documents'] ?? 0) + 1;
        }
      }
      if (problem !== undefined) problems.push(`${c.id} (${c.origin}) ${describeCase(c)}\n    ${problem}`);
    }
    const pairs = cases.length * CORPUS_DOCUMENTS.length;
    process.stderr.write(`\nquery fidelity: ${cases.length} queries x ${CORPUS_DOCUMENTS.length} documents = ${pairs} pairs; ${problems.length} queries disagree ${JSON.stringify(counts)}, ${pairsOff} pairs\n`);
    // ALERTSMITH_FIDELITY_REPORT=<file>: every disagreement, not only the first 40.
    if (process.env.ALERTSMITH_FIDELITY_REPORT) writeFileSync(process.env.ALERTSMITH_FIDELITY_REPORT, `${problems.join('\n')}\n`);
    if (problems.length > 0) {
      expect.fail(`${problems.length} of ${cases.length} queries disagree with OpenSearch ${answer.version}:\n${problems.slice(0, 40).join('\n')}${problems.length > 40 ? `\n... and ${problems.length - 40} more` : ''}`);
    }
  });

  it('the corpus is large enough to mean something (>= 500 hand-written queries, >= 12,000 pairs)', () => {
    const handWritten = cases.filter((c) => c.origin === 'corpus').length;
    expect(handWritten).toBeGreaterThanOrEqual(500);
    expect(handWritten * CORPUS_DOCUMENTS.length).toBeGreaterThanOrEqual(12_000);
  });
});
