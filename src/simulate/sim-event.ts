import type { EventTime } from './elastalert-time.js';

/** A hit as ElastAlert's rule types see it: the `_source` (plus `_id`, `_index`) and its time. */
export interface SimEvent {
  doc: Record<string, unknown>;
  time: EventTime;
  /** A time-only stand-in ElastAlert adds to move windows forward when no hits come. */
  placeholder?: boolean;
}

/** A match a rule type added: the document it pipes (timestamp still to format) and its time. */
export interface RuleMatch {
  doc: Record<string, unknown>;
  time: EventTime;
}
