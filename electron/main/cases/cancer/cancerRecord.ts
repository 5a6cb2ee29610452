import type { CancerCase, CancerRecord } from '../../../../shared/cancer/cancerCase';
import { KNOWLEDGE_VERSIONS } from '../../../../shared/cancer/knowledge';
import { detectCaller } from '../../../../shared/cancer/somaticCalls';
import { ONCOTREE_SUBSET_NOTE } from '../../../../shared/cancer/tumourTypes';
import type { VcfHeader } from '../../../../shared/vcf';

/** The cancer part of a case's record: the caller its header shows and what the dialog chose. */
export function cancerRecord(header: VcfHeader, c: CancerCase): CancerRecord {
  return {
    caller: detectCaller(header).caller,
    tumourType: c.tumourType ?? null,
    purity: c.purity ?? null,
    tumour: c.tumour,
    normal: c.normal ?? null,
  };
}

/** case_meta entries of a cancer case: its kind, and the knowledge versions its flags came from. */
export function cancerMeta(r: CancerRecord): Record<string, string> {
  return {
    kind: 'cancer',
    caller: r.caller,
    tumour_type: r.tumourType ?? '',
    tumour_type_vocabulary: ONCOTREE_SUBSET_NOTE,
    purity: r.purity === null ? '' : String(r.purity),
    knowledge_hotspots: KNOWLEDGE_VERSIONS.hotspots,
    knowledge_civic: KNOWLEDGE_VERSIONS.civic,
    knowledge_clinvar: KNOWLEDGE_VERSIONS.clinvar,
  };
}
