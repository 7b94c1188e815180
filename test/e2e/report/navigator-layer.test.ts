import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { SAMPLE_BUNDLE } from '../../attack/sample-attack-data.js';
import { LAYER_PYTHON, reportOnExamples, toolIsUsable } from './report-tools.js';

const LOADER = new URL('./load_layer.py', import.meta.url).pathname;

async function loadWithMitreattack(file: string): Promise<Record<string, unknown>> {
  const { stdout } = await execa(LAYER_PYTHON, [LOADER, file]);
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

describe.runIf(toolIsUsable('mitreattack-python', LAYER_PYTHON))("the Navigator layer loads with mitreattack-python's layer classes", () => {
  it('loads the layer of the example detections, techniques, tactics, scores and comments intact', async () => {
    const file = path.join(await reportOnExamples(['--format', 'navigator']), 'attack-layer.json');
    const written = JSON.parse(readFileSync(file, 'utf8'));
    const loaded = await loadWithMitreattack(file);
    expect(loaded).toMatchObject({ domain: 'enterprise-attack', versions: { layer: '4.5' }, name: written.name });
    expect(written.techniques.length).toBeGreaterThan(0);
    expect(loaded.techniques).toEqual(written.techniques);
    expect(loaded.gradient).toEqual(written.gradient);
  });

  it('loads a layer that names the ATT&CK release of offline data', async () => {
    const file = path.join(await reportOnExamples(['--format', 'navigator', '--attack-data', SAMPLE_BUNDLE]), 'attack-layer.json');
    const loaded = await loadWithMitreattack(file);
    expect(loaded.versions).toMatchObject({ attack: '18', layer: '4.5' });
  });

  // Three colours over a score range of 1 is what mitreattack-python's Gradient cannot compute.
  it('refuses a broken layer, so a pass means something', async () => {
    const file = path.join(await reportOnExamples(['--format', 'navigator']), 'attack-layer.json');
    const layer = JSON.parse(readFileSync(file, 'utf8'));
    layer.gradient = { colors: ['#ffffff', '#66b1ff', '#ff6666'], minValue: 0, maxValue: 1 };
    const broken = file.replace(/\.json$/, '-broken.json');
    writeFileSync(broken, JSON.stringify(layer));
    await expect(loadWithMitreattack(broken)).rejects.toThrow(/did not load the layer/);
  });
});
