import type { Corpus, CorpusOptions } from '../corpus';
import { buildCorpus } from '../corpus';
import { buildOntology } from '../ontology';

/**
 * A hand-made ontology and three diseases, small enough to compute every score by hand (the
 * expected values in the tests are worked out in their comments).
 *
 *   1 All ─ 118 Phenotypic abnormality ─┬ 10 Nervous ─ 11 Seizure ─┬ 12 Focal seizure
 *         │                             │                         └ 13 Absence seizure
 *         │                             └ 20 Eye ─┬ 21 Cataract ─ 23 Nuclear cataract
 *         │                                       └ 22 Myopia
 *         └ 5 Mode of inheritance ─┬ 6 AD, 7 AR, 32113 semidominant
 *                                  └ 1417 X-linked ─ 1419 XLR
 *
 * OMIM:1 (gene GENEA, AD): Focal seizure 50%, Cataract (no frequency)
 * OMIM:2 (gene GENEB, AR): Cataract 80%, Myopia (no frequency)
 * OMIM:3 (gene GENEC): Absence seizure (no frequency); NOT Cataract
 * Old id 99 was replaced by 22 (Myopia).
 */
export const TINY_HPO = [
  '0000001\tAll\t',
  '0000118\tPhenotypic abnormality\t0000001',
  '0000010\tNervous\t0000118',
  '0000011\tSeizure\t0000010',
  '0000012\tFocal seizure\t0000011',
  '0000013\tAbsence seizure\t0000011',
  '0000020\tEye\t0000118',
  '0000021\tCataract\t0000020',
  '0000022\tMyopia\t0000020',
  '0000023\tNuclear cataract\t0000021',
  '0000005\tMode of inheritance\t0000001',
  '0000006\tAutosomal dominant inheritance\t0000005',
  '0000007\tAutosomal recessive inheritance\t0000005',
  '0032113\tSemidominant inheritance\t0000005',
  '0001417\tX-linked inheritance\t0000005',
  '0001419\tX-linked recessive inheritance\t0001417',
].join('\n');

export const TINY_DISEASES = [
  'OMIM:1\tEpilepsy with cataract\t6\t\t0\t12:50,21\t',
  'OMIM:2\tEye disease\t7\t\t1\t21:80,22\t',
  'OMIM:3\tAbsence epilepsy\t\t\t2\t13\t21',
].join('\n');

export const TINY_GENES = ['1\tGENEA\t', '2\tGENEB\tOLDB', '3\tGENEC\t'].join('\n');

/** The tiny corpus; unknown frequencies count 1 (observed) and 0.5 (excluded) unless given. */
export const tinyCorpus = (
  options: CorpusOptions = { unknownFrequency: 1, unknownExcludedFrequency: 0.5 },
): Corpus => buildCorpus(buildOntology(TINY_HPO, '99:22'), TINY_DISEASES, TINY_GENES, options);
