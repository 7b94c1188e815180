import { appendFile, open, readFile } from 'node:fs/promises';
import { AlertsmithError } from '../errors.js';
import type { StoredIncident } from './contract.js';

/**
 * The simulator's incidents: in memory, and appended as JSONL to `file` when one is given.
 * Ids are decimal strings counting up from 1, continuing after the highest id in the file.
 */
export class IncidentStore {
  private readonly items: StoredIncident[] = [];
  private lastId = 0;
  // Appends are chained so lines never interleave and `add` resolves once its line is on disk.
  private pending: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string | undefined) {}

  static async open(file: string | undefined): Promise<IncidentStore> {
    const store = new IncidentStore(file);
    if (file !== undefined) {
      store.load(file, await readExisting(file));
      await checkAppendable(file);
    }
    return store;
  }

  all(): StoredIncident[] {
    return this.items.map((item) => ({ ...item }));
  }

  async add(body: Record<string, unknown>, flavour: StoredIncident['flavour'], auth: StoredIncident['auth'], droppedCustomFields: string[] = []): Promise<StoredIncident> {
    this.lastId += 1;
    const incident: StoredIncident = { id: String(this.lastId), body, flavour, auth };
    if (droppedCustomFields.length > 0) incident.droppedCustomFields = droppedCustomFields;
    this.items.push(incident);
    if (this.file !== undefined) {
      const file = this.file;
      const written = this.pending.then(() => appendFile(file, `${JSON.stringify(incident)}\n`, 'utf8'));
      // The chain goes on after a failed append; this create fails as a whole.
      this.pending = written.catch(() => undefined);
      try {
        await written;
      } catch (thrown) {
        // Not stored, so not created: a client retrying must not find a phantom incident.
        this.items.splice(this.items.indexOf(incident), 1);
        throw thrown;
      }
    }
    return incident;
  }

  private load(file: string, text: string): void {
    for (const [index, line] of text.split('\n').entries()) {
      if (line.trim() === '') continue;
      const incident = parseLine(line);
      if (incident === undefined) {
        throw new AlertsmithError(
          'ALERTSMITH_SIM_STORE_INVALID',
          `${file}:${index + 1}: not a stored incident line; fix or remove the line, or use another --store file`,
        );
      }
      this.items.push(incident);
      this.lastId = Math.max(this.lastId, Number(incident.id));
    }
  }
}

async function readExisting(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw new AlertsmithError('ALERTSMITH_SIM_STORE_UNREADABLE', `cannot read the store file ${file}: ${(thrown as Error).message}`);
  }
}

/** Refuses at start a store it could not append to, rather than failing every create later. */
async function checkAppendable(file: string): Promise<void> {
  try {
    await (await open(file, 'a')).close();
  } catch (thrown) {
    const code = (thrown as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
    throw new AlertsmithError('ALERTSMITH_SIM_STORE_UNWRITABLE', `cannot write the store file ${file} (${code}): choose a --store path in a folder you can write`);
  }
}

function parseLine(line: string): StoredIncident | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const candidate = value as Record<string, unknown>;
  const valid =
    typeof candidate.id === 'string' &&
    /^\d+$/.test(candidate.id) &&
    typeof candidate.body === 'object' &&
    candidate.body !== null &&
    (candidate.flavour === 'xsoar6' || candidate.flavour === 'xsoar8') &&
    (candidate.auth === 'standard' || candidate.auth === 'advanced');
  if (!valid) return undefined;
  const incident: StoredIncident = { id: candidate.id as string, body: candidate.body as Record<string, unknown>, flavour: candidate.flavour as StoredIncident['flavour'], auth: candidate.auth as StoredIncident['auth'] };
  const dropped = candidate.droppedCustomFields;
  if (Array.isArray(dropped) && dropped.every((d) => typeof d === 'string')) incident.droppedCustomFields = dropped;
  return incident;
}
