import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bs1Threshold } from '../../../shared/acmg/bs1';
import { federationFrequency } from '../../../shared/acmg/federationFrequency';
import { suggestCriteria } from '../../../shared/acmg/suggest';
import type { SeenCandidate } from '../../../shared/seen/channels';
import { toFederated } from '../../../shared/seen/toFederated';
import {
  sharedTokenFederation,
  type ReadOnlyTokenFederation,
} from '../search/testing/tokenFederation';
import type { SeenHarness } from './testing/seenHarness';
import { openSeenHarness } from './testing/seenHarness';

/**
 * Issue 18: the seen-before answers stored with the case feed the ACMG frequency criteria and the
 * report. The expected numbers are computed by hand from the demo federation's ground truth
 * (carriers and individuals per dataset), not from the app's own code.
 */
let demo: ReadOnlyTokenFederation;
let h: SeenHarness;
const CASE = 'SEEN-EV';
const PLANTED = '17-43057062-T-TG';
const candidate: SeenCandidate = { chrom: '17', pos: 43057062, ref: 'T', alt: 'TG' };

beforeAll(async () => {
  demo = sharedTokenFederation();
  h = await openSeenHarness(() => demo.directory(), CASE, PLANTED, ['HP:0003002']);
}, 120_000);
afterAll(async () => {
  await h.close();
});

const lookup = async () => {
  const queryId = `seen-${crypto.randomUUID()}`;
  await h.call('seen:lookup', { queryId, caseId: CASE, candidates: [candidate] });
  await h.finished(queryId);
  return (await h.call('seen:stored', { caseId: CASE })).answers;
};

/** Every dataset holding the allele, with its carriers and size, from the ground truth. */
const truthRows = () =>
  Object.entries(demo.truth.datasets).map(([id, d]) => ({
    id,
    carriers: d.planted[PLANTED]?.carriers ?? 0,
    ac: d.planted[PLANTED]?.ac ?? 0,
    an: 2 * d.individuals,
    individuals: d.individuals,
  }));

