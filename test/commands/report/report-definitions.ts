import { configSchema } from '../../../src/define/schema/config.js';
import type { Definition } from '../../../src/define/schema/definition.js';
import { validateDefinition } from '../../../src/define/validate-definition.js';

export const CONFIG = configSchema.parse({});

/** A validated definition of type `any`, with `extra` over its defaults. */
export function definition(id: string, extra: Record<string, unknown> = {}): Definition {
  const result = validateDefinition(
    { id, name: `Detection ${id}`, description: 'A detection.', index: 'logs-*', type: 'any', xsoar: { type: 'T', severity: 'low' }, ...extra },
    id,
    CONFIG,
  );
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '));
  return result.definition;
}
