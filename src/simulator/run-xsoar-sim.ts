import { EXIT, type ExitCode } from '../errors.js';
import { startXsoarSimulator } from './server.js';
import { resolve } from 'node:path';

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
  const simulator = await startXsoarSimulator({ port: options.port ?? 0, store, apiKey, apiKeyId });
  out.write(
    [
      `XSOAR simulator listening on ${simulator.url}`,
      `  XSOAR 6 API: ${simulator.url}   XSOAR 8 API: ${simulator.url}/xsoar/public/v1`,
      `  DEMISTO_BASE_URL=${simulator.url} DEMISTO_API_KEY=${apiKey} (XSOAR 8 style: DEMISTO_API_KEY_ID=${apiKeyId})`,
      store === undefined ? '  incidents are kept in memory' : `  incidents are appended to ${store}`,
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
