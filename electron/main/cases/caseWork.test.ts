import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeSuggestions } from '../../../shared/acmg/evaluate';
import { suggestCriteria } from '../../../shared/acmg/suggest';
import type { CaseVariantRow } from '../../../shared/cases/channels';
import { snapshotOf } from '../../../shared/cases/variantSnapshot';
import { casesRoot } from './caseFolder';
import type { CaseHarness } from './testing/caseHarness';
import { openCaseHarness } from './testing/caseHarness';
import { pdfPages } from './testing/pdfText';
import { syntheticTrio } from './testing/syntheticTrio';

const trio = syntheticTrio();
let h: CaseHarness;
let row: CaseVariantRow;
const caseId = 'TRIO-18';
const method = { filter: { inheritance: ['de_novo' as const] }, preset: 'De novo' };

beforeAll(async () => {
  h = openCaseHarness();
  const vcf = h.handle(h.file('trio.vcf.gz', trio.vcf, { bgzf: true }));
  const done = await h.importCase({
    caseId,
    patientId: 'PSEUDO-7731',
    sex: 'male',
    phenotype: { observed: [{ id: 'HP:0001250', label: 'Seizure' }], excluded: [] },
    vcf,
    ped: { name: 'trio.ped', text: trio.ped },
    links: ['MOTHER', 'PROBAND', 'FATHER'].map((s) => ({ sample: s, member: s })),
    proband: 'PROBAND',
  });
  expect(done).toMatchObject({ phase: 'done' });
  const v = await h.call('case:variants', { caseId, filter: method.filter, limit: 100 });
  const scn2a = v.rows.find((r) => r.gene === 'SCN2A');
  if (scn2a === undefined) throw new Error('the planted SCN2A de novo allele is missing');
  row = scn2a;
}, 120_000);

afterAll(async () => {
  await h.close();
});

