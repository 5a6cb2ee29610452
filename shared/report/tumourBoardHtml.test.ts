import { describe, expect, it } from 'vitest';
import type { CancerRecord } from '../cancer/cancerCase';
import { KNOWLEDGE_VERSIONS } from '../cancer/knowledge';
import type { Language } from '../i18n/languages';
import { SUPPORTED_LANGUAGES } from '../i18n/languages';
import { tumourBoardHtml } from './tumourBoardHtml';

/** The board's limitations, as text. */
const limitations = (cancer: CancerRecord, lang: Language = 'en'): string[] => {
  const html = tumourBoardHtml(
    { cancer, rows: [], answers: [], knowledge: KNOWLEDGE_VERSIONS },
    lang,
  );
  const list = /<h3>[^<]*<\/h3>\s*<ul>((?:<li>[^<]*<\/li>)*)<\/ul>\s*<\/section>$/u.exec(html)?.[1];
  return [...(list ?? '').matchAll(/<li>([^<]*)<\/li>/gu)].map((m) => m[1] ?? '');
};

const tumourNormal: CancerRecord = {
  caller: 'mutect2',
  tumourType: 'BRCA',
  purity: 0.6,
  tumour: 'T-001',
  normal: 'N-001',
};
const germline = {
  name: 'blood.vcf.gz',
  sample: 'P-019-BLOOD',
  records: 5,
  variants: 4,
  sha256: '0'.repeat(64),
  plainBytes: 1,
  sealedBytes: 1,
};
const NORMAL_SOURCE = 'Germline calls come from the normal sample of the tumour-normal VCF';

describe('issue 19: the tumour board says where its germline findings come from', () => {
  it('issue 19: a case with a germline VCF names its sample and file, not the normal, as the predisposition source', () => {
    const both = limitations({ ...tumourNormal, germline });
    expect(both.join('\n')).not.toContain(NORMAL_SOURCE);
    expect(both).toContain(
      'Predisposition is read from sample P-019-BLOOD of the germline VCF blood.vcf.gz, with the genotypes its germline caller gave; they are not checked against the reads here.',
    );
    // The germline leaks are still the tumour-normal VCF's normal.
    expect(
      both.some((x) => x.startsWith('Germline leaks are flagged from the normal sample')),
    ).toBe(true);
    const tumourOnly = limitations({ ...tumourNormal, normal: null, germline });
    expect(tumourOnly.some((x) => x.startsWith('Germline leaks'))).toBe(false);
    expect(tumourOnly.some((x) => x.includes('germline VCF blood.vcf.gz'))).toBe(true);
  });

  it('issue 19: the normal is the source without a germline VCF; a tumour-only case without one says nothing was assessed', () => {
    expect(limitations(tumourNormal).some((x) => x.startsWith(NORMAL_SOURCE))).toBe(true);
    const none = limitations({ ...tumourNormal, normal: null });
    expect(none.join('\n')).not.toContain(NORMAL_SOURCE);
    expect(none).toContain(
      'Tumour-only, without a germline VCF: predisposition was not assessed, and germline variants cannot be told from somatic calls.',
    );
  });

  it('every document language words the germline sources, with the file and sample filled in', () => {
    for (const lang of SUPPORTED_LANGUAGES) {
      const text = limitations({ ...tumourNormal, germline }, lang).join('\n');
      expect(text, lang).toContain('blood.vcf.gz');
      expect(text, lang).toContain('P-019-BLOOD');
      expect(text, lang).not.toContain('{{');
      expect(limitations({ ...tumourNormal, normal: null }, lang), lang).toHaveLength(4);
    }
  });
});
