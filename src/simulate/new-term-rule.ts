import type { ElastAlertLine } from '../define/schema/config.js';
import { durationMillis, type DurationMapping } from '../duration.js';
import { fieldValues } from '../query/document-values.js';
import type { EventTime } from './elastalert-time.js';
import { pyEquals, pyTruthy } from './python-values.js';
import { SimulatedRuleType, type RuleOptions } from './rule-type.js';
import type { SimEvent } from './sim-event.js';

type TermField = string | string[];

const DEFAULT_TERMS_WINDOW: DurationMapping = { days: 30 };

/**
 * `type: new_term`: a value of `fields` (or `query_key`) not seen before. ElastAlert learns the
 * known values when it loads the rule, with a terms aggregation over the `terms_window_size`
 * (default 30 days) before that moment: here, from the test case's `history` documents in that
 * window. The aggregation answers keyword text, one term per array element, and for a composite
 * field (a list) every combination of its parts' terms. A list `query_key` is one joined field
 * the index does not have, so nothing is learned for it.
 */
export class NewTermRule extends SimulatedRuleType {
  private readonly fields: TermField[];
  private readonly seen = new Map<string, unknown[]>();

  constructor(rule: RuleOptions, line: ElastAlertLine, history: SimEvent[], start: EventTime) {
    super(rule, line);
    const fields = (rule.fields as TermField[] | undefined) ?? [rule.query_key as TermField];
    this.fields = fields;
    const window = durationMillis((rule.terms_window_size as DurationMapping | undefined) ?? DEFAULT_TERMS_WINDOW);
    const learned = history.filter((e) => e.time.ms >= start.ms - window && e.time.ms < start.ms);
    for (const f of fields) {
      const known: unknown[] = [];
      this.seen.set(fieldId(f), known);
      for (const e of learned) {
        for (const term of indexedTerms(e.doc, f)) if (!known.some((k) => pyEquals(k, term))) known.push(term);
      }
    }
  }

  private termOf(doc: Record<string, unknown>, f: TermField): unknown {
    if (!Array.isArray(f)) return this.lookup(doc, f);
    const values: unknown[] = [];
    for (const sub of f) {
      const v = this.lookup(doc, sub);
      if (!pyTruthy(v)) return null;
      values.push(v);
    }
    return values;
  }

  addData(events: SimEvent[]): void {
    for (const e of events) {
      // ElastAlert writes missing_field / new_field into the document itself, so a later match
      // of the same document (another field) carries both.
      const written: Record<string, unknown> = {};
      for (const f of this.fields) {
        const value = this.termOf(e.doc, f);
        const known = this.seen.get(fieldId(f))!;
        if (!pyTruthy(value) && this.rule.alert_on_missing_field) {
          written.missing_field = f;
          this.addMatch(e, { ...written });
        } else if (pyTruthy(value) && !known.some((k) => pyEquals(k, value))) {
          written.new_field = f;
          this.addMatch(e, { ...written });
          known.push(value);
        }
      }
    }
  }
}

/** The terms a terms aggregation (nested, for a composite field) finds in one document. */
function indexedTerms(doc: Record<string, unknown>, f: TermField): unknown[] {
  if (!Array.isArray(f)) return keywordTerms(doc, f);
  let combos: unknown[][] = [[]];
  for (const sub of f) {
    const terms = keywordTerms(doc, sub);
    combos = combos.flatMap((c) => terms.map((t) => [...c, t]));
  }
  return combos;
}

/** A field's values as keyword terms: text, one per array element, nulls left out. */
function keywordTerms(doc: Record<string, unknown>, path: string): string[] {
  const out: string[] = [];
  for (const v of fieldValues(doc, path)) {
    if (typeof v === 'object') continue; // null too
    out.push(String(v));
  }
  return out;
}

function fieldId(f: TermField): string {
  return JSON.stringify(f);
}