describe('issue 18: case work, through the router, sealed with the case', () => {
  it('from suggestions to a confirmed class, a signed-off report, a PDF and a Phenopacket', async () => {
    const cv = await h.call('case:clinvar', { variantKeys: [row.variant_key], genes: ['SCN2A'] });
    const s = suggestCriteria({
      variant: row,
      frequencyFields: ['gnomAD_AF'],
      transPathogenic: [],
      clinvar: { release: cv.release, coveredGenes: cv.coveredGenes },
    });
    expect(s.criteria.map((c) => c.code).sort()).toEqual(['PM2', 'PM6']);
    expect(s.notes.map((n) => n.code)).toEqual(['PVS1']);
    const key = row.variant_key;
    await h.call('case:updateWork', { caseId, change: { kind: 'status', status: 'in-review' } });
    await h.call('case:updateWork', {
      caseId,
      change: {
        kind: 'addVariant',
        variant: snapshotOf(row),
        sheet: mergeSuggestions(undefined, s),
      },
    });
    const refused = await h.invoke('case:updateWork', {
      caseId,
      change: { kind: 'confirm', variantKey: key },
    });
    expect(refused.ok).toBe(false);
    const work = await h.call('case:work', { caseId });
    const sheet = work.variants[0]?.sheet;
    if (sheet === undefined) throw new Error('no sheet');
    // The clinician accepts both and adds PVS1 (SCN2A loss of function, known to them).
    const decided = {
      confirmed: null,
      criteria: [
        ...sheet.criteria.map((c) => ({ ...c, status: 'accepted' as const })),
        {
          code: 'PVS1' as const,
          strength: 'very_strong' as const,
          status: 'accepted' as const,
          reason: 'LoF is the mechanism of SCN2A DEE',
          source: 'clinician',
          suggested: false,
        },
      ],
    };
    await h.call('case:updateWork', {
      caseId,
      change: { kind: 'sheet', variantKey: key, sheet: decided },
    });
    const confirmed = await h.call('case:updateWork', {
      caseId,
      change: { kind: 'confirm', variantKey: key },
    });
    expect(confirmed.variants[0]?.sheet.confirmed).toMatchObject({ cls: 'pathogenic', points: 11 });
    expect(confirmed.variants[0]?.sheet.confirmed?.rule).toMatch(/^P\(i\)\(c\)/);
    await h.call('case:updateWork', {
      caseId,
      change: { kind: 'reported', variantKey: key, reported: true },
    });
    await h.call('case:updateWork', {
      caseId,
      change: { kind: 'note', variantKey: key, text: 'Confirm by Sanger.' },
    });
    await h.call('case:updateWork', {
      caseId,
      change: {
        kind: 'diagnosis',
        diagnosis: { id: 'OMIM:613721', label: 'Developmental and epileptic encephalopathy 11' },
      },
    });
    const signed = await h.call('case:updateWork', {
      caseId,
      change: { kind: 'signOff', statement: 'Reviewed.', method },
    });
    expect(signed.signOff?.by).toContain('this computer account');
    expect(signed.history.map((x) => x.what)).toEqual([
      'status',
      'addVariant',
      'sheet',
      'confirm',
      'reported',
      'note',
      'diagnosis',
      'signOff',
    ]);
    // The list shows the status the work set.
    expect((await h.call('case:list', undefined)).cases[0]?.status).toBe('in-review');

    const html = await h.call('case:report', { caseId, format: 'html', method: { filter: {} } });
    expect(html.body).toContain('PSEUDO-7731');
    expect(html.body).toContain(`data-variant="${key}"`);
    expect(html.body).toContain('Inheritance: de novo');
    expect(html.body).toContain('Federation: not looked up.');

    const pdf = await h.call('case:report', { caseId, format: 'pdf', method: { filter: {} } });
    expect(pdf.mime).toBe('application/pdf');
    const pages = await pdfPages(new Uint8Array(Buffer.from(pdf.body, 'base64')));
    expect(pages).toHaveLength(pdf.pages ?? 0);
    expect(pages.length).toBe(2);
    const text = pages.join('\n');
    for (const s of [
      'Genomic analysis report',
      'PSEUDO-7731',
      'SCN2A',
      'Pathogenic',
      'PVS1',
      'Limitations',
      'Signed off by',
    ])
      expect(text).toContain(s);

    const packet = await h.call('case:phenopacket', { caseId });
    expect(JSON.parse(packet.json)).toMatchObject({ subject: { id: 'PSEUDO-7731', sex: 'MALE' } });
  }, 60_000);

  it('keeps the work sealed on disk (no patient id, gene or note in plaintext) and audits every change', () => {
    const scopeDir = readdirSync(join(h.dir, 'data', 'vault')).find((d) =>
      /^[0-9a-f]{32}$/.test(d),
    );
    const root = casesRoot(join(h.dir, 'data', 'vault', scopeDir ?? ''));
    const [folder] = readdirSync(root).filter((d) => /^[0-9a-f]{32}$/.test(d));
    const sealed = readFileSync(join(root, folder ?? '', 'work.sealed')).toString('latin1');
    for (const plain of ['PSEUDO-7731', 'SCN2A', 'Sanger', row.variant_key, 'PVS1'])
      expect(sealed).not.toContain(plain);
    const audit = readFileSync(join(h.dir, 'data', 'audit', 'audit.jsonl'), 'utf8');
    expect(audit.match(/"case\.work"/g)).toHaveLength(8);
    expect(audit).toContain('"case.report"');
    expect(audit).not.toContain('Sanger');
  });
});

describe('issue 22: the report through the router in the reader’s language', () => {
  it('writes German when asked, English by default and on request, with the same machine-readable parts', async () => {
    const call = (language?: 'de' | 'en') =>
      h.call('case:report', {
        caseId,
        format: 'html',
        method: { filter: {} },
        ...(language === undefined ? {} : { language }),
      });
    const [de, en, plain] = [await call('de'), await call('en'), await call()];
    expect(de.body).toContain('<html lang="de">');
    expect(de.body).toContain('Befund der genomischen Analyse');
    expect(de.body).toContain('Föderation: nicht abgefragt.');
    expect(de.body).toContain('PSEUDO-7731');
    expect(en.body).toContain('Genomic analysis report');
    expect(plain.body).toContain('<html lang="en">');
    expect(plain.body).toContain('Genomic analysis report');
    const parts = (html: string) =>
      [...html.matchAll(/\s(data-[\w-]+)="([^"]*)"/g)]
        .map((m) => m[0])
        // Each call is made at its own time: the only part that may differ.
        .filter((p) => !p.includes('data-generated'));
    expect(parts(de.body)).toEqual(parts(en.body));
    expect(de.fileName).toBe(en.fileName);
  });
});
