/** The catalog's stylesheet, inlined into the page (no file or network fetch). */
export const CATALOG_STYLE = `
:root { --ink: #1f2933; --muted: #616e7c; --line: #d9dee3; --panel: #f7f8fa; --accent: #1d4ed8; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
header, main { padding: 0 24px; }
header { border-bottom: 1px solid var(--line); background: var(--panel); padding-top: 12px; padding-bottom: 12px; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 24px 0 8px; }
h3 { font-size: 14px; margin: 16px 0 6px; }
.summary { margin: 0; color: var(--muted); }
.matrix { display: flex; gap: 6px; overflow-x: auto; padding-bottom: 8px; align-items: flex-start; }
.tactic { flex: 1 0 88px; min-width: 88px; }
.tactic h3 { font-size: 11px; margin: 0 0 4px; padding: 5px; background: #e4e7eb; border-radius: 4px; min-height: 58px; hyphens: auto; }
.tactic h3 small { display: block; font-weight: normal; color: var(--muted); }
.tactic.covered h3 { background: #c7d7fe; }
.cell { display: block; width: 100%; text-align: left; font: inherit; font-size: 11px; margin: 0 0 3px; padding: 4px 5px; border: 1px solid var(--line); border-radius: 4px; cursor: pointer; color: var(--ink); }
.cell .id { font-weight: 600; }
.cell .name { display: block; color: inherit; opacity: .85; }
.cell .score { float: right; font-weight: 600; margin-left: 2px; }
.cell.active { outline: 2px solid var(--accent); }
.heat-0 { background: #f3f4f6; color: var(--muted); }
.heat-1 { background: #dbeafe; }
.heat-2 { background: #93c5fd; }
.heat-3 { background: #3b82f6; color: #fff; }
.heat-4 { background: #1e3a8a; color: #fff; }
.legend { color: var(--muted); font-size: 12px; }
.legend span { display: inline-block; width: 14px; height: 14px; vertical-align: middle; border: 1px solid var(--line); margin: 0 2px 0 8px; }
.controls { display: flex; gap: 8px; align-items: center; margin-bottom: 8px; flex-wrap: wrap; }
.controls input[type=search] { width: 320px; padding: 5px 8px; font: inherit; }
.controls select, .controls button { font: inherit; padding: 4px 8px; }
#shown { color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); cursor: pointer; user-select: none; white-space: nowrap; }
th[aria-sort=ascending]::after { content: " \\25B2"; font-size: 10px; }
th[aria-sort=descending]::after { content: " \\25BC"; font-size: 10px; }
tr.detection { cursor: pointer; }
tr.detection:hover { background: #f0f5ff; }
tr.detection.selected { background: #e0e9ff; }
.tag { display: inline-block; background: #eef2f7; border-radius: 3px; padding: 0 5px; margin: 0 3px 2px 0; font-size: 12px; }
.status-passed { color: #047857; font-weight: 600; }
.status-failed { color: #b91c1c; font-weight: 600; }
.status-no-tests, .status-not-run { color: var(--muted); }
.sev-critical, .sev-high { color: #b91c1c; font-weight: 600; }
.sev-medium { color: #b45309; }
.detail { display: none; border: 1px solid var(--line); border-radius: 6px; padding: 4px 16px 12px; margin: 16px 0; }
.detail:target, .detail.open { display: block; }
.detail dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
.detail dt { color: var(--muted); }
.detail dd { margin: 0; }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: 8px; overflow-x: auto; font-size: 12px; white-space: pre-wrap; word-break: break-word; }
#script-errors { color: #b91c1c; }
`;
