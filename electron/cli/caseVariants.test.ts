import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SomaticResult } from '../../shared/cancer/channels';
import { DEFAULT_SOMATIC_FILTER } from '../../shared/cancer/somaticFilter';
import type { SomaticFilter } from '../../shared/cancer/somaticFilter';
import { SOMATIC_PRESETS } from '../../shared/cancer/somaticPresets';
import { toBgzf } from '../main/vcf/bgzfWriter';
import { mutect2Vcf, SOMATIC_TRUTH, strelka2Vcf } from '../main/cases/cancer/testing/somaticVcfs';
import { germlineVcf } from '../main/cases/cancer/testing/germlineVcfs';
import { EXIT } from './exitCodes';
import { cliHarness, offlineEnv } from './testing/cliHarness';

// Issue 19: `case variants` on a cancer case filters its somatic calls with the somatic filter and
// the same cancer:somatic handler the app's somatic view asks (in process, the real router), and
// `case list` says which cases are cancer cases.
const dir = mkdtempSync(join(tmpdir(), 'cli-somatic-'));
const h = cliHarness({
  env: offlineEnv(dir),
  cwd: dir,
  passphrase: 'correct horse battery staple',
});
writeFileSync(join(dir, 'mutect2.vcf.gz'), toBgzf(mutect2Vcf()));
writeFileSync(join(dir, 'strelka2.vcf'), strelka2Vcf());
writeFileSync(join(dir, 'blood.vcf.gz'), toBgzf(germlineVcf()));

