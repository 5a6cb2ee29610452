/** A problem in a patient VCF, located for the person who has to fix it. */
export interface VcfProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

const BASES = /^[ACGTN]+$/i;
const ALT = /^([ACGTN*.]+|<[^>]+>|[ACGTN]*[[\]].*)$/i;

/**
 * Checks a plain-text VCF before igv sees it (igv drops bad lines silently or fails without a
 * line): the fileformat header, a #CHROM line, and 8+ tab-separated columns with a numeric POS,
 * REF bases and valid ALT alleles on every record. Returns the first problem, or undefined.
 */
export function checkVcfText(file: string, text: string): VcfProblem | undefined {
  const lines = text.split(/\r?\n/);
  if (!(lines[0] ?? '').startsWith('##fileformat=VCF')) {
    return { file, line: 1, message: 'the first line must be ##fileformat=VCFv4.x' };
  }
  let header = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const at = i + 1;
    if (line === '' || line.startsWith('##')) continue;
    if (line.startsWith('#CHROM')) {
      header = true;
      continue;
    }
    if (!header) return { file, line: at, message: 'a record comes before the #CHROM header line' };
    const cols = line.split('\t');
    if (cols.length < 8)
      return {
        file,
        line: at,
        message: `expected at least 8 tab-separated columns, found ${String(cols.length)}`,
      };
    const [, pos = '', , ref = '', alt = ''] = cols;
    if (!/^\d+$/.test(pos) || Number(pos) < 1)
      return { file, line: at, message: `POS "${pos}" is not a positive whole number` };
    if (!BASES.test(ref))
      return { file, line: at, message: `REF "${ref}" is not a sequence of bases` };
    for (const a of alt.split(','))
      if (!ALT.test(a)) return { file, line: at, message: `ALT "${a}" is not a valid allele` };
  }
  if (!header) return { file, line: lines.length, message: 'the #CHROM header line is missing' };
  return undefined;
}

/** Human-readable "file, line n: what" for the error banner. */
export const describeVcfProblem = (p: VcfProblem): string =>
  `${p.file}, line ${String(p.line)}: ${p.message}`;
