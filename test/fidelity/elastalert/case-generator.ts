/**
 * Seeded random cases for the rule-type fidelity suite: a definition of one simulated rule type
 * and an event stream shaped to reach the corners where the simulation and ElastAlert could part:
 * bursts, gaps longer than buffer_time, equal and out-of-order timestamps, events on run and
 * window edges, microsecond times, missing and null keys, `true`/`1` keys, arrays, nested and
 * dotted fields, and history (inside and outside terms_window_size) for new_term.
 */
import { seededRandom } from '../../../src/seeded-random.js';

export interface GeneratedCase {
  /** `<seed>:<index>`: enough to regenerate it. */
  id: string;
  definition: Record<string, unknown>;
  events: Record<string, unknown>[];
  history: Record<string, unknown>[];
  /** The case's clock: the simulated runs end here. */
  now: string;
}

export const RULE_TYPES = ['any', 'blacklist', 'whitelist', 'change', 'frequency', 'spike', 'flatline', 'new_term', 'cardinality'] as const;

const T0 = Date.parse('2026-01-05T10:00:00Z');
const MINUTE = 60_000;

class Pick {
  constructor(readonly random: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.random() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  one<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }
}

/** Text of a time: whole seconds as `...Z`, sometimes with milliseconds or microseconds, a `+02:00` offset or none. */
function timeText(ms: number, micros: number | undefined, zone: 'Z' | '+02:00' | '' = 'Z'): string {
  if (zone === '+02:00') return `${timeText(ms + 2 * 3_600_000, micros).slice(0, -1)}+02:00`;
  if (zone === '') return timeText(ms, micros).slice(0, -1);
  const iso = new Date(ms).toISOString();
  if (micros !== undefined) return `${iso.slice(0, 19)}.${String((ms % 1000) * 1000 + micros).padStart(6, '0')}Z`;
  return ms % 1000 === 0 ? iso.replace('.000Z', 'Z') : iso;
}

/** Event times (ms): bursts, gaps, equal times, minute and window edges. */
function eventTimes(p: Pick, windowMs: number): number[] {
  const n = p.int(1, 22);
  const times: number[] = [];
  let t = T0 + p.int(0, 59) * 1000;
  for (let i = 0; i < n; i++) {
    times.push(t);
    const step = p.random();
    if (step < 0.25) t += p.int(0, 3) * 1000; // burst (0: the same time)
    else if (step < 0.55) t += p.int(10, 120) * 1000;
    else if (step < 0.7) t += windowMs; // exactly one window later
    else if (step < 0.8) t = Math.ceil((t + 1) / MINUTE) * MINUTE; // on a run's end
    else if (step < 0.9) t += p.int(3, 15) * MINUTE;
    else t += p.int(46, 70) * MINUTE; // a gap longer than buffer_time
  }
  return times;
}

const USERS = ['alice', 'bob', 'carol'];
const HOSTS = ['h1', 'h2'];

/** A value for a key field: mostly a few strings, sometimes the Python-equal `true`/`1`, null, missing, an array. */
function keyValue(p: Pick, strings: readonly string[], odd: boolean): unknown {
  const r = p.random();
  if (!odd || r < 0.7) return p.one(strings);
  if (r < 0.76) return null;
  if (r < 0.82) return undefined;
  if (r < 0.86) return p.one([true, 1, false, 0]);
  if (r < 0.95) return '';
  return [p.one(strings), p.one(strings)];
}

