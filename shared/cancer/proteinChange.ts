// HGVS protein notation (VEP's HGVSp, e.g. `ENSP00000288602.6:p.Val600Glu`) → the short form the
// knowledge uses (`V600E`), so CIViC and the hotspot residues match whatever the assembly.

const AA3: Record<string, string> = {
  Ala: 'A',
  Arg: 'R',
  Asn: 'N',
  Asp: 'D',
  Cys: 'C',
  Gln: 'Q',
  Glu: 'E',
  Gly: 'G',
  His: 'H',
  Ile: 'I',
  Leu: 'L',
  Lys: 'K',
  Met: 'M',
  Phe: 'F',
  Pro: 'P',
  Ser: 'S',
  Thr: 'T',
  Trp: 'W',
  Tyr: 'Y',
  Val: 'V',
  Ter: '*',
  Sec: 'U',
  Xaa: 'X',
};

export interface ProteinChange {
  /** `V600E`, `R175H`, `E746_A750del`, `Q61*`; the one-letter form. */
  readonly short: string;
  /** First affected residue (1-based). */
  readonly position: number;
  /** The reference amino acid at `position` (one letter). */
  readonly refAa: string;
}

const one = (s: string): string => s.replace(/[A-Z][a-z]{2}/gu, (m) => AA3[m] ?? m);

/** Parses an HGVS p. string (three- or one-letter); null for synonymous, unknown or missing. */
export function parseProteinChange(hgvsp: string | null | undefined): ProteinChange | null {
  if (hgvsp === null || hgvsp === undefined) return null;
  const body = hgvsp.slice(hgvsp.indexOf('p.') + 2).replace(/[()]/gu, '');
  if (body === '' || body.includes('=') || body === '?') return null;
  const short = one(body).replace(/fsTer\d*|fs\*\d*/u, 'fs');
  const m = /^([A-Z*])(\d+)/u.exec(short);
  if (m === null) return null;
  return { short, position: Number(m[2]), refAa: m[1] as string };
}
