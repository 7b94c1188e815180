import { AlertsmithError, EXIT } from '../errors.js';

/**
 * A query the offline evaluator cannot answer faithfully: an unsupported construct, a field of
 * unknown type, a value Elasticsearch itself would reject. Never a silent pass or fail.
 */
export class QueryError extends AlertsmithError {
  constructor(code: QueryErrorCode, message: string) {
    super(code, message, EXIT.failed);
  }
}

/** A query_string that does not parse, with where: Elasticsearch answers 400 to it on every run. */
export class QuerySyntaxError extends QueryError {
  constructor(
    readonly query: string,
    /** Offset of the character where parsing stopped. */
    readonly position: number,
    /** What was expected there, in words. */
    readonly reason: string,
  ) {
    super('ALERTSMITH_QUERY_SYNTAX', `query ${JSON.stringify(query)} does not parse at character ${position + 1}: ${reason}`);
  }
}

export type QueryErrorCode =
  /** The query text does not parse (Elasticsearch would answer 400). */
  | 'ALERTSMITH_QUERY_SYNTAX'
  /** A construct the evaluator does not implement. */
  | 'ALERTSMITH_QUERY_UNSUPPORTED'
  /** A field neither ECS nor the definition's `eventFields` types. */
  | 'ALERTSMITH_FIELD_TYPE_UNKNOWN'
  /** A value the field's type cannot take (Elasticsearch would reject the query or the document). */
  | 'ALERTSMITH_QUERY_VALUE';

export function unsupported(construct: string, hint?: string): QueryError {
  return new QueryError(
    'ALERTSMITH_QUERY_UNSUPPORTED',
    `${construct} is not supported by the offline evaluator${hint ? `: ${hint}` : ''}`,
  );
}
