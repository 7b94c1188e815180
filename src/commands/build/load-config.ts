import { existsSync } from 'node:fs';
import path from 'node:path';
import { configSchema, type ResolvedConfig } from '../../define/schema/config.js';
import { schemaIssues } from '../../define/schema-issues.js';
import { AlertsmithError } from '../../errors.js';
import { importTypeScriptModules } from './import-typescript.js';

export const CONFIG_FILE_NAME = 'alertsmith.config.ts';

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The config file, or undefined when the defaults are used. */
  file: string | undefined;
  /** Folder that relative paths of the config are resolved against. */
  root: string;
}

/**
 * Finds and validates the config: `--config`, else `ALERTSMITH_CONFIG`, else
 * `alertsmith.config.ts` in `cwd` if there is one, else the defaults.
 */
export async function loadConfig(cwd: string, flag: string | undefined, env = process.env): Promise<LoadedConfig> {
  const named = flag ?? env.ALERTSMITH_CONFIG;
  const file = named !== undefined ? path.resolve(cwd, named) : path.join(cwd, CONFIG_FILE_NAME);
  if (!existsSync(file)) {
    if (named !== undefined) {
      throw new AlertsmithError('ALERTSMITH_CONFIG_NOT_FOUND', `config file ${named} does not exist`);
    }
    return { config: configSchema.parse({}), file: undefined, root: cwd };
  }
  const [loaded] = await importTypeScriptModules([file], cwd);
  const shown = path.relative(cwd, file) || file;
  if (!loaded!.ok) throw new AlertsmithError('ALERTSMITH_CONFIG_INVALID', `${shown}: ${loaded!.message}`);
  const exported = loaded!.exports.default;
  if (exported === undefined) {
    throw new AlertsmithError('ALERTSMITH_CONFIG_INVALID', `${shown}: the file has no default export: write \`export default defineConfig({ ... })\``);
  }
  const parsed = configSchema.safeParse(exported, { reportInput: true });
  if (!parsed.success) {
    const lines = schemaIssues(parsed.error, { topLevel: 'the config', knownKeys: (at) => (at.length === 0 ? Object.keys(configSchema.shape) : undefined) }).map((i) => `${shown}: ${i.message}${i.fix ? ` (fix: ${i.fix})` : ''}`);
    throw new AlertsmithError('ALERTSMITH_CONFIG_INVALID', `invalid config:\n${lines.join('\n')}`);
  }
  return { config: parsed.data, file, root: path.dirname(file) };
}
