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

/**
 * CIViC's vocabulary (2018 nightly: evidence types, clinical significances, directions) and the
 * app's own codes in a line (how a CIViC variant was matched, a hotspot's level) as catalogue keys
 * (issue 22, decision 0075); the stored values stay CIViC's English words, worded when read.
 */
export const CIVIC_TYPES: Readonly<Record<string, string>> = {
  Predictive: 'predictive',
  Diagnostic: 'diagnostic',
  Prognostic: 'prognostic',
  Predisposing: 'predisposing',
};
export const CIVIC_SIGNIFICANCES: Readonly<Record<string, string>> = {
  Sensitivity: 'sensitivity',
  // CIViC's later name for the same significance.
  'Sensitivity/Response': 'sensitivity',
  'Resistance or Non-Response': 'resistance',
  Resistance: 'resistance',
  'Reduced Sensitivity': 'reducedSensitivity',
  'Adverse Response': 'adverseResponse',
  'Poor Outcome': 'poorOutcome',
  'Better Outcome': 'betterOutcome',
  Positive: 'positive',
  Negative: 'negative',
  Pathogenic: 'pathogenic',
  'Likely Pathogenic': 'likelyPathogenic',
  'Uncertain Significance': 'uncertainSignificance',
  'N/A': 'notApplicable',
  '': 'notGiven',
};
export const MATCHED_BY = ['allele-grch38', 'protein', 'residue'] as const;
export const HOTSPOT_LEVELS = ['allele', 'residue', 'indel', 'splice', '3d'] as const;

/** Marks a value as data (names as their source wrote them); the identity for plain text. */
export type MarkData = (value: string) => string;
const plain: MarkData = (v) => v;

/**
 * An evidence line's values in the reader's language: CIViC's and the app's codes worded, CIViC's
 * variant, disease and drug names and ClinVar's own words passed through `data` as data.
 */
function wordedValues(
  t: (key: string, values?: Values) => string,
  key: string,
  values: Values,
  data: MarkData,
): Values {
  const word = (prefix: string, code: string | undefined, raw: string | number): string | number =>
    code === undefined ? data(String(raw)) : t(`tierEvidence.${prefix}.${code}`);
  const out: Record<string, string | number> = { ...values };
  for (const [name, v] of Object.entries(values)) {
    const s = String(v);
    if (key === 'tierEvidence.civic' || key === 'tierEvidence.civicAgainst') {
      if (name === 'type') out[name] = word('civicType', CIVIC_TYPES[s], s);
      else if (name === 'significance')
        out[name] = word('civicSignificance', CIVIC_SIGNIFICANCES[s], s);
      else if (name === 'matchedBy')
        out[name] = word(
          'matchedBy',
          (MATCHED_BY as readonly string[]).includes(s) ? s : undefined,
          s,
        );
      else if (name === 'name' || name === 'where') out[name] = data(s);
    } else if (key.startsWith('tierEvidence.hotspot') && name === 'level')
      out[name] = word(
        'hotspotLevel',
        (HOTSPOT_LEVELS as readonly string[]).includes(s) ? s : undefined,
        s,
      );
    else if (name === 'impact' || name === 'value') out[name] = data(s);
  }
  return out;
}

/**
 * A row's evidence and gaps in the reader's language (English text for a case imported earlier).
 * `data` marks the values that are data (the renderer shows them as such; decision 0075).
 */
export function tierLines(
  t: (key: string, values?: Values) => string,
  json: string,
  data: MarkData = plain,
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
      text: e.key === undefined ? e.text : t(e.key, wordedValues(t, e.key, e.values ?? {}, data)),
      ...(e.ref === undefined ? {} : { ref: e.ref }),
    })),
    missing: j.missingKeys?.map((k) => t(k)) ?? j.missing,
  };
}
