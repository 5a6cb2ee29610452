import { describe, expect, it } from 'vitest';
import { casePhenopacket } from './casePhenopacket';
import { reportHtml } from './reportHtml';
import { reportFixture } from './testing/reportFixture';

type Json = Record<string, unknown>;
const at = (o: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((x, k) => (x as Record<string | number, unknown> | undefined)?.[k], o);

describe('issue 18: the clinical report', () => {
  it('shows the patient, the method as signed, every reported variant with its evidence, limitations and the sign-off', () => {
    const html = reportHtml(reportFixture());
    expect(html).toContain('PSEUDO-0042');
    expect(html).toContain('Seizure (HP:0001250)');
    expect(html).toContain('Population AF ≤ 0.001');
    expect(html).toContain('preset Rare de novo');
    expect(html).toContain('Genes4Epilepsy 2024-01');
    expect(html).toContain('ClinVar GRCh38 2026-02-26');
    expect(html).toContain('data-variant="2-166000000-C-T"');
    expect(html).toContain('NM_001165963.4:c.2134C&gt;T');
    expect(html).toContain('heterozygous (0/1)');
    expect(html).toContain('de novo; autosomal dominant');
    expect(html).toContain('<strong>Pathogenic</strong>');
    expect(html).toContain('PM6_Strong');
    expect(html).not.toContain('PP4');
    expect(html).not.toContain('7-1000-G-A');
    expect(html).toContain('Coverage was not assessed');
    expect(html).toContain('Signed off by <strong>dr.lee</strong>');
    expect(html).toContain('data-federated="not-looked-up"');
    expect(html).not.toMatch(/<script|src=|href=/);
  });

  it('names each federated answer with node, dataset, granularity and time when given', () => {
    const html = reportHtml(
      reportFixture({
        federated: [
          {
            variantKey: '2-166000000-C-T',
            node: 'IT',
            dataset: 'IT-RD-01',
            granularity: 'count',
            exists: true,
            count: 3,
            individuals: { min: 6400, max: 6400 },
            at: '2026-12-06T09:00:00Z',
          },
          {
            variantKey: '2-166000000-C-T',
            node: 'FI',
            dataset: 'FI-RD-01',
            granularity: 'count',
            exists: true,
            count: null,
            countRange: { min: 1, max: 9 },
            at: '2026-12-06T09:00:01Z',
          },
        ],
      }),
    );
    expect(html).toContain(
      '<td>IT</td><td>IT-RD-01</td><td>count</td><td>3</td><td>6,400</td><td><time datetime="2026-12-06T09:00:00Z">',
    );
    // A "<10" answer is shown as the node gave it, and a dataset without a size says so.
    expect(html).toContain('<td>&lt;10</td><td>not given</td>');
  });

  it('says DRAFT and shows no class for an unsigned, unconfirmed case', () => {
    const f = reportFixture();
    const [v] = f.work.variants;
    if (v === undefined) throw new Error('fixture');
    const html = reportHtml({
      ...f,
      work: {
        ...f.work,
        signOff: null,
        variants: [{ ...v, sheet: { ...v.sheet, confirmed: null } }],
      },
    });
    expect(html).toContain('DRAFT: not signed off');
    expect(html).toContain('data-class="unconfirmed"');
    expect(html).toContain('Not signed off.');
  });

  it('escapes what the data carries', () => {
    const html = reportHtml(reportFixture({ patientId: '<img src=x onerror=alert(1)>' }));
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });
});

describe('issue 18: the case Phenopacket (structure; the schema check is in npm run conformance)', () => {
  it('has the subject, HPO features, and a diagnosis with the reported variant and its ACMG class', () => {
    const p = casePhenopacket(reportFixture());
    expect(at(p, 'subject')).toEqual({ id: 'PSEUDO-0042', sex: 'FEMALE' });
    expect(at(p, 'phenotypicFeatures', 1, 'excluded')).toBe(true);
    expect(at(p, 'phenotypicFeatures', 1, 'type', 'id')).toBe('HP:0000365');
    // The label comes from the app's HPO table when the case has none.
    expect(at(p, 'phenotypicFeatures', 1, 'type', 'label')).toBe('Hearing impairment');
    expect(at(p, 'interpretations', 0, 'progressStatus')).toBe('SOLVED');
    expect(at(p, 'interpretations', 0, 'diagnosis', 'disease')).toEqual({
      id: 'OMIM:607208',
      label: 'Dravet syndrome',
    });
    const gis = at(p, 'interpretations', 0, 'diagnosis', 'genomicInterpretations') as Json[];
    expect(gis).toHaveLength(1);
    expect(at(gis[0], 'interpretationStatus')).toBe('CAUSATIVE');
    expect(at(gis[0], 'variantInterpretation', 'acmgPathogenicityClassification')).toBe(
      'PATHOGENIC',
    );
    expect(at(gis[0], 'variantInterpretation', 'variationDescriptor', 'vcfRecord')).toEqual({
      genomeAssembly: 'GRCh38',
      chrom: '2',
      pos: '166000000',
      ref: 'C',
      alt: 'T',
    });
    expect(at(gis[0], 'variantInterpretation', 'variationDescriptor', 'allelicState', 'id')).toBe(
      'GENO:0000135',
    );
    expect(at(p, 'metaData', 'phenopacketSchemaVersion')).toBe('2.0');
    expect((at(p, 'metaData', 'resources') as Json[]).map((r) => r.namespacePrefix)).toEqual([
      'HP',
      'OMIM',
    ]);
  });

  it('without a diagnosis has no genomic interpretations and says why', () => {
    const f = reportFixture();
    const p = casePhenopacket({ ...f, work: { ...f.work, diagnosis: null } });
    expect(at(p, 'interpretations', 0, 'diagnosis')).toBeUndefined();
    expect(at(p, 'interpretations', 0, 'summary')).toContain('No diagnosis named');
  });
});
