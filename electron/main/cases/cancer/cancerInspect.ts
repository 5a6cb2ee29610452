import { detectCaller } from '../../../../shared/cancer/somaticCalls';
import type { VcfHeader } from '../../../../shared/vcf';

/** The somatic caller a header shows (Mutect2, Strelka2), for the New case dialog; {} otherwise. */
export function somaticOf(header: VcfHeader | undefined): {
  somatic?: { caller: 'mutect2' | 'strelka2'; tumour: string | null; normal: string | null };
} {
  if (header === undefined) return {};
  const d = detectCaller(header);
  return d.caller === 'generic'
    ? {}
    : { somatic: { caller: d.caller, tumour: d.tumour, normal: d.normal } };
}
