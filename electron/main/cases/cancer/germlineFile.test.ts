import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWLEDGE_VERSIONS } from '../../../../shared/cancer/knowledge';
import type { GermlineResult } from '../../../../shared/cancer/germline';
import { germlineGt } from '../../../../shared/cancer/germline';
import { zygosity } from '../../../../shared/report/reportData';
import { tumourBoardHtml } from '../../../../shared/report/tumourBoardHtml';
import { casesRoot, STAGING_DIR } from '../caseFolder';
import type { CaseHarness } from '../testing/caseHarness';
import { openCaseHarness } from '../testing/caseHarness';
import { loadPanels } from '../genomeAssets';
import { GERMLINE_DB_FILE } from './germlineFile';
import { tumourBoardSection } from './tumourBoard';
import {
  brokenLine,
  GERMLINE_SAMPLE,
  germlineVcf,
  OTHER_SAMPLE,
  PATIENT_GERMLINE,
} from './testing/germlineVcfs';
import { GERMLINE_BRCA2, mutect2Vcf } from './testing/somaticVcfs';

// Issue 19 (decision 0059): a germline caller's VCF imported beside the tumour VCF. The
// predisposition view reads the sample picked in it, with its genotypes as the germline caller
// wrote them; a bad germline file fails the whole import, located, and leaves nothing behind.
let h: CaseHarness;
let patient: GermlineResult;
let other: GermlineResult;

const importWith = (caseId: string, germline: { name: string; text: string; sample: string }) =>
  h.importCase({
    caseId,
    patientId: 'P-019',
    sex: 'male',
    vcf: h.handle(h.file(`${caseId}-tumour.vcf.gz`, mutect2Vcf(), { bgzf: true })),
    cancer: {
      tumour: 'T-001',
      normal: 'N-001',
      tumourType: 'BRCA',
      germline: {
        vcf: h.handle(h.file(germline.name, germline.text, { bgzf: true })),
        sample: germline.sample,
      },
    },
  });

beforeAll(async () => {
  h = openCaseHarness();
  for (const [caseId, sample] of [
    ['CA-GV-1', GERMLINE_SAMPLE],
    ['CA-GV-2', OTHER_SAMPLE],
  ] as const) {
    const done = await importWith(caseId, {
      name: `${caseId}-germline.vcf.gz`,
      text: germlineVcf(),
      sample,
    });
    expect(done, JSON.stringify([done.message, done.problems])).toMatchObject({ phase: 'done' });
  }
  patient = await h.call('cancer:germline', { caseId: 'CA-GV-1' });
  other = await h.call('cancer:germline', { caseId: 'CA-GV-2' });
}, 180_000);

afterAll(async () => {
  await h.close();
});