beforeAll(async () => {
  for (const argv of [
    ['--vcf', 'mutect2.vcf.gz', '--id', 'CA-TN', '--tumour-type', 'SKCM'],
    ['--vcf', 'strelka2.vcf', '--id', 'CA-TO', '--tumour-only'],
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

/** What the app's somatic view gets for the same filter: cancer:somatic over the same router. */
async function appView(caseId: string, filter: SomaticFilter): Promise<SomaticResult> {
  const r = await h.transport().invoke('cancer:somatic', { caseId, filter, limit: 500 });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const json = (out: string[]) =>
  JSON.parse(out[0] ?? '{}') as SomaticResult & { kind: string; filter: SomaticFilter };
const truth = (gene: string) => {
  const x = SOMATIC_TRUTH.find((t) => t.gene === gene);
  if (x === undefined) throw new Error(gene);
  return x;
};

describe('issue 19: cli case variants on a cancer case', () => {
  it("issue 19: runs the somatic filter (the app's first view) through cancer:somatic, not the germline filters; VAF and depth per sample exact", async () => {
    const r = await h.cli('case', 'variants', 'CA-TN', '--json');
    expect(r.code, r.err.join('\n')).toBe(EXIT.ok);
    const v = json(r.out);
    expect(v.kind).toBe('cancer');
    expect(v.filter).toEqual(DEFAULT_SOMATIC_FILTER);
    expect(v.steps.map((s) => s.step)).toEqual([
      'pass',
      'tumourVaf',
      'tumourDepth',
      'normalDepth',
      'normalVaf',
    ]);
    expect(v).toEqual({
      kind: 'cancer',
      filter: DEFAULT_SOMATIC_FILTER,
      ...(await appView('CA-TN', DEFAULT_SOMATIC_FILTER)),
    });
    // The germline leak (ISG15, normal VAF 45%) is what the normal-VAF step removes.
    expect(v.rows.map((x) => x.variant_key).sort()).toEqual(
      SOMATIC_TRUTH.filter((x) => !x.leak)
        .map((x) => x.key)
        .sort(),
    );
    const braf = v.rows.find((x) => x.gene === 'BRAF');
    const t = truth('BRAF');
    expect(braf).toMatchObject({
      t_vaf: t.tumour[1] / (t.tumour[0] + t.tumour[1]),
      t_ad_ref: t.tumour[0],
      t_ad_alt: t.tumour[1],
      n_vaf: 0,
      n_ad_ref: t.normal[0],
    });
    expect(braf?.hotspot).not.toBeNull();
  }, 120_000);

  it('issue 19: the text prints tumour and normal VAF and depth, the tier and the hotspot and germline-leak flags', async () => {
    const r = await h.cli('case', 'variants', 'CA-TN', '--filter', '{}');
    expect(r.code, r.err.join('\n')).toBe(EXIT.ok);
    expect(r.out[0]).toBe(
      'variant\tgene\tprotein\tconsequence\tfilter\ttumour_vaf\ttumour_depth\tnormal_vaf\tnormal_depth\ttier\tflags',
    );
    const line = (gene: string) => r.out.find((l) => l.split('\t')[1] === gene)?.split('\t') ?? [];
    const braf = line('BRAF');
    // Mutect2's DP is the reads + 2 in the generated file: the depth printed is the caller's DP.
    expect(braf.slice(5, 9)).toEqual(['39.0%', '102', '0.0%', '50']);
    expect(braf[9]).toMatch(/^I{1,3}V?[A-D]?$/u);
    expect(braf[10]).toMatch(/hotspot:/u);
    expect(line('ISG15')[10]).toContain('germline-leak');
    expect(line('ISG15')[7]).toBe('45.2%');
    expect(line('TTN')[10]).not.toMatch(/hotspot/u);
  }, 120_000);

  it('issue 19: the somatic options and presets are the filter the app would run', async () => {
    const flags = await h.cli(
      'case',
      'variants',
      'CA-TN',
      '--filter',
      '{}',
      '--min-vaf',
      '20',
      '--min-tumour-depth',
      '30',
      '--min-normal-depth',
      '10',
      '--max-normal-vaf',
      '5',
      '--pass-only',
      '--consequence',
      'missense_variant',
      '--consequence',
      'inframe_deletion',
      '--genes',
      'driver',
      '--json',
    );
    expect(flags.code, flags.err.join('\n')).toBe(EXIT.ok);
    const f: SomaticFilter = {
      minTumourVaf: 0.2,
      minTumourDepth: 30,
      minNormalDepth: 10,
      maxNormalVaf: 0.05,
      passOnly: true,
      consequences: ['missense_variant', 'inframe_deletion'],
      geneSet: 'driver',
    };
    const v = json(flags.out);
    expect(v.filter).toEqual(f);
    expect(v.rows).toEqual((await appView('CA-TN', f)).rows);
    // TTN (VAF 12%, no driver) and ISG15 (leak, synonymous) are out; the drivers stay.
    expect(v.rows.map((x) => x.gene).sort()).toEqual(['BRAF', 'EGFR', 'KRAS', 'TP53']);

    const hot = json((await h.cli('case', 'variants', 'CA-TN', '--hotspots', '--json')).out);
    expect(hot.filter).toEqual({ ...DEFAULT_SOMATIC_FILTER, hotspotOnly: true });
    expect(hot.rows.length).toBeGreaterThan(0);
    expect(hot.rows.every((x) => x.hotspot !== null)).toBe(true);

    for (const p of SOMATIC_PRESETS) {
      const r = await h.cli('case', 'variants', 'CA-TN', '--preset', p.name, '--json');
      expect(r.code, r.err.join('\n')).toBe(EXIT.ok);
      expect(json(r.out).filter).toEqual(p.filter);
      expect(json(r.out).rows).toEqual((await appView('CA-TN', p.filter)).rows);
    }
    const tiers = json(
      (await h.cli('case', 'variants', 'CA-TN', '--preset', 'somatic actionable', '--json')).out,
    );
    expect(tiers.steps.map((s) => s.step)).toContain('tier');
    expect(tiers.rows.every((x) => x.tier === 'I' || x.tier === 'II')).toBe(true);
    const tier = json((await h.cli('case', 'variants', 'CA-TN', '--tier', 'IV', '--json')).out);
    expect(tier.rows.every((x) => x.tier === 'IV')).toBe(true);
  }, 240_000);

  it('issue 19: a tumour-only case has no normal: the normal columns stay empty and the normal steps keep every row', async () => {
    const r = await h.cli('case', 'variants', 'CA-TO', '--max-normal-vaf', '1', '--json');
    expect(r.code, r.err.join('\n')).toBe(EXIT.ok);
    const v = json(r.out);
    expect(v.rows.length).toBeGreaterThan(0);
    expect(v.rows.every((x) => x.n_vaf === null)).toBe(true);
    const text = await h.cli('case', 'variants', 'CA-TO');
    expect(text.out.slice(1).every((l) => l.split('\t')[7] === '')).toBe(true);
  }, 120_000);

  it('issue 19: germline options on a cancer case are refused with what it takes instead (exit 2)', async () => {
    const inheritance = await h.cli('case', 'variants', 'CA-TN', '--inheritance', 'de_novo');
    expect(inheritance.code).toBe(EXIT.usage);
    expect(inheritance.err.join('\n')).toContain(
      'Case "CA-TN" is a cancer case: --inheritance is a germline filter',
    );
    const filter = await h.cli(
      'case',
      'variants',
      'CA-TN',
      '--filter',
      '{"inheritance":["de_novo"],"maxPopAf":0.01}',
    );
    expect(filter.code).toBe(EXIT.usage);
    expect(filter.err.join('\n')).toContain('inheritance, maxPopAf are germline filters');
    expect(filter.err.join('\n')).toContain('minTumourVaf');
    const preset = await h.cli('case', 'variants', 'CA-TN', '--preset', 'rare disease trio');
    expect(preset.code).toBe(EXIT.usage);
    expect(preset.err.join('\n')).toContain('"rare disease trio" is not a somatic preset');
    expect(preset.err.join('\n')).toContain('"somatic actionable"');
    const bad = await h.cli('case', 'variants', 'CA-TN', '--filter', '{"minTumourVaf":2}');
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.err.join('\n')).toContain('minTumourVaf');
    expect(inheritance.out).toEqual([]);
  }, 120_000);

  it('issue 19: an empty, odd or 5 kB --consequence is a usage error naming the option, unechoed (was a crash)', async () => {
    for (const term of ['', 'missense variant', 'x'.repeat(5000), 'a\u001b[2J']) {
      const r = await h.cli('case', 'variants', 'CA-TN', '--consequence', term);
      expect(r.code).toBe(EXIT.usage);
      const err = r.err.join('\n');
      expect(err).toContain('--consequence takes Sequence Ontology terms such as missense_variant');
      expect(err.length).toBeLessThan(300);
    }
  }, 120_000);

  it('issue 19: somatic options on a germline case are refused (exit 2); its germline filters still run', async () => {
    const flags = await h.cli('case', 'variants', 'GERM', '--hotspots', '--min-vaf', '5');
    expect(flags.code).toBe(EXIT.usage);
    expect(flags.err.join('\n')).toContain(
      'Case "GERM" is a germline case: --min-vaf, --hotspots are somatic filters',
    );
    const preset = await h.cli('case', 'variants', 'GERM', '--preset', 'somatic default');
    expect(preset.code).toBe(EXIT.usage);
    expect(preset.err.join('\n')).toContain('"somatic default" is a somatic preset');
    const filter = await h.cli('case', 'variants', 'GERM', '--filter', '{"hotspotOnly":true}');
    expect(filter.code).toBe(EXIT.usage);
    expect(filter.err.join('\n')).toContain('hotspotOnly is a somatic filter');
    const germline = await h.cli('case', 'variants', 'GERM', '--json');
    expect(germline.code, germline.err.join('\n')).toBe(EXIT.ok);
    const rows = (JSON.parse(germline.out[0] ?? '{}') as { rows: { modes: unknown }[] }).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((x) => Array.isArray(x.modes))).toBe(true);
    const mode = await h.cli('case', 'variants', 'GERM', '--inheritance', 'sideways');
    expect(mode.code).toBe(EXIT.usage);
    expect(mode.err.join('\n')).toContain('--inheritance takes one of');
  }, 120_000);

  it('issue 19: --help documents the somatic options and presets', async () => {
    const help = await h.cli('case', 'variants', '--help');
    expect(help.code).toBe(EXIT.ok);
    const text = help.out.join('\n');
    for (const o of [
      '--min-vaf <percent>',
      '--min-tumour-depth <n>',
      '--min-normal-depth <n>',
      '--max-normal-vaf <percent>',
      '--pass-only',
      '--consequence <so-term>',
      '--hotspots',
      '--genes <set>',
      '--tier <tier>',
      '--inheritance <mode>',
      ...SOMATIC_PRESETS.map((p) => p.name),
    ])
      expect(text).toContain(o);
  });
});

describe('issue 19: cli case list says which cases are cancer cases', () => {
  it('issue 19: kind, design and tumour type in the JSON and the text', async () => {
    const r = await h.cli('case', 'list', '--json');
    expect(r.code).toBe(EXIT.ok);
    const cases = (
      JSON.parse(r.out[0] ?? '{}') as {
        cases: { caseId: string; kind: string; design: string | null; tumourType: string | null }[];
      }
    ).cases;
    const of = (id: string) => {
      const c = cases.find((x) => x.caseId === id);
      return c === undefined ? undefined : { kind: c.kind, design: c.design, type: c.tumourType };
    };
    expect(of('CA-TN')).toEqual({ kind: 'cancer', design: 'tumour-normal', type: 'SKCM' });
    expect(of('CA-TO')).toEqual({ kind: 'cancer', design: 'tumour-only', type: null });
    expect(of('GERM')).toEqual({ kind: 'germline', design: null, type: null });
    const text = await h.cli('case', 'list');
    const line = (id: string) => text.out.find((l) => l.startsWith(`${id}\t`))?.split('\t');
    expect(line('CA-TN')?.at(-1)).toBe('cancer (SKCM, tumour-normal)');
    expect(line('CA-TO')?.at(-1)).toBe('cancer (tumour-only)');
    expect(line('GERM')?.at(-1)).toBe('germline');
  });

  it('issue 16: the text counts one sample in the singular, in the same five tab-separated columns', async () => {
    const r = await h.cli('case', 'list', '--json');
    const cases = (JSON.parse(r.out[0] ?? '{}') as { cases: { caseId: string; samples: number }[] })
      .cases;
    const text = await h.cli('case', 'list');
    for (const c of cases) {
      const cols = text.out.find((l) => l.startsWith(`${c.caseId}\t`))?.split('\t');
      expect(cols).toHaveLength(5);
      expect(cols?.[2]).toBe(c.samples === 1 ? '1 sample' : `${String(c.samples)} samples`);
    }
    expect(cases.map((c) => c.samples)).toContain(1);
  });
});
