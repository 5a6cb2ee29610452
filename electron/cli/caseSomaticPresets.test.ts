import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SomaticResult } from '../../shared/cancer/channels';
import { DEFAULT_SOMATIC_FILTER } from '../../shared/cancer/somaticFilter';
import type { SomaticFilter } from '../../shared/cancer/somaticFilter';
import { toBgzf } from '../main/vcf/bgzfWriter';
import { mutect2Vcf } from '../main/cases/cancer/testing/somaticVcfs';
import { EXIT } from './exitCodes';
import { cliHarness } from './testing/cliHarness';

// Issue 19, decision 0079: the somatic presets a user saves in the app's Somatic tab are theirs in
// the command line too (the same store and router, in process).
const dir = mkdtempSync(join(tmpdir(), 'cli-somatic-presets-'));
const h = cliHarness({
  env: {
    ...process.env,
    COHORT_DESK_DATA_DIR: join(dir, 'data'),
    COHORT_DESK_POLICY: join(dir, 'no-policy.json'),
    COHORT_DESK_FEDERATION_FILE: join(dir, 'no-federation.json'),
  },
  cwd: dir,
  passphrase: 'correct horse battery staple',
});
writeFileSync(join(dir, 'mutect2.vcf.gz'), toBgzf(mutect2Vcf()));

beforeAll(async () => {
  const r = await h.cli(
    'case',
    'import',
    '--vcf',
    'mutect2.vcf.gz',
    '--id',
    'CA-TN',
    '--tumour-type',
    'SKCM',
  );
  expect(r.code, r.err.join('\n')).toBe(EXIT.ok);
}, 240_000);
afterAll(() => {
  h.close();
  rmSync(dir, { recursive: true, force: true });
});

async function appView(caseId: string, filter: SomaticFilter): Promise<SomaticResult> {
  const r = await h.transport().invoke('cancer:somatic', { caseId, filter, limit: 500 });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const json = (out: string[]): { filter: SomaticFilter } & SomaticResult =>
  JSON.parse(out.join('\n')) as { filter: SomaticFilter } & SomaticResult;

describe('issue 19: saved somatic presets (decision 0079)', () => {
  it('issue 19: a somatic preset the user saved in the app is taken by --preset; a built-in name is refused (decision 0079)', async () => {
    const filter: SomaticFilter = { ...DEFAULT_SOMATIC_FILTER, minTumourVaf: 0.2, tiers: ['I'] };
    const save = await h.transport().invoke('cancer:savePreset', {
      kind: 'cohort-desk.somatic-filter-preset',
      version: 1,
      name: 'Melanoma board',
      filter,
    });
    expect(save.ok && save.value.saved.map((p) => p.name)).toEqual(['Melanoma board']);
    // The name is found without regard to case, as the built-in ones are.
    const r = await h.cli('case', 'variants', 'CA-TN', '--preset', 'melanoma BOARD', '--json');
    expect(r.code, r.err.join('\n')).toBe(EXIT.ok);
    expect(json(r.out).filter).toEqual(filter);
    expect(json(r.out).rows).toEqual((await appView('CA-TN', filter)).rows);
    const unknown = await h.cli('case', 'variants', 'CA-TN', '--preset', 'lung board');
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.err.join('\n')).toContain('or one you saved ("Melanoma board")');
    const builtIn = await h.transport().invoke('cancer:savePreset', {
      kind: 'cohort-desk.somatic-filter-preset',
      version: 1,
      name: 'Somatic Hotspots',
      filter,
    });
    expect(!builtIn.ok && builtIn.error.message).toContain('is a built-in preset');
    // A germline preset is not a somatic one: refused at the boundary, naming the field.
    const germline = await h.transport().invoke('cancer:savePreset', {
      kind: 'cohort-desk.case-filter-preset',
      version: 1,
      name: 'trio',
      filter: { passOnly: true },
    } as never);
    expect(germline.ok).toBe(false);
    const deleted = await h.transport().invoke('cancer:deletePreset', { name: 'MELANOMA board' });
    expect(deleted.ok && deleted.value.saved).toEqual([]);
  }, 120_000);
});