describe('issue 18: seen-before answers feed the ACMG frequency criteria and the report', () => {
  it('issue 18: as the clinician (exact counts), the pooled frequency bounds are the ground truth carriers over the individuals', async () => {
    h.useTokens(await demo.tokenFor('clinician'));
    const fed = toFederated(await lookup());
    const f = federationFrequency(fed, PLANTED);
    // Datasets answered with a count and a size, as the clinician sees them.
    const counted = new Set(
      fed.filter((a) => a.individuals !== undefined && a.count !== null).map((a) => a.dataset),
    );
    expect(counted.size).toBeGreaterThan(0);
    const rows = truthRows().filter((r) => counted.has(r.id));
    const carriers = rows.reduce((s, r) => s + r.carriers, 0);
    const individuals = rows.reduce((s, r) => s + r.individuals, 0);
    expect(carriers).toBeGreaterThan(0);
    expect(f.carriers).toEqual({ min: carriers, max: carriers });
    expect(f.individuals).toEqual({ min: individuals, max: individuals });
    expect(f.afLow).toBeCloseTo(carriers / (2 * individuals), 12);
    expect(f.afHigh).toBeCloseTo(carriers / individuals, 12);
    // The true allele frequency of those datasets lies within the bounds.
    const af = rows.reduce((s, r) => s + r.ac, 0) / rows.reduce((s, r) => s + r.an, 0);
    expect(af).toBeGreaterThanOrEqual(f.afLow);
    expect(af).toBeLessThanOrEqual(f.afHigh ?? 0);
  });

  it('issue 18: as the researcher ("<N" and rounded counts), the bounds still hold the truth; signed out, yes/no answers give no frequency', async () => {
    h.useTokens(await demo.tokenFor('researcher'));
    const fed = toFederated(await lookup());
    const f = federationFrequency(fed, PLANTED);
    const counted = new Set(
      fed
        .filter((a) => a.individuals !== undefined && (a.count !== null || a.countRange))
        .map((a) => a.dataset),
    );
    const rows = truthRows().filter((r) => counted.has(r.id));
    const af = rows.reduce((s, r) => s + r.ac, 0) / rows.reduce((s, r) => s + r.an, 0);
    expect(f.counted).toBe(rows.length);
    expect(af).toBeGreaterThanOrEqual(f.afLow);
    expect(af).toBeLessThanOrEqual(f.afHigh ?? 0);

    h.useTokens(undefined);
    const open = toFederated(await lookup()).filter((a) => a.variantKey === PLANTED);
    const publicYes = open.filter((a) => a.granularity === 'boolean' && a.exists === true);
    expect(publicYes.length).toBeGreaterThan(0);
    for (const a of publicYes) expect(a.individuals).toBeUndefined();
  });

  it('issue 18: the suggestion names every node, dataset, granularity and time; the report shows the stored answers instead of "not looked up"', async () => {
    h.useTokens(await demo.tokenFor('clinician'));
    const answers = await lookup();
    const fed = toFederated(answers);
    const s = suggestCriteria({
      variant: {
        variant_key: PLANTED,
        gene: 'BRCA1',
        consequence: 'frameshift_variant',
        pop_af: null,
        modes: [],
      },
      frequencyFields: [],
      transPathogenic: [],
      federation: fed,
    });
    const all = [...s.criteria.map((c) => c.source), ...s.notes.map((n) => n.text)].join('\n');
    // Each answer is named either in the frequency criterion's source (the datasets usable for
    // frequency) or in the note on the datasets set aside (decision 0051).
    const text = all;
    for (const a of fed.filter((x) => x.variantKey === PLANTED)) {
      expect(text).toContain(`${a.dataset} at ${a.node} (${a.granularity})`);
      expect(text).toContain(a.at);
    }

    const [first] = (await h.call('case:variants', { caseId: CASE, filter: {}, limit: 10 })).rows;
    if (first === undefined) throw new Error('the case has no variant');
    await h.call('case:updateWork', {
      caseId: CASE,
      change: {
        kind: 'addVariant',
        variant: {
          variantKey: first.variant_key,
          chrom: first.chrom,
          pos: first.pos,
          ref: first.ref,
          alt: first.alt,
          gene: first.gene,
          consequence: first.consequence,
          hgvs_c: first.hgvs_c,
          hgvs_p: first.hgvs_p,
          gt: first.p_gt,
          modes: first.modes,
          pop_af: first.pop_af,
          clinvar_sig: first.clinvar_sig,
        },
        sheet: { criteria: s.criteria, confirmed: null },
      },
    });
    await h.call('case:updateWork', {
      caseId: CASE,
      change: { kind: 'reported', variantKey: first.variant_key, reported: true },
    });
    const report = await h.call('case:report', {
      caseId: CASE,
      format: 'html',
      method: { filter: {} },
    });
    expect(report.body).not.toContain('data-federated="not-looked-up"');
    expect(report.body).toContain('data-federated="answers"');
    const it = demo.truth.datasets['IT-CA-01'];
    // The granularity in the report's words (issue 22: English report, "records" for `record`).
    expect(report.body).toContain(
      `<td>IT-CA-01</td><td>records</td><td>${String(it?.planted[PLANTED]?.carriers)}</td><td>${(it?.individuals ?? 0).toLocaleString('en-US')}</td>`,
    );
  });

  it('issue 18: on the demo federation, the planted BRCA1 allele’s frequency in the hereditary cancer cohorts does not give BS1 at the BRCA1 (AD) threshold; the cohorts are named as set aside, from their nodes’ own declarations', async () => {
    h.useTokens(await demo.tokenFor('clinician'));
    const fed = toFederated(await lookup());
    // Every dataset answer carries its node's /datasets declaration.
    // (A node's answer for no dataset in particular, "all" or "dataset not named", has none.)
    for (const a of fed.filter(
      (x) => x.error === undefined && !['all', 'dataset not named'].includes(x.dataset),
    ))
      expect(a.declared?.title, a.dataset).toBeTruthy();
    const cancer = fed.filter((a) => a.dataset === 'IT-CA-01' || a.dataset === 'SE-CA-01');
    expect(cancer.map((a) => a.declared?.kind)).toEqual(['cancer', 'cancer']);
    // The ground truth: the planted carriers sit in the cancer cohorts, far above 0.05 %.
    const truth = truthRows().filter((r) => r.carriers > 0);
    expect(truth.map((r) => r.id).sort()).toEqual(['IT-CA-01', 'SE-CA-01']);
    const carriers = truth.reduce((s, r) => s + r.carriers, 0);
    const individuals = truth.reduce((s, r) => s + r.individuals, 0);
    const ad = bs1Threshold({
      disease: { id: 'OMIM:604370', label: 'Breast-ovarian cancer, familial, 1' },
      modes: ['AD'],
      pm2: 0.0001,
      ba1: 0.05,
    });
    expect(ad.bs1).toBeCloseTo(0.0005, 12);
    expect(carriers / (2 * individuals)).toBeGreaterThan(ad.bs1);
    const s = suggestCriteria({
      variant: {
        variant_key: PLANTED,
        gene: 'BRCA1',
        consequence: 'frameshift_variant',
        pop_af: null,
        modes: [],
      },
      patient: {
        phenotypes: ['HP:0003002'],
        diagnosis: { id: 'OMIM:604370', label: 'Breast-ovarian cancer, familial, 1' },
      },
      frequencyFields: [],
      transPathogenic: [],
      federation: fed,
      thresholds: { ba1: 0.05, bs1: ad.bs1, pm2: 0.0001, bs1Why: ad.why },
    });
    const codes = s.criteria.map((c) => c.code);
    expect(codes).not.toContain('BS1');
    expect(codes).not.toContain('BA1');
    // No dataset usable for frequency carries it: PM2 (supporting) stays, naming them.
    expect(codes).toContain('PM2');
    const aside = s.notes.find((n) => n.code === 'BS1')?.text ?? '';
    for (const id of ['IT-CA-01', 'SE-CA-01']) {
      const t = demo.truth.datasets[id];
      expect(aside).toContain(
        `${id} at ${cancer.find((a) => a.dataset === id)?.node ?? ''} (record): ${String(t?.planted[PLANTED]?.carriers)} of ${(t?.individuals ?? 0).toLocaleString('en-US')} individuals`,
      );
    }
    expect(aside).toContain('enriched for BRCA1 carriers');
    expect(s.notes.some((n) => n.code === 'PS4')).toBe(true);
  });
});
