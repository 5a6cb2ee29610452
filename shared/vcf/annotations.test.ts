import { describe, expect, it } from 'vitest';
import { annotationLayouts, transcriptAnnotations } from './annotations';
import { clinvarInfo, frequencyInfoKeys } from './clinvar';
import { detectAssembly } from './assembly';
import { parseText, row, vcf } from './testing/parseText';

const CSQ =
  '##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|HGVSc|HGVSp|CANONICAL|MANE_SELECT|gnomADe_AF|gnomADg_AF|MAX_AF|CLIN_SIG">';
const ANN =
  '##INFO=<ID=ANN,Number=.,Type=String,Description="Functional annotations: \'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Feature_ID | Transcript_BioType | Rank | HGVS.c | HGVS.p | cDNA.pos / cDNA.length | CDS.pos / CDS.length | AA.pos / AA.length | Distance | ERRORS / WARNINGS / INFO\' ">';

describe('annotations already in the VCF', () => {
  it('reads VEP CSQ per transcript and ties each entry to its ALT (VEP drops the shared first base)', () => {
    const csq = [
      '-|frameshift_variant|HIGH|BRCA1|ENSG00000012048|Transcript|ENST00000357654|protein_coding|ENST00000357654.9:c.68_69del|ENSP00000350283.3:p.Glu23ValfsTer17|YES|NM_007294.4|1e-05&2e-05|.|0.0001|pathogenic',
      'T|missense_variant&splice_region_variant|MODERATE|BRCA1|ENSG00000012048|Transcript|ENST00000471181|protein_coding|||||||',
    ].join(',');
    const r = parseText(
      vcf('4.3', [CSQ], [], [row(17, 43124027, '.', 'CAG', 'C,CAT', 50, 'PASS', `CSQ=${csq}`)]),
    ).kept[0];
    expect(r).toBeDefined();
    if (r === undefined) return;
    const [del] = transcriptAnnotations(r, annotationLayouts(r.header));
    expect(del).toMatchObject({
      source: 'CSQ',
      altIndex: 1,
      consequences: ['frameshift_variant'],
      impact: 'HIGH',
      gene: 'BRCA1',
      geneId: 'ENSG00000012048',
      transcript: 'ENST00000357654',
      hgvsc: 'ENST00000357654.9:c.68_69del',
      hgvsp: 'ENSP00000350283.3:p.Glu23ValfsTer17',
      canonical: true,
      maneSelect: 'NM_007294.4',
      clinicalSignificance: 'pathogenic',
      frequencies: { gnomADe_AF: 2e-5, MAX_AF: 0.0001 },
    });
    const second = transcriptAnnotations(r, annotationLayouts(r.header))[1];
    expect(second?.consequences).toEqual(['missense_variant', 'splice_region_variant']);
    expect(second?.altIndex).toBeUndefined();
  });

  it('takes the highest number of an & list, skipping missing values (decision 0044)', () => {
    const r = parseText(
      vcf(
        '4.3',
        [CSQ],
        [],
        [
          row(
            1,
            5,
            '.',
            'C',
            'T',
            50,
            'PASS',
            'CSQ=T|missense_variant|MODERATE|X|||||||||.&0.3&0.1|.&.|0.25|',
          ),
        ],
      ),
    ).kept[0];
    const a =
      r === undefined ? undefined : transcriptAnnotations(r, annotationLayouts(r.header))[0];
    expect(a?.frequencies).toEqual({ gnomADe_AF: 0.3, MAX_AF: 0.25 });
    // Read twice (the import does): the same values.
    expect(a?.frequencies).toEqual({ gnomADe_AF: 0.3, MAX_AF: 0.25 });
    expect(a?.consequences).toEqual(['missense_variant']);
  });

  it('uses ALLELE_NUM when VEP wrote it', () => {
    const layout = CSQ.replace('Allele|', 'Allele|ALLELE_NUM|');
    const r = parseText(
      vcf(
        '4.3',
        [layout],
        [],
        [row(1, 5, '.', 'C', 'T,G', 50, 'PASS', 'CSQ=G|2|missense_variant|MODERATE|X|||||||||||')],
      ),
    ).kept[0];
    expect(
      r === undefined
        ? undefined
        : transcriptAnnotations(r, annotationLayouts(r.header))[0]?.altIndex,
    ).toBe(2);
  });

  it('reads SnpEff ANN per transcript, matched to ALT as written', () => {
    const ann =
      'A|stop_gained|HIGH|TP53|ENSG00000141510|transcript|ENST00000269305.9|protein_coding|5/11|c.586C>T|p.Arg196*|||||';
    const r = parseText(
      vcf('4.3', [ANN], [], [row(17, 7675088, '.', 'G', 'A', 50, 'PASS', `ANN=${ann}`)]),
    ).kept[0];
    expect(
      r === undefined ? undefined : transcriptAnnotations(r, annotationLayouts(r.header))[0],
    ).toMatchObject({
      source: 'ANN',
      altIndex: 1,
      consequences: ['stop_gained'],
      impact: 'HIGH',
      gene: 'TP53',
      transcript: 'ENST00000269305.9',
      hgvsc: 'c.586C>T',
      hgvsp: 'p.Arg196*',
    });
  });

  it('reads ClinVar INFO keys and lists population-frequency INFO keys (not the sample AF)', () => {
    const meta = [
      '##INFO=<ID=CLNSIG,Number=.,Type=String,Description="x">',
      '##INFO=<ID=CLNREVSTAT,Number=.,Type=String,Description="x">',
      '##INFO=<ID=CLNDN,Number=.,Type=String,Description="x">',
      '##INFO=<ID=gnomAD_AF,Number=A,Type=Float,Description="x">',
      '##INFO=<ID=AF,Number=A,Type=Float,Description="x">',
    ];
    const r = parseText(
      vcf(
        '4.3',
        meta,
        [],
        [
          row(
            1,
            5,
            '.',
            'C',
            'T',
            5,
            'PASS',
            'CLNSIG=Pathogenic;CLNREVSTAT=criteria_provided,_multiple_submitters;CLNDN=Breast_cancer|Ovarian_cancer;AF=0.5',
          ),
        ],
      ),
    ).kept[0];
    expect(r === undefined ? undefined : clinvarInfo(r)).toEqual({
      significance: 'Pathogenic',
      reviewStatus: 'criteria_provided,_multiple_submitters',
      conditions: ['Breast_cancer', 'Ovarian_cancer'],
      alleleId: null,
      geneInfo: null,
    });
    expect(r === undefined ? [] : frequencyInfoKeys(r.header)).toEqual(['gnomAD_AF']);
  });
});

