import type { ElastAlertLine } from '../define/schema/config.js';
import { hashKey, pyEquals, pyTruthy } from './python-values.js';
import { durationUs, SimulatedRuleType } from './rule-type.js';
import type { SimEvent } from './sim-event.js';
import { ruleDisabled } from './simulation-error.js';

/** ElastAlert's `CompareRule` family: each hit is a match when `compare` says so. */
abstract class CompareRule extends SimulatedRuleType {
  protected abstract compare(event: SimEvent): boolean;

  addData(events: SimEvent[]): void {
    for (const e of events) if (this.compare(e)) this.addMatchOf(e);
  }

  protected addMatchOf(e: SimEvent): void {
    this.addMatch(e);
  }
}

/**
 * ElastAlert looks `term in set(list)` up: an array or object value is unhashable, the TypeError
 * escapes the rule type and ElastAlert disables the rule.
 */
function listed(term: unknown, list: unknown[], compareKey: string, line: ElastAlertLine): boolean {
  if (term !== null && typeof term === 'object') {
    throw ruleDisabled(line, `compare_key ${compareKey} holds ${Array.isArray(term) ? 'an array' : 'an object'} (${JSON.stringify(term)}), and Python cannot look it up in the list (TypeError: unhashable type)`);
  }
  return list.some((entry) => pyEquals(term, entry));
}

/** `type: blacklist`: `compare_key`'s value equals an entry of `blacklist`. */
export class BlacklistRule extends CompareRule {
  protected compare(e: SimEvent): boolean {
    const key = this.rule.compare_key as string;
    return listed(this.lookup(e.doc, key), this.rule.blacklist as unknown[], key, this.line);
  }
}

/** `type: whitelist`: a value not in `whitelist`; a missing one matches unless `ignore_null`. */
export class WhitelistRule extends CompareRule {
  protected compare(e: SimEvent): boolean {
    const key = this.rule.compare_key as string;
    const term = this.lookup(e.doc, key);
    if (term === undefined || term === null) return !this.rule.ignore_null;
    return !listed(term, this.rule.whitelist as unknown[], key, this.line);
  }
}

/**
 * `type: change`: `compare_key` differs from the previous hit with the same `query_key` (within
 * `timeframe` of it, when set). The match carries `old_value` and `new_value` (lists).
 */
export class ChangeRule extends CompareRule {
  private readonly occurrences = new Map<string, unknown[]>();
  private readonly occurrenceTime = new Map<string, number>();
  private readonly changeMap = new Map<string, [unknown[], unknown[]]>();

  private get compareKeys(): string[] {
    const ck = this.rule.compare_key;
    return Array.isArray(ck) ? (ck as string[]) : [ck as string];
  }

  private keyOf(doc: Record<string, unknown>): string {
    return hashKey(this.lookup(doc, this.rule.query_key as string));
  }

  protected compare(e: SimEvent): boolean {
    const key = this.keyOf(e.doc);
    const values = this.compareKeys.map((ck) => this.lookup(e.doc, ck) ?? null);
    if (this.rule.ignore_null && values.some((v) => typeof v !== 'boolean' && !pyTruthy(v))) return false;
    // With a timeframe, ElastAlert reads the time as `event[timestamp_field]`: a top-level key.
    if (this.rule.timeframe !== undefined && !Object.hasOwn(e.doc, this.tsField)) {
      throw ruleDisabled(this.line, `change with a timeframe reads timestamp_field ${this.tsField} as a top-level key of the event, and the event holds it nested (KeyError)`);
    }
    let changed = false;
    const previous = this.occurrences.get(key);
    if (previous !== undefined) {
      changed = previous.some((p, i) => !pyEquals(p, values[i]));
      if (changed) {
        this.changeMap.set(key, [previous, values]);
        const at = this.occurrenceTime.get(key);
        if (at !== undefined) changed = e.time.us - at <= durationUs(this.rule.timeframe);
      }
    }
    this.occurrences.set(key, values);
    if (this.rule.timeframe !== undefined) this.occurrenceTime.set(key, e.time.us);
    return changed;
  }

  protected override addMatchOf(e: SimEvent): void {
    const change = this.changeMap.get(this.keyOf(e.doc));
    this.addMatch(e, change ? { old_value: change[0], new_value: change[1] } : {});
  }
}