describe('issue 19: a separate germline VCF beside the tumour VCF', () => {
  it('finds the picked sample’s BRCA2, homozygous MUTYH and hemizygous FANCB, genotypes as the caller wrote them', () => {
    expect(patient.sample).toBe(GERMLINE_SAMPLE);
    expect(patient.file).toBe('CA-GV-1-germline.vcf.gz');
    expect(patient.rows.map((r) => [r.variant_key, r.gene, r.gt])).toEqual(
      PATIENT_GERMLINE.map((x) => [x.key, x.gene, x.gt]),
    );
    expect(patient.total).toBe(PATIENT_GERMLINE.length);
    expect(patient.rows.map((r) => zygosity(germlineGt(r)))).toEqual(
      PATIENT_GERMLINE.map((x) => x.zygosity),
    );
    // The tumour VCF's normal carries no BRCA2 here: the finding is the germline file's.
    expect(mutect2Vcf()).not.toContain(String(GERMLINE_BRCA2.pos));
  });

  it('reads the sample picked, not the file’s first column: the other sample’s calls differ', () => {
    expect(other.sample).toBe(OTHER_SAMPLE);
    expect(other.rows.map((r) => [r.gene, r.gt])).toEqual([
      ['MUTYH', '0/1'],
      ['TP53', '0/1'],
    ]);
  });

  it('keeps the germline database sealed in the case folder, recorded in the manifest', () => {
    const c = h.services.cases.find('CA-GV-1');
    expect(c?.manifest.cancer?.germline).toMatchObject({
      name: 'CA-GV-1-germline.vcf.gz',
      sample: GERMLINE_SAMPLE,
      records: 5,
    });
    const sealed = readFileSync(join(c?.dir ?? '', GERMLINE_DB_FILE));
    expect(sealed.includes(Buffer.from(GERMLINE_SAMPLE))).toBe(false);
    expect(sealed.includes(Buffer.from('MUTYH'))).toBe(false);
  });

  it('issue 19: records the germline VCF’s own population-frequency fields, which the ACMG sheet names', async () => {
    // The germline caller's VCF carries gnomAD frequencies; the tumour VCF has none.
    const annotated = germlineVcf().replace(
      '##FORMAT=<ID=GT,',
      '##INFO=<ID=gnomAD_AF,Number=A,Type=Float,Description="gnomAD allele frequency">\n##FORMAT=<ID=GT,',
    );
    const done = await importWith('CA-GV-AF', {
      name: 'annotated-blood.vcf.gz',
      text: annotated,
      sample: GERMLINE_SAMPLE,
    });
    expect(done.phase).toBe('done');
    const detail = await h.call('case:open', { caseId: 'CA-GV-AF' });
    expect(detail.vcf.frequencyFields).toEqual([]);
    expect(detail.cancer?.germline?.frequencyFields).toEqual(['gnomAD_AF']);
  });

  it('a germline VCF with a bad line fails the whole import, naming file and line: no case, no staging', async () => {
    const done = await importWith('CA-GV-BAD', {
      name: 'bad-germline.vcf.gz',
      text: germlineVcf({ brokenAt: 3 }),
      sample: GERMLINE_SAMPLE,
    });
    expect(done.phase).toBe('failed');
    expect(done.message).toContain('bad-germline.vcf.gz');
    expect(done.problems[0]).toMatchObject({ file: 'bad-germline.vcf.gz', line: brokenLine(3) });
    const list = await h.call('case:list', undefined);
    expect(list.cases.map((c) => c.caseId)).not.toContain('CA-GV-BAD');
    const staging = join(casesRoot(h.services.cases.owner().userDir), STAGING_DIR);
    expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
  });

  it('decision 0095: a germline VCF that ends after its #CHROM line is refused before anything starts, located (vcf-no-records)', async () => {
    const text = germlineVcf();
    const headerOnly = text.slice(0, text.indexOf('\n', text.indexOf('#CHROM')) + 1);
    const headerLine = headerOnly.split('\n').length - 1;
    const r = await h.invoke('case:import', {
      caseId: 'CA-GV-EMPTY',
      patientId: 'P-019',
      sex: 'male',
      vcf: h.handle(h.file('t-empty.vcf.gz', mutect2Vcf(), { bgzf: true })),
      cancer: {
        tumour: 'T-001',
        normal: 'N-001',
        germline: {
          vcf: h.handle(h.file('empty-germline.vcf.gz', headerOnly, { bgzf: true })),
          sample: GERMLINE_SAMPLE,
        },
      },
    });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error.message).toContain(
      `empty-germline.vcf.gz holds no variant records: the file ends after its #CHROM line (line ${String(headerLine)})`,
    );
    // Decision 0100: beside main's English, a code the renderer words (before: English only).
    expect(r.ok ? undefined : { key: r.error.key, params: r.error.params }).toEqual({
      key: 'germlineRefused',
      params: { fileProblem: 'vcf-no-records', file: 'empty-germline.vcf.gz', line: headerLine },
    });
    const staging = join(casesRoot(h.services.cases.owner().userDir), STAGING_DIR);
    expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
    expect(h.services.cases.find('CA-GV-EMPTY')).toBeUndefined();
  });

  it('a germline sample the file does not have is refused before anything starts, by file name', async () => {
    const r = await h.invoke('case:import', {
      caseId: 'CA-GV-NOSAMPLE',
      patientId: 'P-019',
      sex: 'male',
      vcf: h.handle(h.file('t.vcf.gz', mutect2Vcf(), { bgzf: true })),
      cancer: {
        tumour: 'T-001',
        normal: 'N-001',
        germline: {
          vcf: h.handle(h.file('g.vcf.gz', germlineVcf(), { bgzf: true })),
          sample: 'NOT-THERE',
        },
      },
    });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error.message).toContain('g.vcf.gz: "NOT-THERE" is not one of its sample');
    const staging = join(casesRoot(h.services.cases.owner().userDir), STAGING_DIR);
    expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
    expect(h.services.cases.find('CA-GV-NOSAMPLE')).toBeUndefined();
  });
});

describe('issue 19: the tumour-board report reads the case in one session', () => {
  it('opens the case database once, and says the same as the somatic and germline views', async () => {
    const cases = h.services.cases;
    const open = cases.openDatabase.bind(cases);
    let opens = 0;
    cases.openDatabase = (caseId) => {
      opens++;
      return open(caseId);
    };
    try {
      const board = await tumourBoardSection(cases, 'CA-GV-1', [], { language: 'en' });
      expect(opens).toBe(1);
      const somatic = await h.call('cancer:somatic', { caseId: 'CA-GV-1', filter: {}, limit: 500 });
      const cancer = cases.find('CA-GV-1')?.manifest.cancer;
      if (cancer === undefined) throw new Error('not a cancer case');
      expect(board).toBe(
        tumourBoardHtml(
          {
            cancer,
            rows: somatic.rows,
            answers: [],
            knowledge: KNOWLEDGE_VERSIONS,
            germline: { result: patient, reviewed: [] },
          },
          'en',
        ),
      );
      expect(board).toContain(
        `applied to the sample ${GERMLINE_SAMPLE} of the germline VCF CA-GV-1-germline.vcf.gz`,
      );
      expect(board).toContain('3 variants carried in its genes');
      expect(loadPanels().some((p) => p.id === 'cancer')).toBe(true);
    } finally {
      cases.openDatabase = open;
    }
  });
});
