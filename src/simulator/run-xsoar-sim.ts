import { EXIT, type ExitCode } from '../errors.js';
import { startXsoarSimulator } from './server.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AlertsmithError } from '../errors.js';
import { contentFromItems, type SimulatorContent } from './xsoar-content.js';

export interface RunXsoarSimOptions {
  /** Folder a relative `store` path is resolved against. */
  cwd: string;
  /**
   * Port to listen on (loopback only).
   * @default 0 (a free port, printed at start)
   */
  port?: number;
  /**
   * JSONL file incidents are appended to (and loaded from at start).
   * @default undefined (memory only)
   */
  store?: string;
  /**
   * API key the simulator accepts.
   * @default 'sim-api-key'
   */
  apiKey?: string;
  /**
   * Key id for XSOAR 8 and advanced keys.
   * @default '1'
   */
  apiKeyId?: string;
  /**
   * Folder of XSOAR content in content-pack form (`IncidentTypes/*.json`, `IncidentFields/*.json`,
   * as `alertsmith build` writes under `<out>/xsoar/`): the incident types and fields the simulator has.
   * @default undefined (none)
   */
  content?: string;
  /** What a create does with a custom field the simulator has no field for. @default 'drop' with `content`, else 'keep' */
  unknownCustomFields?: 'drop' | 'keep';
  /** Where the start-up lines go. @default process.stdout */
  out?: NodeJS.WritableStream;
  /** Resolves when the simulator should stop. @default the first SIGINT or SIGTERM */
  until?: Promise<unknown>;
}

/** `alertsmith xsoar-sim`: serves a local XSOAR stand-in until SIGINT/SIGTERM. */
export async function runXsoarSim(options: RunXsoarSimOptions): Promise<ExitCode> {
  const out = options.out ?? process.stdout;
  const apiKey = options.apiKey ?? 'sim-api-key';
  const apiKeyId = options.apiKeyId ?? '1';
  const store = options.store === undefined ? undefined : resolve(options.cwd, options.store);
  const content = options.content === undefined ? undefined : readContentFolder(resolve(options.cwd, options.content));
  const simulator = await startXsoarSimulator({
    port: options.port ?? 0, store, apiKey, apiKeyId,
    ...(content !== undefined ? { content } : {}),
    ...(options.unknownCustomFields !== undefined ? { unknownCustomFields: options.unknownCustomFields } : {}),
  });
  out.write(
    [
      `XSOAR simulator listening on ${simulator.url}`,
      `  XSOAR 6 API: ${simulator.url}   XSOAR 8 API: ${simulator.url}/xsoar/public/v1`,
      `  DEMISTO_BASE_URL=${simulator.url} DEMISTO_API_KEY=${apiKey} (XSOAR 8 style: DEMISTO_API_KEY_ID=${apiKeyId})`,
      store === undefined ? '  incidents are kept in memory' : `  incidents are appended to ${store}`,
      content === undefined
        ? '  no incident types or custom fields (--content DIR to load some)'
        : `  ${content.incidentTypes.length} incident types and ${content.incidentFields.length} custom fields from ${options.content}`,
      '  press Ctrl+C to stop',
      '',
    ].join('\n'),
  );
  let lastCount = simulator.incidents().length;
  const report = setInterval(() => {
    const incidents = simulator.incidents();
    for (const incident of incidents.slice(lastCount)) {
      out.write(`incident ${incident.id} (${incident.flavour}, ${incident.auth} key): ${String(incident.body.name ?? '')}\n`);
    }
    lastCount = incidents.length;
  }, 250);
  await (options.until ?? firstSignal());
  clearInterval(report);
  await simulator.stop();
  out.write('XSOAR simulator stopped\n');
  return EXIT.ok;
}

function firstSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** Reads the JSON items of `<dir>/IncidentTypes` and `<dir>/IncidentFields` (a missing folder holds none). */
function readContentFolder(dir: string): SimulatorContent {
  const items = (folder: string): unknown[] => {
    let names: string[];
    try {
      names = readdirSync(join(dir, folder)).filter((n) => n.endsWith('.json')).sort();
    } catch (thrown) {
      if ((thrown as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new AlertsmithError('ALERTSMITH_SIM_CONTENT', `cannot read ${join(dir, folder)}: ${(thrown as Error).message}`);
    }
    return names.map((name) => {
      try {
        return JSON.parse(readFileSync(join(dir, folder, name), 'utf8')) as unknown;
      } catch {
        throw new AlertsmithError('ALERTSMITH_SIM_CONTENT', `${join(dir, folder, name)} is not readable JSON`);
      }
    });
  };
  const { content, problems } = contentFromItems(items('IncidentTypes'), items('IncidentFields'));
  if (problems.length > 0) throw new AlertsmithError('ALERTSMITH_SIM_CONTENT', `${dir}: ${problems.join('; ')}`);
  return content;
}
