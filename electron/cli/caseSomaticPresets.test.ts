import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SomaticResult } from '../../shared/cancer/channels';
import { DEFAULT_SOMATIC_FILTER } from '../../shared/cancer/somaticFilter';
import type { SomaticFilter } from '../../shared/cancer/somaticFilter';
import { toBgzf } from '../main/vcf/bgzfWriter';
import { mutect2Vcf } from '../main/cases/cancer/testing/somaticVcfs';
import { germlineVcf } from '../main/cases/cancer/testing/germlineVcfs';
import type { CaseFilter } from '../../shared/cases/filters';
import { EXIT } from './exitCodes';
import { cliHarness, offlineEnv } from './testing/cliHarness';

// Issue 19, decision 0079: the somatic presets a user saves in the app's Somatic tab are theirs in
// the command line too (the same store and router, in process).
const dir = mkdtempSync(join(tmpdir(), 'cli-somatic-presets-'));
const h = cliHarness({
  env: offlineEnv(dir),
  cwd: dir,
  passphrase: 'correct horse battery staple',
});
writeFileSync(join(dir, 'mutect2.vcf.gz'), toBgzf(mutect2Vcf()));
writeFileSync(join(dir, 'blood.vcf.gz'), toBgzf(germlineVcf()));

beforeAll(async () => {
  for (const argv of [
    ['--vcf', 'mutect2.vcf.gz', '--id', 'CA-TN', '--tumour-type', 'SKCM'],
    ['--vcf', 'blood.vcf.gz', '--id', 'GERM', '--proband', 'P-019-BLOOD'],
  ]) {
    const r = await h.cli('case', 'import', ...argv);
    expect(r.code, r.err.join('\n')).toBe(EXIT.ok);
  }
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

const somaticFile = (name: string, filter: SomaticFilter) =>
  ({ kind: 'cohort-desk.somatic-filter-preset', version: 1, name, filter }) as const;
const germlineFile = (name: string, filter: CaseFilter) =>
  ({ kind: 'cohort-desk.case-filter-preset', version: 1, name, filter }) as const;

describe('issue 19: a preset of the other kind, and names no preset can have', () => {
  it('issue 19: a saved somatic preset on a germline case is refused as a somatic preset, as the built-in ones are (CLI exit 2, case:variants)', async () => {
    const filter: SomaticFilter = { ...DEFAULT_SOMATIC_FILTER, tiers: ['I'] };
    const saved = await h
      .transport()
      .invoke('cancer:savePreset', somaticFile('Lung board', filter));
    expect(saved.ok).toBe(true);
    for (const name of ['lung BOARD', 'somatic hotspots']) {
      const r = await h.cli('case', 'variants', 'GERM', '--preset', name, '--json');
      expect(r.code).toBe(EXIT.usage);
      expect(r.out).toEqual([]);
      expect(r.err.join('\n')).toContain(
        `Case "GERM" is a germline case: "${name}" is a somatic preset for cancer cases.`,
      );
      // The channel the command line asks (and any window could) says the same, worded by key.
      const ipc = await h.transport().invoke('case:variants', { caseId: 'GERM', preset: name });
      expect(ipc.ok).toBe(false);
      if (ipc.ok) return;
      expect(ipc.error).toMatchObject({
        code: 'INVALID_REQUEST',
        where: 'preset',
        key: 'somaticPresetOnGermline',
        params: { caseId: 'GERM', preset: name },
      });
      expect(ipc.error.message).toContain(`"${name}" is a somatic filter preset for cancer cases`);
    }
    // On a cancer case the channel does not call it a germline case: case:variants has no such preset.
    const cancer = await h.transport().invoke('case:variants', {
      caseId: 'CA-TN',
      preset: 'somatic hotspots',
    });
    expect(!cancer.ok && cancer.error.key).toBe('noPreset');
    await h.transport().invoke('cancer:deletePreset', { name: 'Lung board' });
  }, 120_000);

  it('issue 19: a saved germline preset on a cancer case is named as a germline preset (exit 2)', async () => {
    const saved = await h
      .transport()
      .invoke('case:savePreset', germlineFile('Trio strict', { passOnly: true }));
    expect(saved.ok).toBe(true);
    for (const name of ['trio STRICT', 'rare disease trio']) {
      const r = await h.cli('case', 'variants', 'CA-TN', '--preset', name);
      expect(r.code).toBe(EXIT.usage);
      expect(r.err.join('\n')).toContain(
        `Case "CA-TN" is a cancer case: "${name}" is not a somatic preset (it is a germline preset, for germline cases).`,
      );
    }
    await h.transport().invoke('case:deletePreset', { name: 'Trio strict' });
  }, 120_000);

  it('issue 19: a name of both kinds is the case’s own kind: a saved preset named as the other kind’s built-in runs', async () => {
    // Each store refuses its own kind's built-in names only, so these two can be saved.
    const germline: CaseFilter = { passOnly: true, maxPopAf: 0.5 };
    const somatic: SomaticFilter = { ...DEFAULT_SOMATIC_FILTER, minTumourVaf: 0.3 };
    const a = await h
      .transport()
      .invoke('case:savePreset', germlineFile('Somatic Default', germline));
    const b = await h
      .transport()
      .invoke('cancer:savePreset', somaticFile('Rare disease trio', somatic));
    expect([a.ok, b.ok]).toEqual([true, true]);
    const onGermline = await h.cli(
      'case',
      'variants',
      'GERM',
      '--preset',
      'somatic default',
      '--json',
    );
    expect(onGermline.code, onGermline.err.join('\n')).toBe(EXIT.ok);
    const direct = await h
      .transport()
      .invoke('case:variants', { caseId: 'GERM', filter: germline });
    expect(direct.ok && JSON.parse(onGermline.out.join('\n'))).toEqual(direct.ok && direct.value);
    const onCancer = await h.cli(
      'case',
      'variants',
      'CA-TN',
      '--preset',
      'rare disease trio',
      '--json',
    );
    expect(onCancer.code, onCancer.err.join('\n')).toBe(EXIT.ok);
    expect(json(onCancer.out).filter).toEqual(somatic);
    // The built-in of the case's own kind still comes first.
    const builtIn = await h.cli(
      'case',
      'variants',
      'GERM',
      '--preset',
      'rare disease trio',
      '--json',
    );
    expect(builtIn.code, builtIn.err.join('\n')).toBe(EXIT.ok);
    await h.transport().invoke('case:deletePreset', { name: 'Somatic Default' });
    await h.transport().invoke('cancer:deletePreset', { name: 'Rare disease trio' });
  }, 120_000);

  it('issue 19: an empty, 10 kB or control-character --preset is refused without echoing it; a path-like name is only a name (exit 2)', async () => {
    for (const [name, said] of [
      ['', '--preset takes a preset name; this one is empty'],
      ['   ', '--preset takes a preset name; this one is empty'],
      ['x'.repeat(10_240), 'at most 100 characters; this one has 10240'],
      [
        'board\u001b[2J\u001b[31m',
        '--preset takes a preset name; this one holds control, text-direction or invisible characters',
      ],
      ['a\u009bb', 'holds control, text-direction or invisible characters'],
      // Issue 16: a right-to-left override or a zero-width space is no more a name than ESC.
      ['trio\u202Eevil', 'holds control, text-direction or invisible characters'],
      ['tr\u200Bio', 'holds control, text-direction or invisible characters'],
    ] as const) {
      for (const id of ['GERM', 'CA-TN']) {
        const r = await h.cli('case', 'variants', id, '--preset', name);
        expect(r.code).toBe(EXIT.usage);
        const err = r.err.join('\n');
        expect(err).toContain(said);
        expect(err.length).toBeLessThan(400);
        expect(err.includes('\u001b') || err.includes('\u009b')).toBe(false);
      }
    }
    const germline = await h.cli('case', 'variants', 'GERM', '--preset', '../x');
    expect(germline.code).toBe(EXIT.usage);
    expect(germline.err.join('\n')).toContain('There is no preset "../x".');
    const cancer = await h.cli('case', 'variants', 'CA-TN', '--preset', '../x');
    expect(cancer.code).toBe(EXIT.usage);
    expect(cancer.err.join('\n')).toContain('"../x" is not a somatic preset.');
    // Over the channel: an empty or over-long name is refused at the boundary, naming the field.
    for (const preset of ['', ' ', 'x'.repeat(10_240)]) {
      const r = await h.transport().invoke('case:variants', { caseId: 'GERM', preset });
      expect(!r.ok && r.error.where).toBe('case:variants:preset');
    }
  }, 120_000);

  it('issue 16: a preset whose name holds control, text-direction or invisible characters is not saved; main names the character and where', async () => {
    for (const [name, codePoint, at] of [
      ['Evil\u001b[2J', 'U+001B', 5],
      ['trio \u202Egnp', 'U+202E', 6],
      ['\u2066trio\u2069', 'U+2066', 1],
      ['tr\u200Bio', 'U+200B', 3],
    ] as const) {
      const somatic = await h
        .transport()
        .invoke('cancer:savePreset', somaticFile(name, DEFAULT_SOMATIC_FILTER));
      expect(!somatic.ok && [somatic.error.key, somatic.error.params]).toEqual([
        'presetNameHidden',
        { codePoint, at },
      ]);
      const germline = await h.transport().invoke('case:savePreset', {
        kind: 'cohort-desk.case-filter-preset',
        version: 1,
        name,
        filter: {},
      });
      expect(!germline.ok && germline.error.message).toContain(
        `${codePoint} at character ${String(at)}`,
      );
    }
    const listed = await h.transport().invoke('cancer:presets', undefined);
    expect(listed.ok && listed.value.saved.map((p) => p.name)).not.toContain('Evil\u001b[2J');
  }, 120_000);
});
