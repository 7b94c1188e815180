// The authoring API: what definition modules and alertsmith.config.ts import.
export { defineAlert } from './define/define-alert.js';
export { defineConfig } from './define/define-config.js';
export type { DefinitionInput as AlertDefinition, ConfigInput as AlertsmithConfig, DurationInput, FieldType } from './define/authoring-types.js';
export type { DurationMapping } from './duration.js';
export type { CustomEventFields, DocumentField, MatchField } from './define/field-paths.js';
export type { Severity, SeverityName, SeverityNumber } from './incident/severity.js';
