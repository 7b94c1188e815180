import { planIncidents } from '../incident/incident-body.js';
import type { IncidentMapping } from '../incident/mapping.js';
import type { DeliveryItem } from './deliver.js';

/**
 * The delivery items for a batch of matches. Each incident is planned once here, for its key, its
 * size and the fields it lacks, and planned again when it is sent or spooled: a body holds its
 * match twice more (rawJSON, rendered text), so keeping every body of a 100 MB batch alive would
 * triple it. Planning is pure and deterministic, so the second plan is the first.
 */
export function planDeliveryItems(matches: unknown[], mapping: IncidentMapping, o: { origin: 'stdin' | 'intake'; intake?: string; missing?: Set<string>; searchFirst?: boolean }): DeliveryItem[] {
  const groups = mapping.incidentPer === 'alert' ? [matches] : matches.map((m) => [m]);
  return groups.map((group) => {
    const [planned] = planIncidents(group, mapping);
    for (const field of planned!.missingFields) o.missing?.add(field);
    return {
      key: planned!.key,
      rule: mapping.rule,
      origin: o.origin,
      ...(o.intake !== undefined ? { intake: o.intake } : {}),
      ...(o.searchFirst === true ? { searchFirst: true } : {}),
      // rawJSON, the rendered text beside it, and the pieces of JSON in flight: a generous bound.
      sizeHint: 3 * planned!.body.rawJSON.length,
      body: () => planIncidents(group, mapping)[0]!.body,
    };
  });
}
