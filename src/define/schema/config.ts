import { z } from 'zod';
import { durationSchema } from './duration.js';
import { fieldPath } from './text.js';
import { DEFAULT_ELASTALERT_LINE, DEFAULT_SEARCH_ENGINE } from '../platform-defaults.js';

/**
 * Where the ElastAlert host runs `alertsmith-incident`: written, as constants, into every `command:`.
 * Either Node.js and the bundled script (`node`, `script`), or the single executable
 * (`executable`, built by `npm run build:exe`), which holds its own Node.
 */
const runtimeSchema = z
  .strictObject({
    /** Node.js on the ElastAlert host. @default '/usr/bin/node' (unless `executable` is set) */
    node: z.string().min(1).optional(),
    /** The bundled runtime on the ElastAlert host. @default '/opt/alertsmith/alertsmith-incident.mjs' (unless `executable` is set) */
    script: z.string().min(1).optional(),
    /** The single-executable runtime on the ElastAlert host, run directly, e.g. '/opt/alertsmith/alertsmith-incident'; excludes `node` and `script`. */
    executable: z.string().min(1).optional(),
    /** Further constant arguments, e.g. `['--config', '/etc/alertsmith/xsoar.json']`. Never a secret. @default [] */
    args: z.array(z.string()).default([]),
  })
  .superRefine((runtime, ctx) => {
    if (runtime.executable === undefined) return;
    for (const key of ['node', 'script'] as const) {
      if (runtime[key] === undefined) continue;
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `runtime.${key} cannot be combined with runtime.executable: the executable runs without Node.js; remove runtime.${key}, or remove runtime.executable to run the script with Node`,
      });
    }
  })
  .transform(({ node, script, executable, args }): { node: string; script: string; args: string[] } | { executable: string; args: string[] } =>
    executable !== undefined ? { executable, args } : { node: node ?? '/usr/bin/node', script: script ?? '/opt/alertsmith/alertsmith-incident.mjs', args },
  );

/** Values every definition gets unless it sets its own. */
const defaultsSchema = z.strictObject({
  /** Elasticsearch index pattern. */
  index: z.string().min(1).optional(),
  /** @default { minutes: 1 } (ElastAlert's own default, written out explicitly) */
  realert: durationSchema.optional(),
  /** @default '@timestamp' */
  timestamp_field: fieldPath.optional(),
  /** Detection owner. */
  owner: z.string().min(1).optional(),
});

/** `alertsmith check` settings. */
const checkSchema = z.strictObject({
  /** Lint rule levels by rule id: `'off'`, `'warning'` or `'error'`. @default {} (each rule at its own level) */
  rules: z.record(z.string(), z.enum(['off', 'warning', 'error'])).default({}),
});

/** The search engine the rules run on, where Elasticsearch 8 and OpenSearch answer a query differently. */
export const searchEngineSchema = z.enum(['elasticsearch', 'opensearch']);
export type SearchEngine = z.infer<typeof searchEngineSchema>;

/** `alertsmith.config.ts`: where definitions are, where rules go, how the runtime is called. */
export const configSchema = z.strictObject({
  /** Folder of definition modules, searched recursively. @default 'definitions' */
  definitions: z.string().min(1).default('definitions'),
  /** Folder of generated ElastAlert rules. @default 'generated' */
  out: z.string().min(1).default('generated'),
  runtime: runtimeSchema.default(() => runtimeSchema.parse({})),
  defaults: defaultsSchema.default({}),
  /**
   * The engine ElastAlert searches: `alertsmith test` evaluates queries with its semantics
   * (see docs/testing.md for the differences). @default 'elasticsearch' (Elasticsearch 8)
   */
  engine: searchEngineSchema.default(DEFAULT_SEARCH_ENGINE),
  /** Settings of `alertsmith check`, e.g. `{ rules: { 'realert-flood': 'off' } }`. @default { rules: {} } */
  check: checkSchema.default({ rules: {} }),
  /** The ElastAlert line the rules run on, which `alertsmith test` simulates where the lines differ: ElastAlert 2 or Yelp ElastAlert 0.2.x. @default '2' */
  elastalert: z.enum([DEFAULT_ELASTALERT_LINE, '0.2']).default(DEFAULT_ELASTALERT_LINE),
  /**
   * MITRE's Enterprise ATT&CK STIX bundle (`enterprise-attack.json`), saved in the project: with it,
   * `alertsmith report` names techniques and shows what is not covered, and `alertsmith check`
   * warns about technique ids ATT&CK does not have. @default none (technique ids only)
   */
  attackData: z.string().min(1).optional(),
});

/** An ElastAlert line: '2' (ElastAlert 2, maintained) or '0.2' (Yelp ElastAlert 0.2.4). */
export type ElastAlertLine = ResolvedConfig['elastalert'];

/** The config as a user writes it. */
export type ConfigInput = z.input<typeof configSchema>;
/** The config with every default filled in. */
export type ResolvedConfig = z.output<typeof configSchema>;