/** Sets a dotted field nested (`{user: {name}}`), as a literal dotted key, or in an array of objects (`{user: [{name}]}`). */
function setField(doc: Record<string, unknown>, path: string, value: unknown, dotted: boolean | 'objects'): void {
  if (value === undefined) return;
  if (dotted === 'objects') {
    const [head, ...rest] = path.split('.');
    const item: Record<string, unknown> = {};
    setField(item, rest.join('.'), value, false);
    doc[head!] = [item];
    return;
  }
  if (dotted) {
    doc[path] = value;
    return;
  }
  const parts = path.split('.');
  let node = doc;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

function duration(ms: number): string {
  return `${Math.round(ms / 1000)}s`;
}

export function generateCase(seed: number, index: number, type: (typeof RULE_TYPES)[number]): GeneratedCase {
  const p = new Pick(seededRandom((seed * 7919 + index * 104729) >>> 0));
  const id = `fidelity-${seed}-${index}`;
  const windowMs = p.one([2, 5, 10, 30]) * MINUTE;
  const def: Record<string, unknown> = {
    id,
    name: id,
    description: 'generated',
    index: 'logs-*',
    type,
    xsoar: {
      type: 'T',
      severity: 'low',
      name: 'Seen {{user.name}} on {{host.name}}',
      labels: ['user.name', 'host.name', 'num_hits'],
      ...(p.chance(0.3) ? { incidentPer: 'match' } : {}),
    },
    realert: p.one(['0s', '0s', '2m', '1h']),
  };
  if (p.chance(0.2)) def.aggregation = p.one(['3m', '10m']);
  if (p.chance(0.1)) def.buffer_time = '10m';
  const withKey = p.chance(0.5);
  const odd = p.chance(0.5);
  const dotted = p.chance(0.2);
  let keyField = 'user.name';
  let valueOf: (i: number) => Record<string, unknown> = () => ({});

  switch (type) {
    case 'any':
      if (withKey) def.query_key = p.chance(0.8) ? 'user.name' : ['user.name', 'host.name'];
      break;
    case 'blacklist':
    case 'whitelist': {
      keyField = p.one(['user.name', 'user.name', 'event.category']);
      def.compare_key = keyField;
      def[type] = keyField === 'event.category' ? ['authentication', 'process'] : p.one([['alice'], ['alice', 'bob']]);
      if (type === 'whitelist') def.ignore_null = p.chance(0.5);
      if (withKey) def.query_key = 'host.name';
      break;
    }
    case 'change':
      def.query_key = 'host.name';
      def.compare_key = p.chance(0.7) ? 'user.name' : ['user.name', 'source.ip'];
      def.ignore_null = p.chance(0.5);
      if (p.chance(0.5)) def.timeframe = duration(windowMs);
      break;
    case 'frequency':
      def.num_events = p.int(1, 5);
      def.timeframe = duration(windowMs);
      if (withKey) def.query_key = p.chance(0.8) ? 'user.name' : ['user.name', 'host.name'];
      if (p.chance(0.2)) def.attach_related = true;
      break;
    case 'spike': {
      def.spike_height = p.one([1.5, 2, 3]);
      def.spike_type = p.one(['up', 'down', 'both']);
      def.timeframe = duration(windowMs);
      if (p.chance(0.3)) def.threshold_ref = p.int(0, 3);
      if (p.chance(0.3)) def.threshold_cur = p.int(0, 3);
      if (withKey) {
        def.query_key = p.chance(0.8) ? 'user.name' : ['user.name', 'host.name'];
        if (p.chance(0.6)) def.alert_on_new_data = true;
      }
      if (p.chance(0.35)) {
        const field = p.one(['bytes', 'network.bytes']);
        def.field_value = field;
        valueOf = () => {
          const doc: Record<string, unknown> = {};
          const v = p.one<unknown>([p.int(1, 9), p.int(10, 90), '12', '1_000', true, 'x', 2.5, null]);
          setField(doc, field, v, dotted);
          return doc;
        };
      }
      break;
    }
    case 'flatline':
      def.threshold = p.int(1, 3);
      def.timeframe = duration(windowMs);
      if (withKey) def.query_key = p.chance(0.8) ? 'user.name' : ['user.name', 'host.name'];
      if (p.chance(0.4)) def.forget_keys = true;
      break;
    case 'new_term': {
      const shape = p.int(0, 3);
      if (shape === 0) def.fields = ['user.name'];
      else if (shape === 1) def.fields = [['user.name', 'host.name']];
      else if (shape === 2) def.query_key = 'user.name';
      else def.query_key = ['user.name', 'host.name'];
      if (p.chance(0.4)) def.terms_window_size = '1d';
      if (p.chance(0.3)) def.alert_on_missing_field = true;
      break;
    }
    case 'cardinality':
      def.cardinality_field = 'source.ip';
      def.timeframe = duration(windowMs);
      if (p.chance(0.6)) def.max_cardinality = p.int(1, 3);
      else def.min_cardinality = p.int(1, 3);
      if (withKey) def.query_key = p.chance(0.8) ? 'user.name' : ['user.name', 'host.name'];
      break;
  }

  const tsField = p.chance(0.1) ? 'event.created' : '@timestamp';
  if (tsField !== '@timestamp') def.timestamp_field = tsField;
  const micro = p.chance(0.25);
  const zones = p.chance(0.15);
  const times = eventTimes(p, windowMs);
  const events = times.map((t, i) => {
    const doc: Record<string, unknown> = {};
    const micros = micro && p.chance(0.5) ? p.int(1, 999) : undefined;
    setField(doc, tsField, timeText(t, micros, zones ? p.one(['Z', '+02:00', ''] as const) : 'Z'), dotted);
    const user = type === 'new_term' ? keyValue(p, USERS, odd && p.chance(0.5)) : keyValue(p, USERS, odd);
    setField(doc, 'user.name', user, type !== 'new_term' && p.chance(0.04) ? 'objects' : dotted);
    setField(doc, 'host.name', type === 'change' ? p.one(HOSTS) : keyValue(p, HOSTS, odd && type !== 'new_term'), dotted);
    setField(doc, 'source.ip', p.chance(0.9) ? p.one(['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']) : undefined, dotted);
    if (keyField === 'event.category' || p.chance(0.2)) {
      const cat = p.random();
      setField(doc, 'event.category', cat < 0.7 ? p.one(['authentication', 'network', 'process']) : cat < 0.9 ? ['authentication', p.one(['network', 'process'])] : undefined, false);
    }
    Object.assign(doc, valueOf(i));
    return doc;
  });
  // Out of order: the index returns them sorted by time, whatever order they were written in.
  if (p.chance(0.3)) events.reverse();

  const history: Record<string, unknown>[] = [];
  if (type === 'new_term') {
    const start = Math.min(...times);
    const n = p.int(0, 8);
    for (let i = 0; i < n; i++) {
      // At least 50 minutes before the start: the first run's buffer_time query never reaches them.
      const age = p.one([p.int(50, 600) * MINUTE, p.int(2, 29) * 24 * 60 * MINUTE, p.int(31, 40) * 24 * 60 * MINUTE]);
      const doc: Record<string, unknown> = {};
      setField(doc, tsField, timeText(Math.floor((start - age) / 1000) * 1000, undefined), dotted);
      setField(doc, 'user.name', p.chance(0.2) ? [p.one(USERS), p.one(USERS)] : p.one(USERS), dotted);
      setField(doc, 'host.name', p.chance(0.2) ? [...HOSTS] : p.one(HOSTS), dotted);
      history.push(doc);
    }
  }
  const last = Math.max(...times);
  const now = timeText(last + p.one([0, 0, p.int(1, 59) * 1000, p.int(1, 40) * MINUTE]), undefined);
  return { id, definition: def, events, history, now };
}

/** `count` cases from `seed`, the rule types taken in turn. */
export function generateCases(seed: number, count: number): GeneratedCase[] {
  return Array.from({ length: count }, (_, i) => generateCase(seed, i, RULE_TYPES[i % RULE_TYPES.length]!));
}
