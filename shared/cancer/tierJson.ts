import { z } from 'zod';
import type { Values } from '../i18n/documents';

/** A row's tier_json; `key`/`values` and `missingKeys` since issue 19's translation (else English text). */
export const TierJsonSchema = z.object({
  evidence: z
    .array(
      z.object({
        kind: z.string(),
        text: z.string(),
        ref: z.string().optional(),
        key: z.string().optional(),
        values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      }),
    )
    .catch([]),
  missing: z.array(z.string()).catch([]),
  missingKeys: z.array(z.string()).optional().catch(undefined),
});
export type TierJson = z.infer<typeof TierJsonSchema>;

/** A row's evidence and gaps in the reader's language (English text for a case imported earlier). */
export function tierLines(
  t: (key: string, values?: Values) => string,
  json: string,
): { evidence: { text: string; kind: string; ref?: string }[]; missing: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(json || '{}');
  } catch {
    raw = {};
  }
  const parsed = TierJsonSchema.safeParse(raw);
  const j = parsed.success ? parsed.data : { evidence: [], missing: [] };
  return {
    evidence: j.evidence.map((e) => ({
      kind: e.kind,
      text: e.key === undefined ? e.text : t(e.key, e.values ?? {}),
      ...(e.ref === undefined ? {} : { ref: e.ref }),
    })),
    missing: j.missingKeys?.map((k) => t(k)) ?? j.missing,
  };
}
