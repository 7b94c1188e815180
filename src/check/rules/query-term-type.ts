import { fieldCondition } from '../../query/field-conditions.js';
import { QueryError } from '../../query/query-error.js';
import { leafCondition } from '../../query/query-string.js';
import { clauseText, definitionQuery } from '../definition-query.js';
import type { LintRule } from '../lint-rule.js';
import { rangeInString } from '../string-target.js';

/** What to write instead, by the field's kind. */
const HINTS: Record<string, string> = {
  ip: 'compare addresses or CIDR blocks: source.ip:"10.0.0.0/8", source.ip:[10.0.0.0 TO 10.0.0.255]',
  integer: 'compare numbers or ranges: destination.port:[8000 TO 8999]',
  float: 'compare numbers or ranges: event.risk_score:>=50',
  date: 'compare dates or ranges: @timestamp:[2026-01-01 TO now]',
  boolean: 'compare with true or false',
};

/**
 * Under ElastAlert's default field `*`, Elasticsearch is lenient: a term its field's type cannot
 * take (`source.ip:10.*`, `destination.port:abc`) is skipped silently and the clause matches
 * nothing. The offline evaluator's own type rules decide what can never match.
 */
export const queryTermType: LintRule = {
  id: 'query-term-type',
  level: 'warning',
  doc: 'Every term of the query can match its field\'s type; one that cannot silently matches nothing.',
  checkDefinition({ source, config, report }) {
    const query = definitionQuery(source);
    if (!query) return;
    for (const leaf of query.leaves) {
      const name = leaf.field;
      if (name === undefined || name === '_exists_' || name.includes('*') || name.includes('?')) continue;
      if (leaf.kind === 'term' && leaf.words > 1) continue; // query-term-whitespace says it better
      const field = query.types.find(name);
      if (!field) continue; // unknown-field reports it
      try {
        fieldCondition(field, leafCondition(leaf, 'OR'), { now: 0, engine: config.engine });
      } catch (e) {
        if (!(e instanceof QueryError) || e.code !== 'ALERTSMITH_QUERY_VALUE') continue;
        report({
          target: rangeInString(query.literal.node, leaf.pos, leaf.end),
          message: `${clauseText(query, leaf)} can never match ${field.type} field "${field.name}": Elasticsearch skips it silently and the clause matches nothing`,
          fix: HINTS[field.kind] ?? `query a keyword field, or compare with a value of type ${field.type}`,
        });
      }
    }
  },
};
