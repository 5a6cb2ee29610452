import { z } from 'zod';

/**
 * The diagnosis picker's search (issue 18; decision 0046): OMIM and Orphanet diseases of the HPO
 * annotations the app ships (shared/ranking/annotations.data.ts), found by label words or id, each
 * with its mode-of-inheritance terms (BS1 per disease, shared/acmg/bs1.ts).
 */

export const DiseaseSearchRequestSchema = z
  .object({ query: z.string().max(200), limit: z.number().int().min(1).max(50).optional() })
  .strict();
export const DiseaseHitSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    /** Mode-of-inheritance HP ids as numbers (6 = HP:0000006), as the annotation table writes them. */
    inheritance: z.array(z.number().int().nonnegative()).max(20),
  })
  .strict();
export type DiseaseHit = z.infer<typeof DiseaseHitSchema>;
export const DiseaseSearchSchema = z
  .object({ diseases: z.array(DiseaseHitSchema), version: z.string() })
  .strict();
export type DiseaseSearch = z.infer<typeof DiseaseSearchSchema>;

/** The OMIM and Orphanet rows of the annotation table (DECIPHER ids are left out). */
export function parseDiseaseRows(tsv: string): DiseaseHit[] {
  const out: DiseaseHit[] = [];
  for (const line of tsv.split('\n')) {
    const [id = '', label = '', inh = ''] = line.split('\t', 3);
    if (!/^(OMIM|ORPHA):\d+$/.test(id)) continue;
    out.push({ id, label, inheritance: inh === '' ? [] : inh.split(',').map(Number) });
  }
  return out;
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Diseases matching a query: an id ("OMIM:613721", "ORPHA:33069" or the bare number) first, then
 * labels holding every word of the query, those starting with its first word before the rest.
 */
export function searchDiseases(
  rows: readonly DiseaseHit[],
  query: string,
  limit = 20,
): DiseaseHit[] {
  const q = fold(query.trim());
  if (q.length < 2) return [];
  const idQuery = q.replace(/^orphanet:/, 'orpha:').replace(/\s+/g, '');
  const byId = rows.filter((r) => {
    const id = r.id.toLowerCase();
    return id === idQuery || id.endsWith(`:${idQuery}`);
  });
  const words = q.split(/\s+/).filter((w) => w !== '');
  const first: DiseaseHit[] = [];
  const rest: DiseaseHit[] = [];
  for (const r of rows) {
    if (byId.includes(r)) continue;
    const label = fold(r.label);
    if (!words.every((w) => label.includes(w))) continue;
    (label.startsWith(words[0] ?? '') ? first : rest).push(r);
    if (byId.length + first.length >= limit) break;
  }
  return [...byId, ...first, ...rest].slice(0, limit);
}
