import { ATTACK_TACTICS } from '../../define/schema/attack.js';
import type { Definition } from '../../define/schema/definition.js';
import type { AttackData } from '../../attack/attack-data.js';
import type { AttackTactic } from '../../attack/tactics.js';

/**
 * Where one detection puts one technique: under the tactics it names that ATT&CK lists for the
 * technique (all it names when there is no data), or none, meaning "wherever ATT&CK has it".
 */
export interface TechniquePlacement {
  technique: string;
  tactics: AttackTactic[];
}

/** The technique placements of one definition, techniques in the order it lists them. */
export function placementsOf(definition: Definition, data: AttackData | undefined): TechniquePlacement[] {
  const named = definition.attack?.tactics ?? [];
  return [...new Set(definition.attack?.techniques ?? [])].map((technique) => {
    const known = data?.techniques.get(technique)?.tactics;
    return { technique, tactics: known ? named.filter((t) => known.includes(t)) : [...named] };
  });
}

/** One cell of the heatmap: a technique under a tactic, or the tactic alone (`technique` undefined). */
export interface CoverageCell {
  technique?: string;
  /** Its name, when the offline data has it. */
  name?: string;
  /** Detection ids, sorted; their count is the cell's score. */
  detections: string[];
}

/** One column of the heatmap. `tactic` undefined: techniques no tactic could be found for. */
export interface CoverageColumn {
  tactic?: AttackTactic;
  /** Detections that name the tactic or a technique under it, sorted. */
  detections: string[];
  cells: CoverageCell[];
}

export interface Coverage {
  columns: CoverageColumn[];
  /** Every technique id the definitions declare, sorted. */
  techniques: string[];
  /** The highest cell score (0 when nothing is covered). */
  maxScore: number;
}

/**
 * Tactics x techniques: every ATT&CK tactic in matrix order (then a column for techniques without
 * a known tactic, if any), each with its covered techniques, and with offline data also the
 * techniques nothing covers yet (score 0). A detection that names tactics but no technique
 * covers the tactic itself (a cell without technique). Pure; ordered by id, so stable.
 */
export function computeCoverage(definitions: readonly Definition[], data: AttackData | undefined): Coverage {
  const cellsOf = new Map<AttackTactic | undefined, Map<string, Set<string>>>();
  const tacticDetections = new Map<AttackTactic | undefined, Set<string>>();
  const add = (tactic: AttackTactic | undefined, technique: string, detection: string) => {
    const cells = cellsOf.get(tactic) ?? new Map<string, Set<string>>();
    cellsOf.set(tactic, cells);
    cells.set(technique, (cells.get(technique) ?? new Set()).add(detection));
    tacticDetections.set(tactic, (tacticDetections.get(tactic) ?? new Set()).add(detection));
  };
  const techniques = new Set<string>();
  for (const def of definitions) {
    const placements = placementsOf(def, data);
    for (const { technique, tactics } of placements) {
      techniques.add(technique);
      const under = tactics.length > 0 ? tactics : (data?.techniques.get(technique)?.tactics ?? []);
      if (under.length === 0) add(undefined, technique, def.id);
      for (const tactic of under) add(tactic, technique, def.id);
    }
    if (placements.length === 0) for (const tactic of def.attack?.tactics ?? []) add(tactic, TACTIC_ONLY, def.id);
  }
  if (data) {
    for (const t of data.techniques.values()) {
      if (t.retired || t.id.includes('.')) continue;
      for (const tactic of t.tactics) {
        const cells = cellsOf.get(tactic) ?? new Map<string, Set<string>>();
        cellsOf.set(tactic, cells);
        if (!cells.has(t.id)) cells.set(t.id, new Set());
      }
    }
  }
  const column = (tactic: AttackTactic | undefined): CoverageColumn => {
    const cells = [...(cellsOf.get(tactic) ?? new Map<string, Set<string>>())]
      .map(([technique, ids]): CoverageCell => {
        const detections = [...ids].sort(byText);
        if (technique === TACTIC_ONLY) return { detections };
        const name = data?.techniques.get(technique)?.name;
        return name !== undefined ? { technique, name, detections } : { technique, detections };
      })
      .sort((a, b) => byText(a.technique ?? '', b.technique ?? ''));
    return { ...(tactic ? { tactic } : {}), detections: [...(tacticDetections.get(tactic) ?? [])].sort(byText), cells };
  };
  const columns = [...ATTACK_TACTICS.map(column), ...(cellsOf.has(undefined) ? [column(undefined)] : [])];
  const maxScore = Math.max(0, ...columns.flatMap((c) => c.cells.map((cell) => cell.detections.length)));
  return { columns, techniques: [...techniques].sort(byText), maxScore };
}

/** The key of a tactic's own cell: sorts before every technique id. */
const TACTIC_ONLY = '';

export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
