import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { idFromFileName, isDefinitionFileName } from '../../../src/commands/build/find-definition-files.js';
import { REPO_ROOT } from '../elastalert-lines.js';
import { CHROMIUM, chromium, reportOnExamples, toolIsUsable } from './report-tools.js';

/** Where CI keeps the screenshot (git-ignored), printed in the log. */
const SCREENSHOT = path.join(REPO_ROOT, '.cache/artifacts/report/catalog.png');

const exampleIds = readdirSync(path.join(REPO_ROOT, 'definitions')).filter(isDefinitionFileName).map(idFromFileName).sort();

/** The DOM after load, as Chromium serialises it. */
const dumpDom = (url: string) => chromium(['--dump-dom', url]);

function attributeValues(dom: string, pattern: RegExp): string[] {
  return [...dom.matchAll(pattern)].map((m) => m[1]!);
}

describe.runIf(toolIsUsable('chromium', CHROMIUM))('the HTML catalog in headless Chromium', () => {
  let folder: string;
  let page: string;
  let layer: { techniques: { techniqueID: string }[] };
  beforeAll(async () => {
    folder = await reportOnExamples();
    page = pathToFileURL(path.join(folder, 'catalog.html')).href;
    layer = JSON.parse(readFileSync(path.join(folder, 'attack-layer.json'), 'utf8'));
  });

  it('renders one row per detection and a heatmap cell per covered technique, with no script error', async () => {
    const dom = await dumpDom(page);
    expect(dom).toMatch(/<body data-ready="true">/);
    expect(dom).not.toContain('id="script-errors"');
    expect(attributeValues(dom, /<tr class="detection" data-id="([^"]+)"/g).sort()).toEqual(exampleIds);
    const cellFilters = attributeValues(dom, /<button type="button" class="cell heat-\d" data-filter="([^"]*)"/g);
    expect(cellFilters.filter((f) => /^T\d/.test(f)).sort()).toEqual(layer.techniques.map((t) => t.techniqueID).sort());
    expect(dom).toContain(`${exampleIds.length} of ${exampleIds.length} shown`);
  });

  it('filters rows from the link state (#q=...), hiding the others', async () => {
    const dom = await dumpDom(`${page}#q=ssh`);
    const visible = [...dom.matchAll(/<tr class="detection" data-id="([^"]+)"[^>]*>/g)].filter((m) => !m[0].includes(' hidden')).map((m) => m[1]);
    expect(visible).toEqual(['ssh-brute-force']);
    expect(dom).toContain(`1 of ${exampleIds.length} shown`);
  });

  it('sorts rows by a column from the link state (#sort=severity&dir=descending)', async () => {
    const dom = await dumpDom(`${page}#sort=severity&dir=descending`);
    const severities = [...dom.matchAll(/<tr class="detection"[\s\S]*?<\/tr>/g)].map((m) => Number(/data-value="([\d.]+)"><span class="sev-/.exec(m[0])![1]));
    expect(severities).toEqual([...severities].sort((a, b) => b - a));
    expect(new Set(severities).size).toBeGreaterThan(1);
    expect(dom).toContain('data-sort="severity" data-type="number" aria-sort="descending"');
  });

  it('opens the detail view of #detail-<id>, with query, rule and incident preview', async () => {
    const dom = await dumpDom(`${page}#detail-ssh-brute-force`);
    expect(dom).toContain('<article class="detail open" id="detail-ssh-brute-force">');
    expect(dom).toContain('<tr class="detection selected" data-id="ssh-brute-force"');
    const detail = dom.slice(dom.indexOf('id="detail-ssh-brute-force"'));
    expect(detail).toContain('class="rule-yaml"');
    expect(detail).toContain('Incident preview: first test case');
  });

  it('answers clicks and typing: filter, sort by a header, filter by a heatmap cell, clear, open a row', async () => {
    // A copy of the page that drives its own controls as a person would, then records what it saw.
    const driver = `<script>
      const seen = [];
      const visible = () => [...document.querySelectorAll('tr.detection')].filter((r) => !r.hidden).map((r) => r.dataset.id).join(',');
      const filter = document.getElementById('filter');
      filter.value = 'soc-identity'; filter.dispatchEvent(new Event('input'));
      seen.push('typed=' + visible() + ' hash=' + location.hash);
      document.querySelector('th[data-sort="name"]').click();
      seen.push('sorted=' + visible());
      document.getElementById('clear').click();
      seen.push('cleared=' + visible().split(',').length);
      document.querySelector('.cell[data-filter="T1110"]').click();
      seen.push('cell=' + visible());
      document.querySelector('tr.detection[data-id="port-scan"] td:nth-child(2)').click();
      const out = document.createElement('pre'); out.id = 'driven'; out.textContent = seen.join('\\n'); document.body.appendChild(out);
    </script></body>`;
    const driven = path.join(folder, 'driven.html');
    writeFileSync(driven, readFileSync(path.join(folder, 'catalog.html'), 'utf8').replace('</body>', driver));
    const dom = await dumpDom(pathToFileURL(driven).href);
    expect(dom).not.toContain('id="script-errors"');
    const seen = /<pre id="driven">([\s\S]*?)<\/pre>/.exec(dom)![1]!.split('\n');
    expect(seen).toEqual([
      'typed=admin-group-member-added,failed-login-spike,microsoft-ata hash=#q=soc-identity',
      // By name: Microsoft ATA alert, Spike of failed logins, User added to an administrators group.
      'sorted=microsoft-ata,failed-login-spike,admin-group-member-added',
      `cleared=${exampleIds.length}`,
      // T1110 covers its sub-technique T1110.001 too.
      'cell=failed-login-spike,ssh-brute-force',
    ]);
    expect(dom).toContain('<article class="detail open" id="detail-port-scan">');
  });

  it('shows a script error in the DOM, so "no script error" above means something', async () => {
    const broken = path.join(folder, 'broken.html');
    writeFileSync(broken, readFileSync(path.join(folder, 'catalog.html'), 'utf8').replace('</body>', '<script>null.boom();</script></body>'));
    const dom = await dumpDom(pathToFileURL(broken).href);
    expect(dom).toMatch(/<pre id="script-errors">error: Uncaught TypeError: Cannot read properties of null/);
  });

  it('takes a screenshot of the catalog', async () => {
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await chromium(['--hide-scrollbars', '--window-size=1400,1100', `--screenshot=${SCREENSHOT}`, page]);
    expect(readFileSync(SCREENSHOT).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    process.stdout.write(`\ncatalog screenshot (CI artifact): ${SCREENSHOT}\n`);
  });
});
