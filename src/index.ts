// The authoring API: what definition modules and alertsmith.config.ts import.
export { defineAlert } from './define/define-alert.js';
export { defineConfig } from './define/define-config.js';
export type { DefinitionInput as AlertDefinition, Definition } from './define/schema/definition.js';
export type { ConfigInput as AlertsmithConfig } from './define/schema/config.js';
export type { DurationInput } from './define/schema/duration.js';
export type { DurationMapping } from './duration.js';
export type { CustomEventFields, DocumentField, MatchField } from './define/field-paths.js';
export type { FieldType } from './define/schema/field-types.js';
export type { Severity, SeverityName, SeverityNumber } from './incident/severity.js';
