import { lookupField } from '../incident/field-lookup.js';
import { pyEquals, pyTruthy } from './python-values.js';
import { SimulatedRuleType, type RuleOptions } from './rule-type.js';
import type { SimEvent } from './sim-event.js';

type TermField = string | string[];

/**
 * `type: new_term`: a value of `fields` (or `query_key`) not seen before. ElastAlert learns the
 * known values from the index (`terms_window_size`) when it starts: here, from the test case's
 * `history` documents. A field given as a list is a composite term (all of its values together).
 */
export class NewTermRule extends SimulatedRuleType {
  private readonly fields: TermField[];
  private readonly seen = new Map<string, unknown[]>();

  constructor(rule: RuleOptions, history: SimEvent[]) {
    super(rule);
    const fields = (rule.fields as TermField[] | undefined) ?? [rule.query_key as TermField];
    this.fields = fields;
    for (const f of fields) this.seen.set(fieldId(f), []);
    for (const e of history) {
      for (const f of fields) {
        const known = this.seen.get(fieldId(f))!;
        // The terms aggregation answers each element of an array on its own.
        const v = this.termOf(e.doc, f);
        for (const item of Array.isArray(v) && !Array.isArray(f) ? v : [v]) {
          if (pyTruthy(item) && !known.some((k) => pyEquals(k, item))) known.push(item);
        }
      }
    }
  }

  private termOf(doc: Record<string, unknown>, f: TermField): unknown {
    if (!Array.isArray(f)) return lookupField(doc, f);
    const values: unknown[] = [];
    for (const sub of f) {
      const v = lookupField(doc, sub);
      if (!pyTruthy(v)) return null;
      values.push(v);
    }
    return values;
  }

  addData(events: SimEvent[]): void {
    for (const e of events) {
      for (const f of this.fields) {
        const value = this.termOf(e.doc, f);
        const known = this.seen.get(fieldId(f))!;
        if (!pyTruthy(value) && this.rule.alert_on_missing_field) {
          this.addMatch(e, { missing_field: f });
        } else if (pyTruthy(value) && !known.some((k) => pyEquals(k, value))) {
          this.addMatch(e, { new_field: f });
          known.push(value);
        }
      }
    }
  }
}

function fieldId(f: TermField): string {
  return JSON.stringify(f);
}
