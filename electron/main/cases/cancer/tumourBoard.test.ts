import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWLEDGE_VERSIONS } from '../../../../shared/cancer/knowledge';
import {
  sharedTokenFederation,
  type ReadOnlyTokenFederation,
} from '../../search/testing/tokenFederation';
import type { SeenHarness } from '../../seen/testing/seenHarness';
import { openSeenHarness } from '../../seen/testing/seenHarness';
import { mutect2Vcf, SOMATIC_TRUTH } from './testing/somaticVcfs';

// Issue 19: the tumour-board report of a cancer case, from import to export, with the federation's
// answers per tumour type from the demo federation (signed in as the clinician).
let demo: ReadOnlyTokenFederation;
let h: SeenHarness;
let html = '';
const BRAF = '7-140753336-A-T';
const LEAK = SOMATIC_TRUTH.find((t) => t.leak)?.key ?? '';

beforeAll(async () => {
  demo = sharedTokenFederation();
  h = await openSeenHarness(() => demo.directory(), 'GERM-1', '14-104780214-C-T', ['HP:0003002']);
  h.useTokens(await demo.tokenFor('clinician'));
  const done = await h.importCase({
    caseId: 'CA-BOARD',
    patientId: 'P-CA',
    sex: 'female',
    vcf: h.handle(h.file('mutect2.vcf.gz', mutect2Vcf(), { bgzf: true })),
    cancer: { tumour: 'T-001', normal: 'N-001', tumourType: 'SKCM', purity: 0.6 },
  });
  expect(done.phase).toBe('done');
  const [chrom = '', pos = '', ref = '', alt = ''] = BRAF.split('-');
  const base = { chrom, pos: Number(pos), ref, alt, gene: 'BRAF' };
  const queryId = `seen-${crypto.randomUUID()}`;
  await h.call('seen:lookup', {
    queryId,
    caseId: 'CA-BOARD',
    candidates: [base, { ...base, tumourType: 'SKCM' }, { ...base, tumourType: 'LUAD' }],
  });
  await h.finished(queryId);
  const rows = await h.call('cancer:somatic', { caseId: 'CA-BOARD', filter: {}, limit: 100 });
  const braf = rows.rows.find((r) => r.variant_key === BRAF);
  await h.call('cancer:review', {
    caseId: 'CA-BOARD',
    variantKey: BRAF,
    tier: 'I',
    level: 'A',
    proposed: `${braf?.tier ?? ''}${braf?.tier_level ?? ''}`,
    note: 'Board 2026-12-06',
  });
  const report = await h.call('case:report', {
    caseId: 'CA-BOARD',
    format: 'html',
    method: { filter: {} },
  });
  html = report.body;
}, 180_000);
afterAll(async () => {
  await h.close();
});

const section = (): string => html.slice(html.indexOf('id="tumour-board"'));
const rowOf = (key: string): string => {
  const s = section();
  const at = s.indexOf(`data-variant="${key}"`);
  return at < 0 ? '' : s.slice(at, s.indexOf('</tr>', at));
};

describe('issue 19: the tumour-board report', () => {
  it('issue 19: lists every somatic call with its proposed tier and evidence, the leak apart', () => {
    expect(section()).toContain('Tumour board: somatic findings');
    expect(section()).toContain('Cutaneous Melanoma (OncoTree SKCM); purity: 60%; caller: mutect2');
    for (const t of SOMATIC_TRUTH.filter((x) => !x.leak))
      expect(rowOf(t.key), t.key).toMatch(/Tier (I|II|III|IV)/);
    expect(rowOf(LEAK)).toBe('');
    expect(rowOf(BRAF)).toContain('Hotspot');
    expect(rowOf(BRAF)).toContain('<li>');
  });

  it('issue 19: the oncologist’s tier beside the proposal; unconfirmed ones say so', () => {
    expect(rowOf(BRAF)).toMatch(/Tier I \(level A\), (confirmed|changed) .*Board 2026-12-06/);
    const tp53 = SOMATIC_TRUTH.find((t) => t.gene === 'TP53')?.key ?? '';
    expect(rowOf(tp53)).toContain('Not confirmed');
  });

  it('issue 19: hotspot, CIViC and ClinVar knowledge with their versions', () => {
    for (const v of Object.values(KNOWLEDGE_VERSIONS)) expect(section()).toContain(v);
  });

  it('issue 19: federated carriers per node dataset and tumour type, with node and time', () => {
    const fed = section().slice(section().indexOf('Federated carriers'));
    for (const n of demo.directory().nodes)
      expect(fed).toContain(`${n.name} (${n.country}), as of `);
    // A node without cancer data was not asked the tumour types, and the report says so.
    expect(fed).toContain('Tumour types the node does not offer: SKCM, LUAD');
    expect(fed).toContain('Not looked up in the federation.');
  });

  it('issue 19: germline findings name the leak; the export is audited as the case report', () => {
    const g = section().slice(section().indexOf('Germline findings'));
    expect(g).toContain(LEAK);
    expect(g).toContain('probably germline');
    const audit = readFileSync(join(h.dir, 'data', 'audit', 'audit.jsonl'), 'utf8');
    expect(audit).toContain('"case.report"');
    expect(audit).not.toContain('BRAF');
  });
});
