import { z } from 'zod';
import type { Said } from '../i18n/said';

/** The tracks the browser can show besides ideogram, ruler and genes. */
export const TrackKindSchema = z.enum([
  'cohort',
  'panel',
  'patientVcf',
  'federation',
  'genotypes',
  'case',
]);

export const TrackSpecSchema = z.object({
  id: z.string().min(1).max(100),
  kind: TrackKindSchema,
  name: z.string().min(1).max(200),
  /** Panel id for panel tracks, file name for patient VCFs, saved cohort id (or 'all') for genotypes, case id for a case. */
  source: z.string().max(300).optional(),
});
export type TrackSpec = z.infer<typeof TrackSpecSchema>;

/** A saved view: locus, tracks and colours as plain JSON (igv-webapp style), versioned. */
export const BrowserSessionSchema = z.object({
  app: z.literal('cohort-desk-browser'),
  version: z.literal(1),
  genome: z.literal('GRCh38'),
  locus: z.string().min(1).max(200),
  colorBy: z.enum(['consequence', 'clinSig']),
  tracks: z.array(TrackSpecSchema).max(50),
});
export type BrowserSession = z.infer<typeof BrowserSessionSchema>;

/** Serialises a session for saving to a file. */
export function sessionToJson(session: Omit<BrowserSession, 'app' | 'version' | 'genome'>): string {
  const full: BrowserSession = {
    app: 'cohort-desk-browser',
    version: 1,
    genome: 'GRCh38',
    ...session,
  };
  return JSON.stringify(full, null, 2);
}

/** Parses a saved session; the error says what is wrong in the person's words. */
export function sessionFromJson(
  text: string,
): { ok: true; session: BrowserSession } | { ok: false; message: string; said: Said } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: 'The file is not a Cohort Desk browser session (not JSON).',
      said: { key: 'sessionNotJson' },
    };
  }
  const parsed = BrowserSessionSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where =
      issue === undefined ? '' : ` (${issue.path.join('.') || 'file'}: ${issue.message})`;
    const field = issue?.path.join('.') ?? '';
    return {
      ok: false,
      message: `The file is not a Cohort Desk browser session${where}.`,
      said:
        field === '' ? { key: 'sessionNotSession' } : { key: 'sessionInvalid', params: { field } },
    };
  }
  return { ok: true, session: parsed.data };
}
