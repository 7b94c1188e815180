// The types a project's own code sees through `alertsmith` (index.ts, defineAlert, defineConfig),
// in one module apart from the schemas that define them. `npm run build:dist` replaces this
// module's declaration with the same types printed plain (scripts/print-authoring-types.mjs), so
// that an editor or `check` loading a definition never parses zod's declarations or the schemas'
// (together about 0.45 MB of the 0.76 MB a one-definition program parsed; docs/cache.md).
export type { DefinitionInput } from './schema/definition.js';
export type { ConfigInput } from './schema/config.js';
export type { DurationInput } from './schema/duration.js';
export type { FieldPathInput } from './schema/text.js';
export type { FieldType } from './schema/field-types.js';
