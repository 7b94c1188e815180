/**
 * What alertsmith assumes when the config does not say which platform the rules run on. The
 * config schema and every function that takes these as options default to these two constants.
 * (No zod here: the simulator and the query evaluator import this.)
 */

/** ElastAlert 2, the maintained line. */
export const DEFAULT_ELASTALERT_LINE = '2' as const;

/** Elasticsearch 8. */
export const DEFAULT_SEARCH_ENGINE = 'elasticsearch' as const;