describe('assembly', () => {
  const header = (meta: string[]) => parseText(vcf('4.2', meta, [], [])).header;
  it('recognises GRCh37 from a contig length, whatever the ##reference says', () => {
    const h = header(['##reference=GRCh38', '##contig=<ID=1,length=249250621>']);
    expect(h === undefined ? undefined : detectAssembly(h)).toEqual({
      assembly: 'GRCh37',
      evidence: "##contig=<ID=1,length=249250621> (line 3) is GRCh37's chromosome 1",
      line: 3,
      // Issue 22: the evidence as a code and values the Browser words in the reader's language.
      said: {
        code: 'contig-length',
        params: { contig: '1', length: '249250621', line: '3', chrom: '1', assembly: 'GRCh37' },
      },
    });
  });
  it('recognises GRCh38 from lengths (chr or bare names), hg19 from chrM 16571, and names as a fallback', () => {
    const guess = (meta: string[]): string | undefined => {
      const h = header(meta);
      return h === undefined ? undefined : detectAssembly(h).assembly;
    };
    expect(guess(['##contig=<ID=chr17,length=83257441>'])).toBe('GRCh38');
    expect(guess(['##contig=<ID=17,length=83257441>'])).toBe('GRCh38');
    expect(guess(['##contig=<ID=chrM,length=16571>'])).toBe('GRCh37');
    expect(guess(['##reference=file:///ref/hs37d5.fa'])).toBe('GRCh37');
    expect(
      guess([
        '##reference=ftp://x/GRCh38_full_analysis_set_plus_decoy_hla.fa',
        '##contig=<ID=chr22>',
      ]),
    ).toBe('GRCh38');
    expect(guess(['##contig=<ID=chr22>'])).toBe('unknown');
  });
});
