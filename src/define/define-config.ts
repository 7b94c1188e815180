import type { ConfigInput } from './authoring-types.js';

/** Declares `alertsmith.config.ts`. Returns its argument unchanged; `alertsmith build` validates it. */
export function defineConfig(config: ConfigInput): ConfigInput {
  return config;
}
