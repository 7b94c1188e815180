import { ATTACK_TACTICS } from '../../define/schema/attack.js';
import { tacticId, tacticTitle } from '../../attack/tactics.js';
import type { Coverage, CoverageCell, CoverageColumn } from './coverage.js';
import { countedNoun } from './counted-noun.js';
import type { DetectionRecord } from './detection-record.js';
import type { TestStatus } from './test-results.js';
import { CATALOG_SCRIPT, ERROR_RECORDER_SCRIPT } from './catalog-script.js';
import { CATALOG_STYLE } from './catalog-style.js';

export interface CatalogInput {
  records: readonly DetectionRecord[];
  coverage: Coverage;
  /** The ATT&CK release of the offline data, when names come from it. */
  attackVersion?: string;
  /** Whether technique names are known (offline data was given). */
  namesKnown: boolean;
}

const STATUSES: readonly TestStatus[] = ['passed', 'failed', 'no tests', 'not run'];

/**
 * The catalog as one self-contained HTML page: style and script inline, no request of any kind,
 * so it works opened from disk. The heatmap, table and detail views are written out in full
 * (they read without script); the script adds filtering, sorting and row clicks. Pure.
 */
export function catalogHtml(input: CatalogInput): string {
  const { records, coverage } = input;
  const covered = coverage.columns.filter((c) => c.tactic !== undefined && c.detections.length > 0).length;
  const counts = STATUSES.map((s) => [s, records.filter((r) => r.test.status === s).length] as const).filter(([, n]) => n > 0);
  const summary = [
    countedNoun(records.length, 'detection'),
    `${countedNoun(coverage.techniques.length, 'ATT&CK technique')} covered`,
    `${covered} of ${ATTACK_TACTICS.length} tactics`,
    `tests: ${counts.map(([s, n]) => `${n} ${s}`).join(', ')}`,
  ].join(' · ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>alertsmith detection catalog</title>
<script>${ERROR_RECORDER_SCRIPT}</script>
<style>${CATALOG_STYLE}</style>
</head>
<body>
<header>
<h1>Detection catalog</h1>
<p class="summary">${escapeHtml(summary)}</p>
</header>
<main>
<section id="coverage">
<h2>ATT&amp;CK coverage</h2>
<div class="matrix">
${coverage.columns.map((c) => tacticColumn(c, coverage.maxScore)).join('\n')}
</div>
<p class="legend">Detections per technique:${legend(coverage.maxScore)} · ${
    input.namesKnown
      ? `names from ATT&amp;CK ${escapeHtml(input.attackVersion ?? '')} (offline data); techniques in grey have no detection yet`
      : 'technique ids only (no offline ATT&amp;CK data configured: see <code>attackData</code> in docs/report.md)'
  }. Click a technique to filter the table.</p>
</section>
<section id="detections">
<h2>Detections</h2>
<div class="controls">
<input id="filter" type="search" placeholder="Filter: id, name, index, technique, owner, tag..." aria-label="Filter detections">
<select id="status-filter" aria-label="Test status"><option value="">any test status</option>${STATUSES.map((s) => `<option value="${s}">${s}</option>`).join('')}</select>
<button id="clear" type="button">Clear filters</button>
<span id="shown">${records.length} of ${records.length} shown</span>
</div>
<table id="detection-table">
<thead><tr>${HEADERS.map(([key, label, type]) => `<th data-sort="${key}"${type === 'number' ? ' data-type="number"' : ''}>${label}</th>`).join('')}</tr></thead>
<tbody>
${records.map(detectionRow).join('\n')}
</tbody>
</table>
</section>
<section id="details">
${records.map(detailView).join('\n')}
</section>
</main>
<script>${CATALOG_SCRIPT}</script>
</body>
</html>
`;
}

/** Table columns: sort key, label, kind of value. */
const HEADERS: readonly (readonly [string, string, 'text' | 'number'])[] = [
  ['id', 'Id', 'text'],
  ['name', 'Name', 'text'],
  ['type', 'Rule type', 'text'],
  ['index', 'Index', 'text'],
  ['severity', 'Severity', 'number'],
  ['xsoar', 'XSOAR type', 'text'],
  ['owner', 'Owner', 'text'],
  ['tags', 'Tags', 'text'],
  ['attack', 'ATT&amp;CK', 'text'],
  ['tests', 'Tests', 'text'],
];

function tacticColumn(column: CoverageColumn, maxScore: number): string {
  const title = column.tactic ? tacticTitle(column.tactic) : 'No known tactic';
  const sub = `${column.tactic ? `${tacticId(column.tactic)} · ` : ''}${countedNoun(column.detections.length, 'detection')}`;
  const covered = column.detections.length > 0 ? ' covered' : '';
  return `<div class="tactic${covered}" data-tactic="${escapeHtml(column.tactic ?? 'none')}"><h3>${escapeHtml(title)}<small>${escapeHtml(sub)}</small></h3>${column.cells
    .map((cell) => heatCell(cell, maxScore, column.tactic))
    .join('')}</div>`;
}

function heatCell(cell: CoverageCell, maxScore: number, tactic: string | undefined): string {
  const score = cell.detections.length;
  const label = cell.technique ?? 'tactic only';
  const title = score > 0 ? `${label}: ${cell.detections.join(', ')}` : `${label}: no detection`;
  return `<button type="button" class="cell heat-${heatLevel(score, maxScore)}" data-filter="${escapeHtml(cell.technique ?? tactic ?? '')}" data-score="${score}" title="${escapeHtml(title)}"><span class="score">${score}</span><span class="id">${escapeHtml(label)}</span>${
    cell.name !== undefined ? `<span class="name">${escapeHtml(cell.name)}</span>` : ''
  }</button>`;
}

/** 0 for no detection; else the score itself up to 4, or above a top score of 4, 1 to 4 in proportion. */
export function heatLevel(score: number, maxScore: number): number {
  if (score <= 0 || maxScore <= 0) return 0;
  return maxScore <= 4 ? Math.min(score, 4) : Math.max(1, Math.ceil((score / maxScore) * 4));
}

function legend(maxScore: number): string {
  const swatch = (level: number, text: string) => ` <span class="heat-${level}"></span>${text}`;
  if (maxScore <= 4) return [0, 1, 2, 3, 4].filter((l) => l <= Math.max(1, maxScore)).map((l) => swatch(l, String(l))).join('');
  const top = (level: number) => Math.floor((level / 4) * maxScore);
  return [swatch(0, '0'), ...[1, 2, 3, 4].map((l) => swatch(l, `${top(l - 1) + 1}-${top(l)}`))].join('');
}

function detectionRow(r: DetectionRecord): string {
  const attack = [...r.tactics, ...r.techniques];
  const search = [r.id, r.name, r.description, r.type, r.index, r.severity.name, r.xsoarType, r.owner ?? '', ...r.tags, ...attack, r.file].join(' ').toLowerCase();
  const statusClass = `status-${r.test.status.replace(' ', '-')}`;
  const testText = r.test.status === 'not run' ? `${countedNoun(r.cases, 'case')}, not run` : r.test.total > 0 ? `${r.test.status} (${r.test.passed}/${r.test.total})` : r.test.status;
  const cell = (value: string | number, html: string) => `<td data-value="${escapeHtml(String(value))}">${html}</td>`;
  return `<tr class="detection" data-id="${escapeHtml(r.id)}" data-status="${r.test.status}" data-attack="${escapeHtml(attack.join(' '))}" data-search="${escapeHtml(search)}">${[
    cell(r.id, `<a href="#detail-${encodeURIComponent(r.id)}">${escapeHtml(r.id)}</a>`),
    cell(r.name, escapeHtml(r.name)),
    cell(r.type, escapeHtml(r.type)),
    cell(r.index, escapeHtml(r.index)),
    cell(r.severity.number, `<span class="sev-${escapeHtml(r.severity.name)}">${escapeHtml(r.severity.name)}</span>`),
    cell(r.xsoarType, escapeHtml(r.xsoarType)),
    cell(r.owner ?? '', escapeHtml(r.owner ?? '')),
    cell(r.tags.join(' '), r.tags.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join('')),
    cell(attack.join(' '), escapeHtml(attack.join(', '))),
    cell(r.test.status, `<span class="${statusClass}">${escapeHtml(testText)}</span>`),
  ].join('')}</tr>`;
}

function detailView(r: DetectionRecord): string {
  const facts: [string, string][] = [
    ['Description', r.description],
    ['File', r.file],
    ['Rule type', r.type],
    ['Index', r.index],
    ['XSOAR', `${r.xsoarType}, severity ${r.severity.name} (${r.severity.number})`],
    ['Owner', r.owner ?? ''],
    ['Tags', r.tags.join(', ')],
    ['Tactics', r.tactics.join(', ')],
    ['Techniques', r.techniques.join(', ')],
    ['Tests', `${countedNoun(r.cases, 'case')}; ${r.test.status}${r.test.total > 0 ? ` (${r.test.passed} of ${r.test.total} passed)` : ''}`],
  ];
  const preview = r.preview
    ? `<h3>Incident preview: first test case, ${escapeHtml(JSON.stringify(r.preview.caseName))}</h3>${
        r.preview.lines.length > 0 ? `<pre class="incident-preview">${escapeHtml(r.preview.lines.join('\n'))}</pre>` : ''
      }${r.preview.note !== undefined ? `<p>${escapeHtml(r.preview.note)}</p>` : ''}${
        r.preview.body ? `<details><summary>the create body XSOAR would get</summary><pre>${escapeHtml(JSON.stringify(r.preview.body, null, 2))}</pre></details>` : ''
      }`
    : '<h3>Incident preview</h3><p>No test case: add one to see the incident it opens.</p>';
  return `<article class="detail" id="detail-${escapeHtml(r.id)}">
<h2>${escapeHtml(r.name)} <small>${escapeHtml(r.id)}</small></h2>
<dl>${facts.filter(([, v]) => v !== '').map(([k, v]) => `<dt>${k}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
<h3>Query</h3>${r.query !== undefined ? `<pre class="query">${escapeHtml(r.query)}</pre>` : '<p>No query_string.</p>'}${
    r.filter !== undefined ? `<h3>Filter</h3><pre>${escapeHtml(r.filter)}</pre>` : ''
  }
<h3>Generated rule</h3><pre class="rule-yaml">${escapeHtml(r.ruleYaml)}</pre>
${preview}
</article>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
