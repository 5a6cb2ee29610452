// Zygosity classes of Beacon caseLevelData terms (BCN-04), for the pull's record conversion.

// GENO zygosity classes: homozygous (and homoplasmic, hemizygous: the only copy carries the allele,
// which VCF callers write as 1/1), everything else that names a carrier is heterozygous.
const HOM = new Set(['GENO:0000136', 'GENO:0000602', 'GENO:0000134']);

/** 'hom' or 'het' for a zygosity term from GENO or any ontology (by id, else by label). */
export function zygosityOf(
  term: { id: string; label?: string | undefined } | undefined,
): 'het' | 'hom' {
  if (term === undefined) return 'het';
  if (HOM.has(term.id)) return 'hom';
  return /\b(homozygous|homoplasmic|hemizygous)\b/i.test(term.label ?? '') ? 'hom' : 'het';
}

/**
 * Zygosity classes of the terms a page repeats (issue 20): zygosityOf once per distinct id and
 * label instead of a regular expression per carrier. Bounded, so a node sending a new term per
 * carrier costs what it did before and no more memory.
 */
export class ZygosityMemo {
  private readonly known = new Map<string, Map<string | undefined, 'het' | 'hom'>>();
  private size = 0;
  private last: { id: string; label: string | undefined; z: 'het' | 'hom' } | undefined;
  of(term: { id: string; label?: string | undefined } | undefined): 'het' | 'hom' {
    if (term === undefined) return 'het';
    const last = this.last;
    if (last !== undefined && last.id === term.id && last.label === term.label) return last.z;
    const z = this.lookUp(term);
    this.last = { id: term.id, label: term.label, z };
    return z;
  }
  private lookUp(term: { id: string; label?: string | undefined }): 'het' | 'hom' {
    const byLabel = this.known.get(term.id);
    const hit = byLabel?.get(term.label);
    if (hit !== undefined) return hit;
    const z = zygosityOf(term);
    if (this.size < 64) {
      this.size += 1;
      if (byLabel === undefined) this.known.set(term.id, new Map([[term.label, z]]));
      else byLabel.set(term.label, z);
    }
    return z;
  }
}
