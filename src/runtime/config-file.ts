import { fs } from './builtins.js';
import { checkConfigFile, type RuntimeConfigFile } from './runtime-config.js';
import { AlertsmithError } from '../errors.js';

/**
 * Reads `--config FILE`. A file that group or others can read is refused: it may hold the API
 * key, and a key readable by every local user is a leaked key.
 */
export function readConfigFile(path: string): RuntimeConfigFile {
  let mode: number;
  try {
    mode = fs.statSync(path).mode;
  } catch {
    throw new AlertsmithError('ALERTSMITH_CONFIG_UNREADABLE', `cannot read config file ${path}: it does not exist or is not accessible`);
  }
  if ((mode & 0o077) !== 0) {
    throw new AlertsmithError(
      'ALERTSMITH_CONFIG_UNSAFE',
      `config file ${path} is readable by others (mode ${(mode & 0o777).toString(8)}); it may hold the API key: run chmod 600 ${path}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(path, 'utf8'));
  } catch {
    throw new AlertsmithError('ALERTSMITH_CONFIG_INVALID', `config file ${path} is not valid JSON`);
  }
  return checkConfigFile(parsed, path);
}
