import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MODELS } from '../../../federation/generator/cohortModels';
import { DISEASES } from '../../../federation/reference';
import { DISEASE_LABELS } from '../../../shared/cohorts/diseaseLabels.data';
import { diseaseLabel } from '../../../shared/cohorts/ontologyLabels';
import { sharedFolder } from '../../../federation/sharedFolder';

// Issue 13: the app's disease label table is derived, not invented. It covers every disease code
// the demo federation's patients carry, with the federation's own labels, and each ORPHA and OMIM
// label is the DiseaseName of HPO's phenotype.hpoa in ../shared.
const shared = sharedFolder();
const hpoa = join(shared, 'data', 'hpo', 'phenotype.hpoa.gz');

describe('the app disease label table (issue 13)', () => {
  it('labels every disease code the demo federation uses, as the federation does', () => {
    const used = new Set(Object.values(MODELS).flatMap((m) => m.diseases));
    expect(used.size).toBeGreaterThan(0);
    for (const code of used) expect(DISEASE_LABELS.has(code), code).toBe(true);
    // Every code the federation defines is named as the federation names it (OncoTree tumour types
    // through the app's OncoTree subset), and the table holds no code the federation lacks.
    expect(Object.fromEntries(DISEASES.map((d) => [d.id, diseaseLabel(d.id)]))).toEqual(
      Object.fromEntries(DISEASES.map((d) => [d.id, d.label])),
    );
    const federation = new Map(DISEASES.map((d) => [d.id, d.label]));
    for (const [id, label] of DISEASE_LABELS) expect(federation.get(id), id).toBe(label);
  });

  it.skipIf(!existsSync(hpoa))('ORPHA and OMIM labels are phenotype.hpoa 2023-01-27 names', () => {
    const text = gunzipSync(readFileSync(hpoa)).toString('utf8');
    expect(text).toContain('#date: 2023-01-27');
    const names = new Map<string, string>();
    for (const line of text.split('\n')) {
      const [id = '', name = ''] = line.split('\t');
      if (!line.startsWith('#') && !names.has(id)) names.set(id, name);
    }
    const checked = [...DISEASE_LABELS].filter(([id]) => /^(ORPHA|OMIM):/.test(id));
    expect(checked.length).toBeGreaterThan(20);
    for (const [id, label] of checked) expect(names.get(id), id).toBe(label);
  });
});
