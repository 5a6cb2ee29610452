import type { TFunction } from 'i18next';
import type { VcfProblem } from '../../../../shared/vcf';
import type { PatientVcfCheck } from '../../igv/vcfCheck';
import { codedText } from '../../i18n/codedText';
import { problemPlace } from '../caseReview/ProblemList';

/**
 * A VCF problem as the Browser's banner shows it: "file, line n, column INFO, field AF: what", the
 * place and the sentence in the reader's language (issue 22, decision 0069).
 */
export function vcfProblemText(t: TFunction, p: VcfProblem): string {
  const place = [
    t('genomeBrowser.vcfFileLine', { file: p.file, line: String(p.line) }),
    problemPlace(t, { column: p.column, field: p.field }),
  ]
    .filter((s) => s !== '')
    .join(', ');
  return t('coded.place.at', { place, text: codedText(t, 'fileProblem', p, p.message) });
}

/** The banner text for a refused patient VCF. */
export function patientVcfRefusal(t: TFunction, r: Exclude<PatientVcfCheck, { ok: true }>): string {
  switch (r.kind) {
    case 'problem': {
      const where = vcfProblemText(t, r.problem);
      return r.more > 0
        ? t('genomeBrowser.vcfProblemMore', {
            where,
            count: r.more,
            stopped: r.stopped ? t('genomeBrowser.vcfStopped') : '',
          })
        : t('genomeBrowser.vcfProblem', { where });
    }
    case 'grch37':
      return t('genomeBrowser.vcfGrch37', {
        file: r.file,
        evidence: codedText(t, 'assemblyEvidence', r.said, r.evidence),
      });
    case 'notGrch38':
      return t('genomeBrowser.vcfNotGrch38', { file: r.file, contigs: r.contigs });
    case 'noHeader':
      return t('genomeBrowser.vcfNoHeader', { file: r.file });
  }
}
